import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { loadHouseholdPath } from '../../src/node/index.js';
import { createHouseholdJourney, toHouseholdMachine } from '../../src/machine/index.js';
import { simulateHousehold } from '../../src/household.js';
import { ZorgpadenError } from '../../src/diagnostics/index.js';
import { PopulationSchema } from '../../src/model/index.js';
import { GEZIN_FILE, gezinInput, parseHousehold } from './fixtures.js';

describe('household journeys', async () => {
  const path = await loadHouseholdPath(GEZIN_FILE);

  it('compiles tracks to parallel regions, a child track once per child the machine follows (three unless told)', () => {
    const machine = toHouseholdMachine(path);
    const actor = createActor(machine, { input: { client: { risks: [], protections: [], attributes: {} } } }).start();
    expect(actor.getSnapshot().value).toEqual({ zorg: 'intake', sociaal: 'rest', jgz_n1: 'rest', jgz_n2: 'rest', jgz_n3: 'rest' });
    actor.stop();
    const five = createActor(toHouseholdMachine(path, { maxChildren: 5 }), { input: { client: { risks: [], protections: [], attributes: {} } } }).start();
    expect(Object.keys(five.getSnapshot().value as object).filter((k) => k.startsWith('jgz'))).toEqual(['jgz_n1', 'jgz_n2', 'jgz_n3', 'jgz_n4', 'jgz_n5']);
    five.stop();
  });

  it('records a risk the nurse signals, makes the referral it enables, and keeps both through persist and restore', () => {
    const journey = createHouseholdJourney(path, {});
    expect(journey.tracks).toEqual({ zorg: 'intake' });
    expect(journey.available().map((a) => a.to)).toEqual(['controles']);
    const result = journey.send({ type: 'RISK_SIGNALLED', risks: ['schulden'] });
    expect(result.accepted).toBe(true);
    expect(journey.signalled).toEqual(['schulden']);
    expect(journey.tracks).toEqual({ zorg: 'intake', sociaal: 'wijkteam-intake' });
    expect(journey.history.at(-1)).toMatchObject({ track: 'sociaal', step: 'wijkteam-intake', from: 'intake', referral: { handoff: 'warm' } });
    expect(journey.available().map((a) => [a.track, a.to])).toEqual([
      ['zorg', 'controles'],
      ['sociaal', 'schuldhulp'],
    ]);
    const saved = JSON.parse(JSON.stringify(journey.persist())) as unknown;
    journey.stop();
    const again = createHouseholdJourney(path, undefined, { snapshot: saved });
    expect(again.tracks).toEqual({ zorg: 'intake', sociaal: 'wijkteam-intake' });
    expect(again.signalled).toEqual(['schulden']);
    // a second signal of the same risk refers no second time
    again.send({ type: 'RISK_SIGNALLED', risks: ['schulden'] });
    expect(again.history.filter((e) => e.track === 'sociaal')).toHaveLength(1);
    // the tracks go on, each on its own: the social team's step does not move the midwife's
    again.send({ type: 'NEXT', track: 'sociaal' });
    expect(again.tracks).toEqual({ zorg: 'intake', sociaal: 'schuldhulp' });
    again.stop();
  });

  it('sends events to every track, and starts a child track per child at birth', () => {
    const journey = createHouseholdJourney(path, {});
    journey.send({ type: 'RISK_SIGNALLED', risks: ['schulden'] });
    journey.send({ type: 'NEXT' });
    expect(journey.tracks).toEqual({ zorg: 'controles', sociaal: 'schuldhulp' });
    journey.send({ type: 'NEXT', track: 'zorg', children: 2 });
    expect(journey.tracks).toEqual({ zorg: 'bevalling', sociaal: 'schuldhulp', 'jgz#1': 'hielprik', 'jgz#2': 'hielprik' });
    expect(journey.context.children).toBe(2);
    // the heel prick's window opens at 3 days of age
    expect(journey.history.filter((e) => e.track.startsWith('jgz')).map((e) => e.day)).toEqual([3, 3]);
    journey.send({ type: 'NEXT', track: 'jgz#2' });
    expect(journey.tracks['jgz#2']).toBe('consultatie');
    expect(journey.tracks['jgz#1']).toBe('hielprik');
    journey.stop();
  });

  it('refuses an unknown risk once, with an example key the path has', async () => {
    const shipped = await loadHouseholdPath('paths/households/huishouden-1000-dagen.json');
    const journey = createHouseholdJourney(shipped, {});
    let thrown: unknown;
    try {
      journey.send({ type: 'RISK_SIGNALLED', risks: ['debt'] });
    } catch (error) {
      thrown = error;
    }
    journey.stop();
    const error = thrown as ZorgpadenError;
    expect(error).toBeInstanceOf(ZorgpadenError);
    expect(error.message).toMatch(/did you mean "debts"/);
    // the example is the path's own first risk key, never one it does not have
    expect(error.message).toContain('e.g. ["accumulated-risks"]');
    expect(error.message).not.toContain('schulden');
    expect(error.diagnostics[0]!.nl.message).toContain('bijv. ["accumulated-risks"]');
    // the sentence is said once; the line under it adds the code
    expect(error.message.split('which the path does not know').length).toBe(2);
    expect(error.message).toContain('error invalid-argument');
  });

  it('refuses a RISK_SIGNALLED whose risks are not a list of known keys', () => {
    const journey = createHouseholdJourney(path, {});
    expect(() => journey.send({ type: 'RISK_SIGNALLED', risks: ['schuldn'] })).toThrow(/did you mean "schulden"/);
    expect(() => journey.send({ type: 'RISK_SIGNALLED', risks: 'schulden' as never })).toThrow(ZorgpadenError);
    expect(() => journey.send({ type: 'RISK_SIGNALLED', risks: [] })).toThrow(ZorgpadenError);
    expect(journey.signalled).toEqual([]);
    journey.stop();
  });

  it('records attributes the app learns, and makes the referral that depends on them then, kept through persist and restore', () => {
    // the social team is called in for a late start of pregnancy care, whatever was signalled
    const input = gezinInput();
    const steps = input.steps as Record<string, { refers?: unknown[] }>;
    steps['intake']!.refers = [{ to: 'wijkteam-intake', when: { attr: 'zwangerschapsweek', gte: 12 }, handoff: 'warm' }];
    const late = parseHousehold(input);
    const journey = createHouseholdJourney(late, {});
    expect(journey.tracks).toEqual({ zorg: 'intake' });
    // an early pregnancy refers no one; the event goes on to the tracks, where nothing listens
    journey.send({ type: 'ATTRIBUTES_LEARNT', attributes: { zwangerschapsweek: 9 } });
    expect(journey.tracks).toEqual({ zorg: 'intake' });
    journey.send({ type: 'ATTRIBUTES_LEARNT', attributes: { zwangerschapsweek: 14 } });
    expect(journey.tracks).toEqual({ zorg: 'intake', sociaal: 'wijkteam-intake' });
    expect(journey.context.client.attributes).toEqual({ zwangerschapsweek: 14 });
    const again = createHouseholdJourney(late, undefined, { snapshot: JSON.parse(JSON.stringify(journey.persist())) as unknown });
    expect(again.context.client.attributes).toEqual({ zwangerschapsweek: 14 });
    expect(again.tracks).toEqual({ zorg: 'intake', sociaal: 'wijkteam-intake' });
    // unknown keys and values that are no attribute value are refused, and nothing is recorded
    expect(() => again.send({ type: 'ATTRIBUTES_LEARNT', attributes: { zwangerschapweek: 15 } })).toThrow(/did you mean "zwangerschapsweek"/);
    expect(() => again.send({ type: 'ATTRIBUTES_LEARNT', attributes: { zwangerschapsweek: Number.NaN } })).toThrow(ZorgpadenError);
    expect(() => again.send({ type: 'ATTRIBUTES_LEARNT', attributes: {} })).toThrow(ZorgpadenError);
    expect(again.context.client.attributes).toEqual({ zwangerschapsweek: 14 });
    journey.stop();
    again.stop();
  });

  it('refuses a snapshot of another path or changed content', () => {
    const journey = createHouseholdJourney(path, {});
    const saved = journey.persist();
    journey.stop();
    const changed = gezinInput();
    (changed.title as { nl: string }).nl = 'Anders';
    expect(() => createHouseholdJourney(parseHousehold(changed), undefined, { snapshot: saved })).toThrow(/snapshot-path-mismatch|content changed/);
    expect(() => createHouseholdJourney(path, undefined, { snapshot: { format: 'x' } })).toThrow(/snapshot-invalid|cannot be restored/);
  });
});

/**
 * A small household: the parent's a0 → a1 (which raises BIRTH) → a2, the social track started by a
 * referral from `referFrom`, with the steps given; the child's track starts on BIRTH.
 */
function raisedShape(social: Record<string, object[]>, options: { referFrom?: 'a0' | 'a1'; after?: number } = {}) {
  const label = (id: string) => ({ nl: id });
  const referFrom = options.referFrom ?? 'a0';
  const steps: Record<string, object> = {
    a0: { kind: 'contact', phase: 'pregnancy', track: 'ouder', actor: 'x', label: label('a0'), transitions: [{ to: 'a1', after: options.after ?? 0 }], ...(referFrom === 'a0' ? { refers: [{ to: 'b0' }] } : {}) },
    a1: { kind: 'contact', phase: 'pregnancy', track: 'ouder', actor: 'x', label: label('a1'), emits: 'BIRTH', transitions: [{ to: 'a2' }], ...(referFrom === 'a1' ? { refers: [{ to: 'b0' }] } : {}) },
    a2: { kind: 'outcome', phase: 'pregnancy', track: 'ouder', label: label('a2'), result: 'good' },
    k0: { kind: 'contact', phase: 'postpartum', track: 'jgz', actor: 'x', label: label('k0'), transitions: [{ to: 'k1' }] },
    k1: { kind: 'outcome', phase: 'postpartum', track: 'jgz', label: label('k1'), result: 'good' },
    bx: { kind: 'outcome', phase: 'pregnancy', track: 'sociaal', label: label('bx'), result: 'good' },
  };
  for (const [id, transitions] of Object.entries(social)) steps[id] = { kind: 'contact', phase: 'pregnancy', track: 'sociaal', actor: 'x', label: label(id), transitions };
  return parseHousehold({
    schemaVersion: 2, id: 'test/raised', version: '1.0.0', title: { nl: 'Gegeven gebeurtenis' },
    actors: { x: { label: { nl: 'X' }, domain: 'medical' } },
    members: { ouder: { role: 'parent', label: label('ouder') }, kind: { role: 'child', label: label('kind') } },
    tracks: { ouder: { label: label('ouder'), member: 'ouder', initial: 'a0' }, sociaal: { label: label('sociaal'), member: 'household' }, jgz: { label: label('jgz'), member: 'kind', initial: 'k0', startsOn: 'BIRTH' } },
    steps,
  });
}

const moves = (entries: readonly { track: string; from?: string; step: string; event?: string; day: number }[]) => entries.map((e) => `${e.track} ${e.from ?? ''}>${e.step}${e.event !== undefined ? ` on ${e.event}` : ''} @${e.day}`);

describe('household journeys and raised events (decision 0006 §3)', () => {
  // the minimal shape: the step that raises BIRTH refers into a track whose first step moves on
  // BIRTH and also on NEXT; the simulator takes either, by weight
  const shape = raisedShape({ b0: [{ to: 'b1', on: 'BIRTH' }, { to: 'bx' }], b1: [{ to: 'bx' }] }, { referFrom: 'a1' });

  it('leaves the choice between a raised BIRTH and another move to the app, as the simulator makes both', () => {
    const journey = createHouseholdJourney(shape, {}, { startDay: 0 });
    const sent = journey.send({ type: 'NEXT', track: 'ouder' });
    expect(moves(sent.entries)).toEqual(['ouder a0>a1 on NEXT @0', 'sociaal a1>b0 @0', 'jgz#1 >k0 @0']);
    expect(journey.context.raised).toEqual({ BIRTH: 0 });
    expect(journey.available().filter((a) => a.track === 'sociaal').map((a) => [a.to, a.event])).toEqual([['b1', 'BIRTH'], ['bx', 'NEXT']]);
    const saved = journey.persist();
    // either move is accepted, the raised BIRTH as well
    expect(moves(journey.send({ type: 'BIRTH', track: 'sociaal' }).entries)).toEqual(['sociaal b0>b1 on BIRTH @0']);
    journey.stop();
    const other = createHouseholdJourney(shape, undefined, { snapshot: saved });
    expect(moves(other.send({ type: 'NEXT', track: 'sociaal' }).entries)).toEqual(['sociaal b0>bx on NEXT @0']);
    other.stop();
    const simulated = simulateHousehold(shape, { cohort: 400, seed: 7 });
    expect(simulated.transitionCounts.b0![0]).toBeGreaterThan(0);
    expect(simulated.transitionCounts.b0![1]).toBeGreaterThan(0);
  });

  it('moves a track that waits at a step whose only way on is BIRTH when BIRTH is raised, from the day it is raised', () => {
    const path = raisedShape({ b0: [{ to: 'b1', on: 'BIRTH', after: 5 }], b1: [{ to: 'bx' }] }, { after: 30 });
    const journey = createHouseholdJourney(path, {}, { startDay: 0 });
    expect(journey.tracks).toEqual({ ouder: 'a0', sociaal: 'b0' });
    // not raised yet: the track waits, and a BIRTH the app sends is refused
    expect(journey.available().filter((a) => a.track === 'sociaal')).toEqual([]);
    expect(journey.send({ type: 'BIRTH', track: 'sociaal' })).toEqual({ accepted: false, entries: [] });
    const sent = journey.send({ type: 'NEXT', track: 'ouder' });
    expect(moves(sent.entries)).toEqual(['ouder a0>a1 on NEXT @30', 'jgz#1 >k0 @30', 'sociaal b0>b1 on BIRTH @35']);
    journey.stop();
    // the simulator: the social track waits at b0 and arrives at b1 on the day of the birth plus 5
    const simulated = simulateHousehold(path, { cohort: 50, seed: 1 });
    expect([simulated.visits.b1, simulated.transitionCounts.b0]).toEqual([50, [50]]);
  });

  it('moves a track that arrives at such a step after BIRTH was raised, at once, also after persist and restore', () => {
    const path = raisedShape({ b0: [{ to: 'b1' }], b1: [{ to: 'bx', on: 'BIRTH' }] });
    const journey = createHouseholdJourney(path, {}, { startDay: 0 });
    journey.send({ type: 'NEXT', track: 'ouder' });
    const saved = JSON.parse(JSON.stringify(journey.persist())) as unknown;
    expect(moves(journey.send({ type: 'NEXT', track: 'sociaal', day: 10 }).entries)).toEqual(['sociaal b0>b1 on NEXT @10', 'sociaal b1>bx on BIRTH @10']);
    journey.stop();
    const again = createHouseholdJourney(path, undefined, { snapshot: saved });
    expect(again.context.raised).toEqual({ BIRTH: 0 });
    expect(moves(again.send({ type: 'NEXT', track: 'sociaal' }).entries)).toEqual(['sociaal b0>b1 on NEXT @0', 'sociaal b1>bx on BIRTH @0']);
    again.stop();
  });

  it('gets the raised events of a journey saved before they were kept back from its history', () => {
    const path = raisedShape({ b0: [{ to: 'b1' }], b1: [{ to: 'bx', on: 'BIRTH' }] });
    const journey = createHouseholdJourney(path, {}, { startDay: 0 });
    journey.send({ type: 'NEXT', track: 'ouder', day: 4 });
    const saved = JSON.parse(JSON.stringify(journey.persist())) as { snapshot: { context: Record<string, unknown> } };
    journey.stop();
    delete saved.snapshot.context.raised;
    const again = createHouseholdJourney(path, undefined, { snapshot: saved });
    expect(again.context.raised).toEqual({ BIRTH: 4 });
    expect(moves(again.send({ type: 'NEXT', track: 'sociaal' }).entries)).toEqual(['sociaal b0>b1 on NEXT @0', 'sociaal b1>bx on BIRTH @4']);
    again.stop();
  });

  it('leaves a choice between two moves on BIRTH to the app, and stops a loop of moves on BIRTH instead of going round', () => {
    const two = raisedShape({ b0: [{ to: 'b1', on: 'BIRTH' }, { to: 'bx', on: 'BIRTH' }], b1: [{ to: 'bx' }] });
    const journey = createHouseholdJourney(two, {}, { startDay: 0 });
    journey.send({ type: 'NEXT', track: 'ouder' });
    expect(journey.tracks.sociaal).toBe('b0');
    expect(moves(journey.send({ type: 'BIRTH', track: 'sociaal', to: 'bx' }).entries)).toEqual(['sociaal b0>bx on BIRTH @0']);
    journey.stop();
    // b0 → b1 → b0 on BIRTH only: moving by itself, the track stops before it comes round to b0
    // again (the simulator goes round until its visit limit); the app can send it on, one move at a time
    const loop = raisedShape({ b0: [{ to: 'b1', on: 'BIRTH' }], b1: [{ to: 'b0', on: 'BIRTH' }] });
    const round = createHouseholdJourney(loop, {}, { startDay: 0 });
    expect(moves(round.send({ type: 'NEXT', track: 'ouder' }).entries).slice(2)).toEqual(['sociaal b0>b1 on BIRTH @0']);
    expect(round.available().filter((a) => a.track === 'sociaal').map((a) => a.to)).toEqual(['b0']);
    expect(moves(round.send({ type: 'BIRTH', track: 'sociaal' }).entries)).toEqual(['sociaal b1>b0 on BIRTH @0']);
    expect(moves(round.send({ type: 'BIRTH', track: 'sociaal' }).entries)).toEqual(['sociaal b0>b1 on BIRTH @0']);
    round.stop();
  });

  // 0006 §3: a track whose only ways on wait for an event waits, "and decides again on the day it
  // is raised". Here b0 waits for BIRTH (its other way needs r1 signalled), a1 signals r1 and raises
  // OVERDRACHT, which nothing waits for: that event must not wake b0 and send every household to b2.
  // (A signal alone does not wake a waiting track either.)
  it('the simulator decides again for a waiting track only when the event it waits for is raised, not on another event', () => {
    const label = (id: string) => ({ nl: id });
    const waiting = (emitsAtA1: boolean) =>
      parseHousehold({
        schemaVersion: 2, id: 'test/wacht', version: '1.0.0', title: { nl: 'Wacht' },
        actors: { x: { label: { nl: 'X' }, domain: 'medical' } },
        members: { ouder: { role: 'parent', label: label('ouder') }, kind: { role: 'child', label: label('kind') } },
        tracks: { ouder: { label: label('ouder'), member: 'ouder', initial: 'a0' }, sociaal: { label: label('sociaal'), member: 'household' }, jgz: { label: label('jgz'), member: 'kind', initial: 'k0', startsOn: 'BIRTH' } },
        risks: { r1: { label: label('r1') } },
        steps: {
          a0: { kind: 'contact', phase: 'pregnancy', track: 'ouder', actor: 'x', label: label('a0'), refers: [{ to: 'b0' }], transitions: [{ to: 'a1', after: 10 }] },
          a1: { kind: 'contact', phase: 'pregnancy', track: 'ouder', actor: 'x', label: label('a1'), detects: { r1: 1 }, ...(emitsAtA1 ? { emits: 'OVERDRACHT' } : {}), transitions: [{ to: 'a2', after: 10 }] },
          a2: { kind: 'contact', phase: 'pregnancy', track: 'ouder', actor: 'x', label: label('a2'), emits: 'BIRTH', transitions: [{ to: 'a3' }] },
          a3: { kind: 'outcome', phase: 'pregnancy', track: 'ouder', label: label('a3'), result: 'good' },
          b0: { kind: 'contact', phase: 'pregnancy', track: 'sociaal', actor: 'x', label: label('b0'), transitions: [{ to: 'b1', on: 'BIRTH' }, { to: 'b2', when: { signalled: 'r1' } }] },
          b1: { kind: 'outcome', phase: 'pregnancy', track: 'sociaal', label: label('b1'), result: 'good' },
          b2: { kind: 'outcome', phase: 'pregnancy', track: 'sociaal', label: label('b2'), result: 'good' },
          k0: { kind: 'contact', phase: 'postpartum', track: 'jgz', actor: 'x', label: label('k0'), transitions: [{ to: 'k1' }] },
          k1: { kind: 'outcome', phase: 'postpartum', track: 'jgz', label: label('k1'), result: 'good' },
        },
      });
    const population = PopulationSchema.parse({ schemaVersion: 1, kind: 'population', id: 'test/r1', version: '1.0.0', title: { nl: 'Allen R1' }, risks: { r1: { label: { nl: 'R1' }, prevalence: 1 } } });
    const without = simulateHousehold(waiting(false), { cohort: 1000, seed: 3, population });
    const withOther = simulateHousehold(waiting(true), { cohort: 1000, seed: 3, population });
    expect(without.transitionCounts.b0![0]).toBeGreaterThan(0);
    expect(withOther.transitionCounts.b0).toEqual(without.transitionCounts.b0);
  });

  it('leaves a move of weight 0 on a raised BIRTH to the app, as the simulator never makes it', () => {
    const path = raisedShape({ b0: [{ to: 'b1', on: 'BIRTH', weight: 0 }], b1: [{ to: 'bx' }] });
    const journey = createHouseholdJourney(path, {}, { startDay: 0 });
    journey.send({ type: 'NEXT', track: 'ouder' });
    expect(journey.tracks.sociaal).toBe('b0');
    expect(moves(journey.send({ type: 'BIRTH', track: 'sociaal' }).entries)).toEqual(['sociaal b0>b1 on BIRTH @0']);
    journey.stop();
    expect(simulateHousehold(path, { cohort: 50, seed: 1 }).visits.b1).toBe(0);
  });
});
