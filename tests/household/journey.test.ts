import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { loadHouseholdPath } from '../../src/node/index.js';
import { createHouseholdJourney, toHouseholdMachine } from '../../src/machine/index.js';
import { ZorgpadenError } from '../../src/diagnostics/index.js';
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
