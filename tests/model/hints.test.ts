import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_SCHEMAS } from '../../src/load/documents.js';
import { safeParseData } from '../../src/model/index.js';

// one bundled document of each kind, valid as it is; the property breaks it in one place
const DOCUMENTS = {
  carepath: 'paths/national/preconceptie.json',
  menukaart: 'paths/menukaart/menukaart.json',
  population: 'paths/populations/default.json',
  coalition: 'paths/coalitions/voorbeeldstad.json',
  route: 'paths/routes/azc-gezin.json',
} as const;

const SHAPE_CODES = new Set(['invalid-type', 'invalid-value', 'missing-field', 'unknown-field']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every place in a document: the keys leading to each object member and list item. */
function places(value: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const path = [...at, Array.isArray(value) ? Number(key) : key];
      out.push(path);
      places(child, path, out);
    }
  }
  return out;
}

type Mutation = { kind: 'replace'; value: Json } | { kind: 'delete' } | { kind: 'add'; key: string; value: Json };

function mutate(document: Json, path: (string | number)[], mutation: Mutation): Json {
  const copy = structuredClone(document);
  let parent = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (mutation.kind === 'replace') parent[last] = mutation.value;
  else if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else {
    const target = parent[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) target[mutation.key] = mutation.value;
    else parent[last] = { [mutation.key]: mutation.value };
  }
  return copy;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json> }),
  fc.constant({ kind: 'delete' as const }),
  fc.record({ kind: fc.constant('add' as const), key: fc.stringMatching(/^[a-z][a-zA-Z]{0,8}$/), value: fc.jsonValue({ maxDepth: 1 }) as fc.Arbitrary<Json> }),
);

describe('a document broken in one place says how to fix it', () => {
  it.each(Object.entries(DOCUMENTS))('%s: every wrong type, value, missing or unknown field has a hint in English and Dutch', (kind, file) => {
    const document = JSON.parse(readFileSync(file, 'utf8')) as Json;
    const schema = DOCUMENT_SCHEMAS[kind as keyof typeof DOCUMENTS];
    expect(safeParseData(schema, document).ok).toBe(true);
    const all = places(document);
    let shapeDiagnostics = 0;
    fc.assert(
      fc.property(fc.nat({ max: all.length - 1 }), mutationArb, (index, mutation) => {
        const result = safeParseData(schema, mutate(document, all[index]!, mutation));
        for (const d of result.diagnostics) {
          if (!SHAPE_CODES.has(d.code)) continue;
          shapeDiagnostics++;
          expect(d.hint?.trim(), `${d.code} at ${d.pointer}: ${d.message}`).toBeTruthy();
          expect(d.nl.hint?.trim(), `${d.code} at ${d.pointer}: ${d.nl.message}`).toBeTruthy();
          for (const text of [d.hint!, d.nl.hint!]) expect(text).not.toMatch(/\{\{\w+\}\}|undefined|\[object Object\]/);
        }
      }),
      { numRuns: 150, seed: 9 },
    );
    // the property saw the diagnostics it is about, not only documents that stayed valid
    expect(shapeDiagnostics).toBeGreaterThan(20);
  });
});
