import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeParsePath } from '../../src/load/index.js';
import { safeLoadPath } from '../../src/node/index.js';

const BROKEN = 'tests/fixtures/broken';

interface Case {
  file: string;
  code: string;
  pointer: string;
  line: number;
  /** The file the diagnostic is in, when it is not the loaded one. */
  in?: string;
  /** A text the English hint must contain. */
  hint?: string;
}

// one problem per fixture; line numbers are those of the fixture text
const CASES: Case[] = [
  { file: 'not-json.json', code: 'invalid-json', pointer: '', line: 1 },
  { file: 'empty.json', code: 'not-an-object', pointer: '', line: 1 },
  { file: 'missing-comma.json', code: 'invalid-json', pointer: '', line: 5 },
  { file: 'trailing-comma.json', code: 'invalid-json', pointer: '', line: 7 },
  { file: 'comment.json', code: 'invalid-json', pointer: '', line: 4 },
  { file: 'invalid-yaml.yaml', code: 'invalid-yaml', pointer: '', line: 4 },
  { file: 'not-an-object.json', code: 'not-an-object', pointer: '', line: 1 },
  { file: 'not-an-object.yaml', code: 'not-an-object', pointer: '', line: 2 },
  { file: 'wrong-type-title.json', code: 'invalid-type', pointer: '/title', line: 5 },
  { file: 'wrong-type-weight.json', code: 'invalid-type', pointer: '/steps/intake/transitions/0/weight', line: 17 },
  { file: 'unknown-field-step.json', code: 'unknown-field', pointer: '/steps/intake/tranistions', line: 17, hint: '"transitions"' },
  { file: 'unknown-field-top.json', code: 'unknown-field', pointer: '/titel', line: 5, hint: '"title"' },
  { file: 'missing-initial.json', code: 'missing-field', pointer: '/initial', line: 1 },
  { file: 'initial-unknown.json', code: 'unknown-initial', pointer: '/initial', line: 9, hint: '"intake"' },
  { file: 'missing-target.json', code: 'unknown-target', pointer: '/steps/intake/transitions/0/to', line: 17, hint: '"einde"' },
  { file: 'unknown-actor.json', code: 'unknown-actor', pointer: '/steps/intake/actor', line: 14, hint: '"verloskundige"' },
  { file: 'outcome-transitions.json', code: 'outcome-with-transitions', pointer: '/steps/einde/transitions', line: 22 },
  { file: 'duplicate-step.json', code: 'duplicate-key', pointer: '/steps/intake', line: 19, hint: 'line 11' },
  { file: 'duplicate-key.yaml', code: 'duplicate-key', pointer: '/steps/intake', line: 17, hint: 'line 7' },
  { file: 'proto-key.json', code: 'forbidden-key', pointer: '/steps/intake/label/__proto__', line: 15 },
  { file: 'constructor-key.yaml', code: 'forbidden-key', pointer: '/steps/intake/constructor', line: 11 },
  { file: 'label-control.json', code: 'label-control-character', pointer: '/steps/intake/label/nl', line: 15 },
  { file: 'label-tab.yaml', code: 'label-control-character', pointer: '/title/nl', line: 4 },
  { file: 'bad-time-two-units.json', code: 'invalid-time', pointer: '/steps/intake/window/from', line: 16 },
  { file: 'bad-time-range.json', code: 'invalid-value', pointer: '/steps/intake/window/from/gw', line: 16 },
  { file: 'bad-condition-mixed.json', code: 'invalid-condition', pointer: '/steps/intake/transitions/0/when', line: 17 },
  { file: 'bad-condition-empty.json', code: 'invalid-condition', pointer: '/steps/intake/transitions/0/when', line: 17 },
  { file: 'bad-event-name.json', code: 'invalid-value', pointer: '/steps/intake/transitions/0/on', line: 17 },
  { file: 'bad-step-id.json', code: 'invalid-value', pointer: '/steps/Einde Stap', line: 19 },
  { file: 'wrong-kind.json', code: 'wrong-kind', pointer: '/kind', line: 3 },
  { file: 'schema-version.json', code: 'unsupported-schema-version', pointer: '/schemaVersion', line: 2 },
  { file: 'yaml-bomb.yaml', code: 'yaml-alias-limit', pointer: '', line: 4 },
  { file: 'include-cycle-a.json', code: 'include-cycle', pointer: '/includes/0/path', line: 11, in: 'include-cycle-b.json' },
  { file: 'include-missing.json', code: 'include-not-found', pointer: '/includes/0/path', line: 9 },
  { file: 'include-unknown-connect.json', code: 'unknown-connect', pointer: '/includes/0/connect/bevalen', line: 11, hint: '"bevallen"' },
  { file: 'include-conflict.json', code: 'include-conflict', pointer: '/includes/0/path', line: 12 },
  { file: 'include-bad-child.json', code: 'unknown-field', pointer: '/steps/intake/tranistions', line: 17, in: 'unknown-field-step.json' },
];

describe('bad input: each broken fixture gives its diagnostic at the right place', () => {
  it('has at least 25 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(CASES)('$file → $code at "$pointer", line $line', async (c) => {
    const result = await safeLoadPath(join(BROKEN, c.file));
    expect(result.ok).toBe(false);
    const found = result.diagnostics.find((d) => d.code === c.code && d.pointer === c.pointer);
    expect(found, JSON.stringify(result.diagnostics.map((d) => [d.code, d.pointer]))).toBeDefined();
    expect(found!.file).toBe(join(BROKEN, c.in ?? c.file));
    expect(found!.line).toBe(c.line);
    expect(found!.column).toBeGreaterThanOrEqual(1);
    expect(found!.nl.message.length).toBeGreaterThan(0);
    if (c.hint) expect(found!.hint).toContain(c.hint);
    // the line really is the fixture's line for that place: for a named key, the key is on it
    const key = c.pointer.split('/').pop()!;
    if (key && !/^\d+$/.test(key) && !['missing-field', 'include-cycle'].includes(c.code) && c.in === undefined) {
      const text = readFileSync(join(BROKEN, c.file), 'utf8').split(/\r?\n/)[c.line - 1]!;
      expect(text).toContain(key);
    }
  });

  it('never pollutes Object.prototype through reserved keys', async () => {
    await safeLoadPath(join(BROKEN, 'proto-key.json'));
    await safeLoadPath(join(BROKEN, 'constructor-key.yaml'));
    safeParsePath('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}', { filename: 'x.json' });
    safeParsePath('__proto__:\n  polluted: yes\n', { filename: 'x.yaml' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('names the cycle of files in an include-cycle diagnostic', async () => {
    const result = await safeLoadPath(join(BROKEN, 'include-cycle-a.json'));
    const cycle = result.diagnostics.find((d) => d.code === 'include-cycle');
    expect(cycle?.params.cycle).toBe([join(BROKEN, 'include-cycle-a.json'), join(BROKEN, 'include-cycle-b.json'), join(BROKEN, 'include-cycle-a.json')].join(' → '));
  });

  it('stops a YAML alias bomb at the alias limit, also a small one, and accepts modest aliases', () => {
    const bomb = readFileSync(join(BROKEN, 'yaml-bomb.yaml'), 'utf8');
    const small = safeParsePath(bomb, { filename: 'bomb.yaml', limits: { maxYamlAliasCount: 10 } });
    expect(small.diagnostics.map((d) => [d.code, d.params.limit])).toEqual([['yaml-alias-limit', 10]]);
    const modest = 'a: &a [1, 2]\nb: [*a, *a]\n';
    const read = safeParsePath(modest, { filename: 'modest.yaml', limits: { maxYamlAliasCount: 6 } });
    expect(read.diagnostics.map((d) => d.code)).not.toContain('yaml-alias-limit');
    const tooMany = safeParsePath(modest, { filename: 'modest.yaml', limits: { maxYamlAliasCount: 5 } });
    expect(tooMany.diagnostics.map((d) => d.code)).toContain('yaml-alias-limit');
  });

  it('refuses text larger than limits.maxFileBytes', () => {
    const result = safeParsePath('{"id": "' + 'x'.repeat(200) + '"}', { filename: 'big.json', limits: { maxFileBytes: 100 } });
    expect(result.diagnostics.map((d) => [d.code, d.params.size, d.params.limit])).toEqual([['file-too-large', 210, 100]]);
  });

  it('tells, for an empty file, how a care path and a household path begin', () => {
    const [empty] = safeParsePath('', { filename: 'leeg.json' }).diagnostics;
    expect(empty).toMatchObject({ code: 'not-an-object', line: 1 });
    expect(empty!.hint).toContain('"schemaVersion": 1 for a care path or another document, 2 for a household path');
    expect(empty!.nl.hint).toContain('"schemaVersion": 1 voor een zorgpad of ander document, 2 voor een huishoudpad');
  });

  it('gives a plain diagnostic for a file that does not exist', async () => {
    const result = await safeLoadPath(join(BROKEN, 'nothing-here.json'));
    expect(result.diagnostics.map((d) => [d.code, d.file])).toEqual([['file-not-found', join(BROKEN, 'nothing-here.json')]]);
  });
});
