import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sourceOf } from '../../src/diagnostics/index.js';
import { migratePathV1, PATH_MIGRATIONS, V1_TRACK } from '../../src/load/index.js';
import { loadHouseholdPath, loadPath } from '../../src/node/index.js';
import { safeParseHouseholdPathData } from '../../src/model/index.js';
import { simulateHousehold } from '../../src/household.js';
import { goldenCases } from '../golden/cases.js';
import { buildPath, pathSpec } from '../simulate/random-paths.js';

const zwangerschap = fileURLToPath(new URL('../../paths/national/zwangerschap.json', import.meta.url));

describe('migration 1 → 2', () => {
  it('is the first numbered migration', () => {
    expect(PATH_MIGRATIONS.map((m) => [m.from, m.to])).toEqual([[1, 2]]);
  });

  it('turns every version 1 path into a valid household path with one parent track', async () => {
    for (const c of await goldenCases()) {
      const { path } = migratePathV1(c.path);
      const parsed = safeParseHouseholdPathData(path);
      expect(parsed.ok, `${c.name}: ${JSON.stringify(parsed.diagnostics.slice(0, 3))}`).toBe(true);
      expect(Object.keys(path.tracks)).toEqual([V1_TRACK]);
      expect(path.tracks[V1_TRACK]!.initial).toBe(c.path.initial);
      expect(Object.values(path.members).map((m) => m.role)).toEqual(['parent']);
    }
  });

  it('turns every shipped version 1 path, as it is now, into a household path that validates and simulates', async () => {
    const dir = fileURLToPath(new URL('../../paths/national/', import.meta.url));
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const { path } = migratePathV1(await loadPath(join(dir, file)));
      const parsed = safeParseHouseholdPathData(path);
      expect(parsed.ok, `${file}: ${JSON.stringify(parsed.diagnostics.slice(0, 3))}`).toBe(true);
      expect(simulateHousehold(path, { cohort: 100, seed: 1 }).cohort).toBe(100);
    }
  });

  it('keeps every step as it was, in a track, with "signals" as "detects" of probability 1', () => {
    fc.assert(
      fc.property(pathSpec({ conditions: true, windows: true }), fc.subarray(['a', 'b']), (spec, signals) => {
        const v1 = buildPath(spec);
        const first = Object.keys(v1.steps)[0]!;
        const withSignals = { ...v1, steps: { ...v1.steps, [first]: { ...v1.steps[first]!, ...(signals.length > 0 ? { signals } : {}) } } };
        const { path } = migratePathV1(withSignals);
        expect(safeParseHouseholdPathData(path).ok).toBe(true);
        expect(Object.keys(path.steps)).toEqual(Object.keys(v1.steps));
        for (const [id, step] of Object.entries(path.steps)) {
          const { track, detects, ...rest } = step;
          const { signals: before, ...kept } = withSignals.steps[id]!;
          expect(track).toBe(V1_TRACK);
          expect(rest).toEqual(kept);
          expect(detects).toEqual(before && before.length > 0 ? Object.fromEntries(before.map((r) => [r, 1])) : undefined);
        }
      }),
    );
  });

  it('maps pointers of the migrated path back into the file the user wrote, with lines', async () => {
    const v1 = await loadPath(zwangerschap);
    const { path, sourcePointer } = migratePathV1(v1);
    const signalling = Object.entries(v1.steps).find(([, s]) => (s.signals?.length ?? 0) > 1);
    expect(signalling, 'the pregnancy path has a step that signals several risks').toBeDefined();
    const [stepId, step] = signalling!;
    const second = step.signals![1]!;
    expect(sourcePointer('/tracks/zorg/initial')).toBe('/initial');
    expect(sourcePointer('/members/ouder/role')).toBe('');
    expect(sourcePointer(`/steps/${stepId}/track`)).toBe(`/steps/${stepId}`);
    expect(sourcePointer(`/steps/${stepId}/detects/${second}`)).toBe(`/steps/${stepId}/signals/1`);
    expect(sourcePointer(`/steps/${stepId}/transitions/0/to`)).toBe(`/steps/${stepId}/transitions/0/to`);

    const text = readFileSync(zwangerschap, 'utf8').split('\n');
    const locator = sourceOf(path)!;
    const initial = locator.locate('/tracks/zorg/initial');
    expect(initial.file).toBe(zwangerschap);
    expect(text[initial.line! - 1]).toContain('"initial"');
    const detected = locator.locate(`/steps/${stepId}/detects/${second}`);
    expect(text[detected.line! - 1]).toContain(`"${second}"`);
  });

  it('loads a version 1 file as a household path', async () => {
    const household = await loadHouseholdPath(zwangerschap);
    expect(household.schemaVersion).toBe(2);
    expect(household).toEqual(migratePathV1(await loadPath(zwangerschap)).path);
  });

  it('refuses what is not a care path', () => {
    expect(() => migratePathV1({} as never)).toThrow(/migratePathV1/);
  });
});
