import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { sourceOf, toPointer } from '../../src/diagnostics/index.js';
import { safeParsePath } from '../../src/load/index.js';
import { LineIndex } from '../../src/load/positions.js';

const stepId = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
const label = fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme' }).filter((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s));

/** Generated valid paths: unique step ids, transitions among them, the last step an outcome. */
const pathArbitrary = fc.uniqueArray(stepId, { minLength: 1, maxLength: 30 }).chain((ids) =>
  fc
    .tuple(
      fc.array(fc.array(fc.nat({ max: ids.length - 1 }), { maxLength: 3 }), { minLength: ids.length, maxLength: ids.length }),
      fc.array(label, { minLength: ids.length, maxLength: ids.length }),
    )
    .map(([targets, labels]) => ({
      schemaVersion: 1,
      id: 'generated/path',
      version: '1.0.0',
      title: { nl: 'Gegenereerd' },
      actors: {},
      initial: ids[0]!,
      steps: Object.fromEntries(
        ids.map((id, i) => [
          id,
          i === ids.length - 1
            ? { kind: 'outcome', phase: 'postpartum', label: { nl: labels[i]! }, transitions: [] }
            : { kind: 'contact', phase: 'pregnancy', label: { nl: labels[i]! }, transitions: targets[i]!.map((t) => ({ to: ids[t]! })) },
        ]),
      ),
    })),
);

function lineOf(text: string, pattern: RegExp): number {
  return text.split('\n').findIndex((line) => pattern.test(line)) + 1;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

describe('source positions', () => {
  it('JSON and YAML versions of the same path parse to equal objects', () => {
    const json = safeParsePath(readFileSync('tests/fixtures/load/valid.json', 'utf8'), { filename: 'valid.json' });
    const yaml = safeParsePath(readFileSync('tests/fixtures/load/valid.yaml', 'utf8'), { filename: 'valid.yaml' });
    expect(json.ok && yaml.ok).toBe(true);
    expect(json.ok && json.value).toEqual(yaml.ok && yaml.value);
  });

  it('generated paths read the same from JSON and from YAML', () => {
    fc.assert(
      fc.property(pathArbitrary, (path) => {
        const json = safeParsePath(JSON.stringify(path, null, 2), { filename: 'p.json' });
        const yaml = safeParsePath(stringify(path), { filename: 'p.yaml' });
        expect(json.diagnostics).toEqual([]);
        expect(json.ok && json.value).toEqual(yaml.ok && yaml.value);
        expect(json.ok && json.value).toEqual(path);
      }),
      { numRuns: 50 },
    );
  });

  it('the line of /steps/<id> is the line where the text names the step (JSON and YAML)', () => {
    fc.assert(
      fc.property(pathArbitrary, (path) => {
        const jsonText = JSON.stringify(path, null, 2);
        const yamlText = stringify(path);
        const json = safeParsePath(jsonText, { filename: 'p.json' });
        const yaml = safeParsePath(yamlText, { filename: 'p.yaml' });
        if (!json.ok || !yaml.ok) throw new Error('generated path did not load');
        for (const id of Object.keys(path.steps)) {
          const pointer = toPointer(['steps', id]);
          const jsonAt = sourceOf(json.value)!.locate(pointer);
          expect(jsonAt.line).toBe(lineOf(jsonText, new RegExp(`^    "${escapeRegExp(id)}": \\{$`)));
          expect(jsonAt.column).toBe(5);
          expect(sourceOf(yaml.value)!.locate(pointer).line).toBe(lineOf(yamlText, new RegExp(`^  ${escapeRegExp(id)}:$`)));
        }
      }),
      { numRuns: 50 },
    );
  });

  it('offset → line/column agrees with counting line breaks, for LF, CRLF and CR', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'é', '\n', '\r\n', '\r', ' ', '😀'), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const index = new LineIndex(text);
        let line = 1;
        let column = 1;
        for (let offset = 0; offset < text.length; offset++) {
          expect(index.position(offset)).toEqual({ line, column });
          const c = text[offset];
          if (c === '\n' || (c === '\r' && text[offset + 1] !== '\n')) {
            line++;
            column = 1;
          } else column++;
        }
      }),
    );
  });

  it('a pointer to a missing member points at its nearest existing parent', () => {
    const text = readFileSync('tests/fixtures/load/valid.json', 'utf8');
    const result = safeParsePath(text, { filename: 'valid.json' });
    if (!result.ok) throw new Error('fixture did not load');
    const locator = sourceOf(result.value)!;
    expect(locator.locate('/steps/intake/nothing').line).toBe(locator.locate('/steps/intake').line);
    expect(locator.textOf('valid.json')).toBe(text);
  });
});
