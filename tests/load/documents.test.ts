import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isZorgpadenError } from '../../src/diagnostics/index.js';
import { parsePath, safeParseDocument } from '../../src/load/index.js';
import { loadDocument, loadMenukaart, loadPath, safeLoadDocument, safeLoadMenukaart, safeLoadPath, safeLoadPopulation, safeLoadRoute } from '../../src/node/index.js';

const DIR = 'tests/fixtures/load';

describe('documents of every kind', () => {
  it('tells the kind from the kind field, a path when there is none', async () => {
    const kinds = [];
    for (const file of ['valid.json', 'menukaart.json', 'population.yaml', 'route.json', 'coalition/haarlem.json']) {
      const result = await safeLoadDocument(`${DIR}/${file}`);
      expect(result.diagnostics).toEqual([]);
      kinds.push(result.ok ? result.value.kind : undefined);
    }
    expect(kinds).toEqual(['carepath', 'menukaart', 'population', 'route', 'coalition']);
  });

  it('refuses an unknown kind with wrong-kind at /kind', async () => {
    const result = safeParseDocument('{"kind": "recept", "id": "x"}', 'carepath', { filename: 'x.json' });
    expect(result.diagnostics.map((d) => [d.code, d.pointer, d.line])).toEqual([['wrong-kind', '/kind', 1]]);
    const any = await safeLoadDocument(`${DIR}/menukaart.json`, { limits: { maxFileBytes: 10 } });
    expect(any.diagnostics.map((d) => d.code)).toEqual(['file-too-large']);
  });

  it('loads each kind with its own loader, and a loader refuses another kind', async () => {
    expect((await safeLoadPopulation(`${DIR}/population.yaml`)).ok).toBe(true);
    expect((await safeLoadRoute(`${DIR}/route.json`)).ok).toBe(true);
    const menukaart = await loadMenukaart(`${DIR}/menukaart.json`);
    expect(Object.keys(menukaart.interventions)).toEqual(['stevig-ouderschap']);
    const wrong = await safeLoadMenukaart(`${DIR}/route.json`);
    expect(wrong.diagnostics.map((d) => [d.code, d.pointer, d.line])).toEqual([['wrong-kind', '/kind', 3]]);
  });

  it('checks intervention names against the menukaart the path names', async () => {
    const result = await safeLoadPath(`${DIR}/with-menukaart.json`);
    expect(result.diagnostics.map((d) => [d.code, d.pointer, d.line, d.hint])).toEqual([
      ['unknown-intervention', '/steps/steun/intervention', 10, 'Did you mean "stevig-ouderschap"?'],
    ]);
    const missing = await safeLoadPath(`${DIR}/with-menukaart.json`, { menukaart: `${DIR}/nothing.json` });
    expect(missing.diagnostics.map((d) => d.code)).toEqual(['file-not-found']);
  });

  it('throwing variants throw one ZorgpadenError that carries the diagnostics', async () => {
    const text = readFileSync('tests/fixtures/broken/missing-target.json', 'utf8');
    let caught: unknown;
    try {
      parsePath(text, { filename: 'missing-target.json' });
    } catch (error) {
      caught = error;
    }
    expect(isZorgpadenError(caught)).toBe(true);
    if (!isZorgpadenError(caught)) return;
    expect(caught.diagnostics.map((d) => d.code)).toEqual(['unknown-target']);
    expect(caught.message).toContain('missing-target.json:17:25');
    await expect(loadPath('tests/fixtures/broken/not-json.json')).rejects.toSatisfy(isZorgpadenError);
    await expect(loadDocument(`${DIR}/route.json`)).resolves.toMatchObject({ kind: 'route' });
    expect(parsePath(readFileSync(`${DIR}/valid.yaml`, 'utf8'), { filename: 'valid.yaml' }).id).toBe('test/zwangerschap');
  });
});
