import { describe, expect, it } from 'vitest';
import { isZorgpadenError } from '../../src/diagnostics/index.js';
import { createJourney, migrateJourney, type Journey } from '../../src/machine/index.js';
import type { CarePath } from '../../src/model/index.js';
import { coverage } from '../../src/simulate/coverage/index.js';
import { fixturePath } from './fixtures.js';

const v1 = fixturePath('basic');

/** The next version of the basic path, changed by `edit`. */
function v2(edit: (steps: CarePath['steps']) => void): CarePath {
  const next = structuredClone(v1);
  next.version = '2.0.0';
  edit(next.steps);
  return next;
}

function retarget(steps: CarePath['steps'], from: string, to: string) {
  for (const step of Object.values(steps)) for (const t of step.transitions) if (t.to === from) t.to = to;
}

function rename(steps: CarePath['steps'], from: string, to: string) {
  steps[to] = steps[from]!;
  delete steps[from];
  retarget(steps, from, to);
}

function journeyTo(steps: number, client = { risks: ['financial-stress'] }): Journey {
  const journey = createJourney(v1, client);
  const events = [{ type: 'NEXT' }, { type: 'RISK_SIGNALLED' }, { type: 'NEXT' }, { type: 'NEXT' }, { type: 'NEXT' }] as const;
  for (const event of events.slice(0, steps)) journey.send(event);
  return journey;
}

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return isZorgpadenError(error) ? error.diagnostics[0]?.code : String(error);
  }
  return undefined;
}

/** Every history entry that names a transition points at one that leads to the entry's step. */
function indicesAreSound(path: CarePath, journey: Journey) {
  for (const entry of journey.history) {
    if (entry.from === undefined || entry.index === undefined) continue;
    expect(path.steps[entry.from]!.transitions[entry.index]!.to).toBe(entry.step);
  }
}

describe('migrateJourney', () => {
  it('follows a renamed step, in the current step and in the history', () => {
    const next = v2((steps) => rename(steps, 'signalering', 'screening'));
    const saved = journeyTo(1).persist();
    expect(code(() => createJourney(next, undefined, { snapshot: saved }))).toBe('snapshot-path-mismatch');
    expect(code(() => migrateJourney(saved, v1, next))).toBe('migration-step-missing');
    const moved = createJourney(next, undefined, { snapshot: JSON.parse(JSON.stringify(migrateJourney(saved, v1, next, { steps: { signalering: 'screening' } }))) });
    expect(moved.step).toBe('screening');
    expect(moved.history.map((e) => e.step)).toEqual(['intake', 'screening']);
    expect(moved.send({ type: 'RISK_SIGNALLED' }).accepted).toBe(true);
    indicesAreSound(next, moved);
    expect(coverage(next, [moved]).transitions.covered).toBe(2);
  });

  it('keeps history of a removed step, marked, and refuses a journey standing in it', () => {
    const next = v2((steps) => {
      delete steps['overdracht/wijkteam'];
      steps['signalering']!.transitions[0]!.to = 'wijkteam.steun';
    });
    const inside = journeyTo(2).persist();
    expect(code(() => migrateJourney(inside, v1, next))).toBe('migration-step-missing');
    expect(code(() => migrateJourney(inside, v1, next, { steps: { 'overdracht/wijkteam': null } }))).toBe('migration-current-removed');

    const past = journeyTo(3).persist();
    const moved = createJourney(next, undefined, { snapshot: migrateJourney(past, v1, next, { steps: { 'overdracht/wijkteam': null } }) });
    expect(moved.step).toBe('wijkteam.steun');
    expect(moved.history.find((e) => e.step === 'overdracht/wijkteam')).toMatchObject({ removed: true });
    moved.send({ type: 'NEXT' });
    expect(moved.step).toBe('geboorte');
    indicesAreSound(next, moved);
    expect(coverage(next, [moved]).steps.missed).not.toContain('overdracht/wijkteam');
  });

  it('moves a journey in a split step to its first part', () => {
    const next = v2((steps) => {
      const old = steps['jgz/consultatie']!;
      steps['jgz/consultatie-1'] = { ...old, label: { nl: 'Consultatie 1' }, transitions: [{ to: 'jgz/consultatie-2' }] };
      steps['jgz/consultatie-2'] = { ...old, label: { nl: 'Consultatie 2' }, window: undefined };
      delete steps['jgz/consultatie'];
      retarget(steps, 'jgz/consultatie', 'jgz/consultatie-1');
    });
    const journey = journeyTo(5, { risks: ['financial-stress'] });
    expect(journey.step).toBe('jgz/consultatie');
    const moved = createJourney(next, undefined, { snapshot: migrateJourney(journey.persist(), v1, next, { steps: { 'jgz/consultatie': 'jgz/consultatie-1' } }) });
    expect(moved.step).toBe('jgz/consultatie-1');
    expect(moved.day).toBe(journey.day);
    moved.send({ type: 'NEXT' });
    moved.send({ type: 'NEXT' });
    expect(moved.step).toBe('uitkomst/zorgen');
    expect(moved.done).toBe(true);
    indicesAreSound(next, moved);
  });

  it('refuses a mapping to a step the new version does not have, and a snapshot of another path', () => {
    const next = v2((steps) => rename(steps, 'signalering', 'screening'));
    expect(code(() => migrateJourney(journeyTo(1).persist(), v1, next, { steps: { signalering: 'screenin' } }))).toBe('migration-target-unknown');
    expect(code(() => migrateJourney(journeyTo(1).persist(), next, next))).toBe('snapshot-path-mismatch');
  });
});
