import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { sourceOf, ZorgpadenError } from '../../src/diagnostics/index.js';
import { applyHouseholdCoalition, safeApplyHouseholdCoalition, simulateHousehold, validateHouseholdPath } from '../../src/household.js';
import type { Coalition, HouseholdPath } from '../../src/model/index.js';
import { loadCoalition, loadHouseholdPath, safeLoadCoalitionPath, safeLoadHouseholdPath } from '../../src/node/index.js';
import { parseHousehold } from '../household/fixtures.js';

const DIR = 'tests/fixtures/load/household-coalition';
const GEZIN = join(DIR, 'gezin.json');
const LOKAAL = join(DIR, 'lokaal.json');
const BROKEN = join(DIR, 'broken.json');

let path: HouseholdPath;
let lokaal: Coalition;

beforeAll(async () => {
  path = await loadHouseholdPath(GEZIN);
  lokaal = await loadCoalition(LOKAAL);
});

/** A coalition with only the fields it must have, and what the test adds. */
function coalition(extra: Partial<Coalition> = {}): Coalition {
  return { schemaVersion: 1, kind: 'coalition', id: 'test/c', version: '1.0.0', title: { nl: 'C' }, municipality: 'C', adapts: 'gezin.json', partners: {}, offers: [], replaces: {}, steps: {}, transitions: [], ...extra };
}

const step = (track: string | undefined, to: string) => ({ kind: 'contact' as const, phase: 'pregnancy' as const, actor: 'wijkteam', label: { nl: 'Lokaal' }, transitions: [{ to }], ...(track !== undefined ? { track } : {}) });

describe('a coalition over a household path', () => {
  it('retargets transitions, referrals and a track start into a replaced intervention, then removes its steps', () => {
    const { path: result } = applyHouseholdCoalition(path, lokaal);
    // a transition (intake → controles), a referral (intake refers wijkteam-intake) and a start (jgz starts in hielprik)
    expect(result.steps.intake!.transitions[0]!.to).toBe('lokaal/controles');
    expect(result.steps.intake!.transitions[0]!.handoff).toBeUndefined();
    expect(result.steps.intake!.refers![0]).toMatchObject({ to: 'lokaal/gezinscoach', handoff: 'cold', accepted: 0.75 });
    expect(result.tracks.jgz!.initial).toBe('lokaal/hielprik');
    for (const removed of ['controles', 'wijkteam-intake', 'hielprik']) expect(result.steps[removed]).toBeUndefined();
    // local steps join their track, and the local transition its step
    expect(result.steps['lokaal/gezinscoach']).toMatchObject({ track: 'sociaal', transitions: [{ to: 'sociaal-klaar' }, { to: 'schuldhulp', when: { signalled: 'schulden' } }] });
    expect(result.actors.wijkteam).toMatchObject({ organisation: 'Buurtteam Voorbeeld', contact: 'Loket' });
    expect(result.actors.maatje).toEqual({ label: { nl: 'Maatje' }, domain: 'informal', organisation: 'Maatjesproject' });
    expect(result.coalition).toEqual({ id: 'test/lokaal', municipality: 'Voorbeeld', offers: [], replaced: { controleprogramma: 'lokaal/controles', gezinsprogramma: 'lokaal/gezinscoach', hielprikprogramma: 'lokaal/hielprik' } });
    // the input is not changed
    expect(path.steps.controles).toBeDefined();
    expect(path.tracks.jgz!.initial).toBe('hielprik');
    expect(validateHouseholdPath(result).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('records every change, so that nothing disappears without one', () => {
    const { path: result, changes } = applyHouseholdCoalition(path, lokaal);
    expect(changes).toEqual([
      { type: 'actor-updated', actor: 'wijkteam', fields: ['organisation', 'contact'], pointer: '/partners/wijkteam' },
      { type: 'actor-added', actor: 'maatje', pointer: '/partners/maatje' },
      { type: 'step-added', step: 'lokaal/controles', pointer: '/steps/lokaal~1controles' },
      { type: 'step-added', step: 'lokaal/gezinscoach', pointer: '/steps/lokaal~1gezinscoach' },
      { type: 'step-added', step: 'lokaal/hielprik', pointer: '/steps/lokaal~1hielprik' },
      { type: 'transition-added', from: 'lokaal/gezinscoach', to: 'schuldhulp', index: 1, pointer: '/transitions/0' },
      { type: 'transition-retargeted', from: 'intake', index: 0, oldTo: 'controles', newTo: 'lokaal/controles', intervention: 'controleprogramma', pointer: '/replaces/controleprogramma' },
      { type: 'step-removed', step: 'controles', intervention: 'controleprogramma', replacement: 'lokaal/controles', pointer: '/replaces/controleprogramma' },
      { type: 'referral-retargeted', from: 'intake', index: 0, oldTo: 'wijkteam-intake', newTo: 'lokaal/gezinscoach', intervention: 'gezinsprogramma', pointer: '/replaces/gezinsprogramma' },
      { type: 'step-removed', step: 'wijkteam-intake', intervention: 'gezinsprogramma', replacement: 'lokaal/gezinscoach', pointer: '/replaces/gezinsprogramma' },
      { type: 'initial-retargeted', track: 'jgz', oldInitial: 'hielprik', newInitial: 'lokaal/hielprik', intervention: 'hielprikprogramma', pointer: '/replaces/hielprikprogramma' },
      { type: 'step-removed', step: 'hielprik', intervention: 'hielprikprogramma', replacement: 'lokaal/hielprik', pointer: '/replaces/hielprikprogramma' },
    ]);
    // the changes account for every difference in the steps
    const added = changes.flatMap((c) => (c.type === 'step-added' ? [c.step] : []));
    const removed = changes.flatMap((c) => (c.type === 'step-removed' ? [c.step] : []));
    expect(Object.keys(result.steps).sort()).toEqual([...Object.keys(path.steps).filter((id) => !removed.includes(id)), ...added].sort());
  });

  it('loads the household path a coalition file adapts, with what the coalition wrote mapped to the coalition file', async () => {
    const loaded = await safeLoadHouseholdPath(LOKAAL);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value).toEqual(applyHouseholdCoalition(path, lokaal).path);
    const locator = sourceOf(loaded.value)!;
    expect(locator.locate('/steps/lokaal~1hielprik/label')).toMatchObject({ file: LOKAAL, line: 22 });
    expect(locator.locate('/steps/intake/refers/0/to')).toMatchObject({ file: LOKAAL, pointer: '/replaces/gezinsprogramma', line: 16 });
    expect(locator.locate('/steps/intake/refers/0/handoff')).toMatchObject({ file: LOKAAL, pointer: '/replaces/gezinsprogramma/handoff', line: 16 });
    expect(locator.locate('/tracks/jgz/initial')).toMatchObject({ file: LOKAAL, pointer: '/replaces/hielprikprogramma', line: 17 });
    expect(locator.locate('/steps/lokaal~1gezinscoach/transitions/1')).toMatchObject({ file: LOKAAL, pointer: '/transitions/0', line: 24 });
    expect(locator.locate('/actors/wijkteam/contact')).toMatchObject({ file: LOKAAL, pointer: '/partners/wijkteam/contact', line: 10 });
    // what the coalition left alone stays in the path's own file
    expect(locator.locate('/steps/bevalling/label')).toMatchObject({ file: GEZIN });
  });

  it('reports each problem at its place in the coalition file, with a hint, in English and Dutch', async () => {
    const result = await safeLoadHouseholdPath(BROKEN);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.pointer, d.line])).toEqual([
      ['local-step-without-track', '/steps/lokaal~1zonder-spoor', 12],
      ['unknown-track', '/steps/lokaal~1onbekend-spoor/track', 13],
      ['transition-across-tracks', '/transitions/0/to', 16],
      ['replacement-other-track', '/replaces/gezinsprogramma', 10],
    ]);
    for (const d of result.diagnostics) {
      expect(d.file).toBe(BROKEN);
      expect(d.severity).toBe('error');
      expect(d.hint?.length).toBeGreaterThan(0);
      expect(d.nl.message.length).toBeGreaterThan(0);
      expect(d.nl.hint?.length).toBeGreaterThan(0);
    }
    const [noTrack, unknownTrack, across, otherTrack] = result.diagnostics;
    expect(noTrack!.hint).toContain('"zorg", "sociaal", "jgz"');
    expect(unknownTrack!.hint).toContain('sociaal');
    // a coalition cannot write a referral: the hint says what it can do, and that the rest is the path's
    expect(across!.hint).toMatch(/a coalition cannot add a referral \("refers"\)/);
    expect(across!.hint).toContain('takes a change of the path itself');
    expect(across!.hint).not.toMatch(/write a referral/);
    expect(across!.nl.hint).toContain('vraagt een wijziging van het pad zelf');
    expect(otherTrack!.message).toContain('"wijkteam-intake" of that intervention is in track "sociaal"');
    expect(otherTrack!.hint).toContain('"track": "sociaal"');
  });

  it('puts a local step without a track in the only track of a path that has one', () => {
    const single = parseHousehold({
      schemaVersion: 2, id: 'test/een-spoor', version: '1.0.0', title: { nl: 'Eén spoor' },
      actors: { wijkteam: { label: { nl: 'Wijkteam' }, domain: 'social' } },
      members: { ouder: { role: 'parent', label: { nl: 'Ouder' } } },
      tracks: { zorg: { label: { nl: 'Zorg' }, member: 'ouder', initial: 'start' } },
      steps: { start: { ...step('zorg', 'klaar') }, klaar: { kind: 'outcome', phase: 'pregnancy', track: 'zorg', label: { nl: 'Klaar' }, transitions: [] } },
    });
    const result = safeApplyHouseholdCoalition(single, coalition({ steps: { 'lokaal/stap': step(undefined, 'klaar') }, transitions: [{ from: 'start', to: 'lokaal/stap' }] }));
    expect(result.ok && result.value.path.steps['lokaal/stap']!.track).toBe('zorg');
  });

  it('refuses a replacement in another track when the intervention has steps in two tracks', () => {
    const twice: HouseholdPath = { ...path, steps: { ...path.steps, schuldhulp: { ...path.steps.schuldhulp!, intervention: 'controleprogramma' } } };
    const result = safeApplyHouseholdCoalition(twice, coalition({ replaces: { controleprogramma: 'bevalling' } }));
    expect(result.diagnostics.map((d) => [d.code, d.params.replaced])).toEqual([['replacement-other-track', 'schuldhulp']]);
  });

  it('keeps steps of an intervention replaced by null, warns about an unused replacement, and checks the menukaart names', () => {
    const result = safeApplyHouseholdCoalition(path, coalition({ replaces: { controleprogramma: null, niemand: 'bevalling' } }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.path.steps.controles).toEqual(path.steps.controles);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.pointer])).toEqual([['replacement-unused', 'warning', '/replaces/niemand']]);
    const named = safeApplyHouseholdCoalition(path, coalition({ offers: ['controleprogramma', 'onbekend'] }), { menukaart: path.interventions! });
    expect(named.ok).toBe(false);
    expect(named.diagnostics.map((d) => [d.code, d.pointer])).toEqual([['unknown-intervention', '/offers/1']]);
  });

  it('says a track on a local step needs a household path, when the coalition adapts a version 1 path', async () => {
    const result = await safeLoadCoalitionPath(join(DIR, 'v1-track.json'));
    expect(result.diagnostics.map((d) => [d.code, d.pointer, d.line])).toEqual([['local-track-not-household', '/steps/lokaal~1stap/track', 11]]);
  });

  it('refuses what is not a household path, and throws with the diagnostics when it cannot apply', async () => {
    expect(() => safeApplyHouseholdCoalition({ id: 'x' } as unknown as HouseholdPath, lokaal)).toThrow(ZorgpadenError);
    const broken = await loadCoalition(BROKEN);
    expect(() => applyHouseholdCoalition(path, broken)).toThrow(/cannot be applied to household path "test\/gezin-met-programmas"/);
  });

  it('leaves the simulation as it was when a coalition only names partners and offers (same households, same seed)', () => {
    const actors = Object.keys(path.actors);
    const partner = fc.record({ organisation: fc.string({ minLength: 1, maxLength: 20 }), contact: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: undefined }) });
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...actors), partner), fc.subarray(Object.keys(path.interventions!)), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (partners, offers, seed) => {
        const clean = Object.fromEntries(Object.entries(partners).map(([k, p]) => [k, p.contact === undefined ? { organisation: p.organisation } : p]));
        const { path: local } = applyHouseholdCoalition(path, coalition({ partners: clean, offers }));
        const adapted = simulateHousehold(local, { cohort: 60, seed });
        // the result names the coalition it ran with; every figure is the national path's
        const { coalition: ranWith, ...meta } = adapted.meta;
        expect(ranWith).toBe(local.coalition!.id);
        expect({ ...adapted, meta }).toEqual(simulateHousehold(path, { cohort: 60, seed }));
      }),
      { numRuns: 15 },
    );
  });
});
