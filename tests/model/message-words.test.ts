import { describe, expect, it } from 'vitest';
import { safeParseHouseholdPath } from '../../src/household.js';
import { safeParsePath } from '../../src/index.js';
import { gezinInput } from '../household/fixtures.js';

function v1Path(title: string, description: string): string {
  return JSON.stringify({
    schemaVersion: 1, id: 'test/woorden', version: '1.0.0', title: { nl: title }, description: { nl: description }, initial: 'a',
    steps: { a: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'A' } } },
  });
}

describe('words of messages', () => {
  it('calls YAML .nan not a number, not a number too large', () => {
    const yaml = JSON.stringify(gezinInput()).replace('"detects":{"schulden":0.5}', '"detects":{"schulden":.nan}');
    expect(yaml).toContain('.nan');
    const d = safeParseHouseholdPath(yaml, { filename: 'gezin.yaml' }).diagnostics.find((x) => x.pointer === '/steps/intake/detects/schulden');
    expect(d?.message).toContain('not a number (NaN)');
    expect(d?.nl.message).toContain('geen getal (NaN)');
    expect(`${d?.message} ${d?.nl.message}`).not.toMatch(/too large|te groot/);
  });

  it('tells a description that is too long to be shorter, and a label to move its text to the description', () => {
    const description = safeParsePath(v1Path('Kort', 'x'.repeat(10_001))).diagnostics.find((d) => d.code === 'label-too-long');
    expect(description).toMatchObject({ pointer: '/description/nl' });
    expect(description!.hint).toContain('Shorten the description');
    expect(description!.nl.hint).toContain('Maak de beschrijving korter');
    expect(description!.hint).not.toContain('longer explanations go in "description"');
    const label = safeParsePath(v1Path('x'.repeat(2_001), 'kort')).diagnostics.find((d) => d.code === 'label-too-long');
    expect(label).toMatchObject({ pointer: '/title/nl' });
    expect(label!.hint).toContain('longer explanations go in "description"');
  });
});
