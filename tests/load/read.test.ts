import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSource } from '../../src/load/index.js';
import { readJson } from '../../src/load/read-json.js';
import { readCleanJson } from '../../src/load/read-json-fast.js';
import { scanPositions } from '../../src/load/scan-positions.js';

// keys with quotes, backslashes, colons and unicode, to stress the key counting of the fast path
const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a', 'b', '"', '\\', ':', '":', '\\":', 'é', '😀'));
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.string({ maxLength: 8 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(key.filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k)), tie('value'), { maxKeys: 4 }),
})).value;

// what JSON text holds of a value: -0 is written as 0
function jsonValueOf(value: unknown): unknown {
  if (Object.is(value, -0)) return 0;
  if (Array.isArray(value)) return value.map(jsonValueOf);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonValueOf(v)]));
  return value;
}

describe('reading JSON', () => {
  // the oracle is the generated value, not the engine's JSON.parse, which has had key bugs (below)
  it('the fast path and the careful reader both read back the value that was written', () => {
    fc.assert(
      fc.property(json, fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const careful = readJson(text);
        expect(careful.problems).toEqual([]);
        expect(careful.data).toEqual(jsonValueOf(value));
        const fast = readCleanJson(text);
        if (fast !== undefined) expect(fast.data).toEqual(jsonValueOf(value));
      }),
      { numRuns: 300 },
    );
  });

  it('the quick position scan of clean JSON finds the same positions as the careful reader', () => {
    fc.assert(
      fc.property(json, fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        expect(scanPositions(text)).toEqual(readJson(text).positions);
      }),
      { numRuns: 300 },
    );
  });

  it('reads escaped keys right even after V8 has cached a similar key (nodejs/node#63785, Node 24 and 26)', () => {
    // on those versions, this parse makes JSON.parse read the key "\"" below as "\\"
    JSON.parse('{"k": [], "\\\\": 0}');
    const text = '{"k": 1, "\\"": 2, "\\t": 3}';
    expect(readSource(text, { filename: 'x.json' }).data).toEqual({ k: 1, '"': 2, '\t': 3 });
    expect(readCleanJson(text)).toBeUndefined();
    expect(readCleanJson('{"k": 1, "plain": "a \\" quote in a value"}')?.data).toEqual({ k: 1, plain: 'a " quote in a value' });
  });

  it('counts keys right when a string value holds a colon after an empty string', () => {
    const values = [{ a: ['', ':'] }, { a: '\\', b: ':' }, { a: '":' }, { a: '\\":', b: [':', { c: ':' }] }];
    for (const text of values.map((v) => JSON.stringify(v))) {
      expect(readCleanJson(text)?.data).toEqual(JSON.parse(text));
    }
  });

  it('the fast path steps aside for duplicate and reserved keys, and the careful reader reports them', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.integer(), { minKeys: 1, maxKeys: 5 }), fc.nat(), fc.constantFrom('dup', '__proto__', 'constructor', 'prototype'), (object, pick, extra) => {
        const keys = Object.keys(object).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k));
        if (keys.length === 0) return;
        const repeated = extra === 'dup' ? keys[pick % keys.length]! : extra;
        const text = '{' + [...keys.map((k) => `${JSON.stringify(k)}: 1`), `${JSON.stringify(repeated)}: 2`].join(', ') + '}';
        expect(readCleanJson(text)).toBeUndefined();
        const problems = readJson(text).problems.map((p) => p.kind);
        expect(problems).toEqual([extra === 'dup' ? 'duplicate-key' : 'forbidden-key']);
        expect(readSource(text, { filename: 'x.json' }).diagnostics.map((d) => d.code)).toEqual([extra === 'dup' ? 'duplicate-key' : 'forbidden-key']);
      }),
    );
  });

  it('tells the format from the extension, else from the text', () => {
    expect(readSource('a: 1', { filename: 'x.yml' }).data).toEqual({ a: 1 });
    expect(readSource('{"a": 1}').data).toEqual({ a: 1 });
    expect(readSource('a: 1').data).toEqual({ a: 1 });
    expect(readSource('\uFEFF{"a": 1}', { filename: 'bom.json' }).data).toEqual({ a: 1 });
  });

  it('turns absurd nesting into a diagnostic, not a crash', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const read = readSource('{"a": ' + deep + ', "a": 1}', { filename: 'deep.json' });
    expect(read.diagnostics.map((d) => d.code)).toEqual(['invalid-json']);
  });
});
