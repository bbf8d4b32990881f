import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createJourney, editPath, isZorgpadenError, migrateJourney, parsePath, removeStep, renameStep, type Diagnostic, type PersistedJourney } from '../support/everything.js';
import { CASES, type CorpusCase, type SnapshotFixtures } from './corpus/snapshots.js';
import { expectReadable } from './readable.js';

let fx: SnapshotFixtures;
const saved: Partial<Record<NonNullable<CorpusCase['at']>, string>> = {};

beforeAll(() => {
  const read = (name: string) => parsePath(readFileSync(`tests/fixtures/machine/${name}.json`, 'utf8'), { filename: `${name}.json` });
  const v1 = read('basic');
  const renamed = renameStep(v1, 'wijkteam.steun', 'wijkteam.gezinscoach').path;
  const removed = removeStep(renamed, 'jgz/extra-huisbezoek', { retarget: 'jgz/consultatie' }).path;
  const v2 = editPath(removed, (draft) => {
    draft.version = '2.0.0';
  }).path;
  fx = { v1, v2, other: read('loop') };

  const journey = createJourney(v1, { risks: ['financial-stress'] });
  saved.intake = JSON.stringify(journey.persist());
  for (const type of ['NEXT', 'RISK_SIGNALLED', 'NEXT'] as const) journey.send({ type });
  expect(journey.step).toBe('wijkteam.steun');
  saved['wijkteam.steun'] = JSON.stringify(journey.persist());
  for (let i = 0; i < 10 && !journey.done; i++) journey.send({ type: 'NEXT' });
  expect(journey.done).toBe(true);
  saved.finished = JSON.stringify(journey.persist());
});

// no English reason left inside the Dutch message
function hasNoEnglishInDutch(d: Diagnostic): void {
  // no English reason left inside the Dutch message
  expect(d.nl.message).not.toMatch(/\b(Invalid input|expected|received|is required|not allowed|its history|does not match)\b/);
}

function attempt(c: CorpusCase): unknown {
  const input = c.snapshot(JSON.parse(saved[c.at ?? 'intake']!) as PersistedJourney & Record<string, unknown>, fx);
  try {
    if ('restore' in c.via) createJourney(fx[c.via.restore], undefined, { snapshot: input });
    else migrateJourney(input, fx[c.via.from ?? 'v1'], fx.v2, c.via.migrate);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('damaged and foreign journey snapshots are refused with an exact, readable error', () => {
  it('has unique case names', () => {
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it('the unharmed snapshots restore, and migrate with the mapping of the rename', () => {
    for (const at of ['intake', 'wijkteam.steun', 'finished'] as const) {
      expect(createJourney(fx.v1, undefined, { snapshot: JSON.parse(saved[at]!) }).step).toBe(JSON.parse(saved[at]!).snapshot.context.step);
    }
    const moved = migrateJourney(JSON.parse(saved['wijkteam.steun']!), fx.v1, fx.v2, { steps: { 'wijkteam.steun': 'wijkteam.gezinscoach' } });
    expect(createJourney(fx.v2, undefined, { snapshot: moved }).step).toBe('wijkteam.gezinscoach');
  });

  it.each(CASES)('$name → $code', (c) => {
    const error = attempt(c);
    expect(isZorgpadenError(error), `threw ${String(error)}`).toBe(true);
    if (!isZorgpadenError(error)) return;
    expect(error.diagnostics).toHaveLength(1);
    const d = error.diagnostics[0]!;
    expect(d.code).toBe(c.code);
    for (const fragment of c.message) expect(d.message).toContain(fragment);
    if (c.nl) expect(d.nl.message).toContain(c.nl);
    expectReadable(error.diagnostics, hasNoEnglishInDutch);
  });
});
