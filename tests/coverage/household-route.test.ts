import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHouseholdJourney, RECORD_SIGNALS } from '../../src/machine/index.js';
import { ClientSchema, safeParseHouseholdPathData, type Client, type HouseholdPath, type Route, type RouteStep } from '../../src/model/index.js';
import { loadHouseholdPath, loadRoute } from '../../src/node/index.js';
import { checkHouseholdRoute, type HouseholdDeviationKind } from '../../src/simulate/coverage/index.js';

const PATH_FILE = 'paths/households/huishouden-1000-dagen.json';
const ROUTE_FILE = 'paths/routes/romy-en-kevin-huishouden.json';

let path: HouseholdPath;
let shipped: Route;
beforeAll(async () => {
  path = await loadHouseholdPath(PATH_FILE);
  shipped = await loadRoute(ROUTE_FILE);
});

/** A copy of the shipped route with its steps (and client) changed. */
function changed(edit: (steps: RouteStep[], client: Client) => RouteStep[] | void): Pick<Route, 'client' | 'steps'> {
  const copy = structuredClone({ client: shipped.client, steps: shipped.steps });
  const steps = edit(copy.steps, copy.client) ?? copy.steps;
  return { client: copy.client, steps };
}
const at = (steps: RouteStep[], step: string) => {
  const index = steps.findIndex((s) => s.step === step);
  if (index < 0) throw new Error(`"${step}" is not on the shipped route`);
  return index;
};
const indexIn = (step: string) => at(shipped.steps, step);

describe('checkHouseholdRoute on the shipped household route', () => {
  it('fits: Romy and Kevin through the parent, social, partner, safety, informal and child tracks', () => {
    const fit = checkHouseholdRoute(path, shipped);
    expect(fit.deviation).toBeUndefined();
    expect(fit.fits).toBe(true);
    expect(fit.diagnostics).toEqual([]);
    // every track the route follows ends in an outcome
    expect(fit.tracks).toEqual({
      geboortezorg: 'geboortezorg-afgerond',
      'jgz#1': 'einde-1000-dagen',
      phb: 'phb-afgerond',
      sociaal: 'sociaal-afgerond',
      partner: 'partner-afgerond',
      veiligheid: 'ondertoezichtstelling',
      informeel: 'informeel-afgerond',
    });
    // the route lists every move the household journey made, in its order per track
    const perTrack = (entries: { track: string; step: string }[]) => {
      const out: Record<string, string[]> = {};
      for (const e of entries) (out[e.track] ??= []).push(e.step);
      return out;
    };
    const instanceOf = (s: RouteStep) => s.track ?? (path.steps[s.step]!.track === 'jgz' ? 'jgz#1' : path.steps[s.step]!.track);
    expect(perTrack(fit.history)).toEqual(perTrack(shipped.steps.map((s) => ({ track: instanceOf(s), step: s.step }))));
  });

  it('starts the social track by the referral from the screening and the child track at the birth', () => {
    const fit = checkHouseholdRoute(path, shipped);
    const social = fit.history.find((e) => e.track === 'sociaal')!;
    expect(social).toMatchObject({ step: 'wijkteam-intake', from: 'signalering', referral: { handoff: 'warm' } });
    const birth = fit.history.find((e) => e.step === 'bevalling')!;
    const child = fit.history.find((e) => e.track === 'jgz#1')!;
    expect(child.step).toBe('hielprik');
    expect(fit.history.indexOf(child)).toBeGreaterThan(fit.history.indexOf(birth));
  });

  it('follows twins: "children" on the birth and the second child\'s steps named by "track"', () => {
    const twins = changed((steps) => {
      steps[at(steps, 'bevalling')]!.children = 2;
      // the second child's visit follows the first's: at the same age, so the route stays in time order
      return steps.flatMap((s) => (path.steps[s.step]!.track === 'jgz' ? [s, { step: s.step, track: 'jgz#2' }] : [s]));
    });
    const fit = checkHouseholdRoute(path, twins);
    expect(fit.deviation).toBeUndefined();
    expect(fit.tracks['jgz#2']).toBe('einde-1000-dagen');
    // without "children", the second child does not exist
    const single = changed((steps) => void steps.push({ step: 'hielprik', track: 'jgz#2' }));
    expect(checkHouseholdRoute(path, single).deviation).toMatchObject({ kind: 'unknown-child', index: shipped.steps.length, track: 'jgz#2' });
  });

  it('accepts a route still under way with allowUnfinished, and not without', () => {
    const shorter = changed((steps) => steps.slice(0, at(steps, 'bevalling') + 1));
    expect(checkHouseholdRoute(path, shorter).deviation?.kind).toBe('not-finished');
    expect(checkHouseholdRoute(path, shorter, { allowUnfinished: true }).fits).toBe(true);
  });

  // each case breaks the shipped route in one place: the finding, where, and the words that point to the fix
  const cases: { label: string; edit: (steps: RouteStep[], client: Client) => RouteStep[] | void; kind: HouseholdDeviationKind; index: () => number; pointer?: string; track?: string; expected?: string[]; words: RegExp }[] = [
    { label: 'names a step the path does not have', edit: (s) => void (s[at(s, 'schuldhulpverlening')]!.step = 'schuldhulp-verlening'), kind: 'unknown-step', index: () => indexIn('schuldhulpverlening'), pointer: 'step', expected: ['schuldhulpverlening'], words: /did you mean "schuldhulpverlening"/ },
    { label: 'names a track the path does not have', edit: (s) => void (s[at(s, 'wijkteam-intake')]!.track = 'sociale'), kind: 'unknown-track', index: () => indexIn('wijkteam-intake'), pointer: 'track', expected: ['sociaal'], words: /did you mean "sociaal"/ },
    { label: 'puts a step in another track', edit: (s) => void (s[at(s, 'wijkteam-intake')]!.track = 'partner'), kind: 'wrong-track', index: () => indexIn('wijkteam-intake'), pointer: 'track', expected: ['sociaal'], words: /"wijkteam-intake" is in track "sociaal", not in "partner"/ },
    { label: 'names a child that was not born', edit: (s) => void (s[at(s, 'hielprik')]!.track = 'jgz#2'), kind: 'unknown-child', index: () => indexIn('hielprik'), pointer: 'track', track: 'jgz#2', words: /only 1 child has been born/ },
    { label: 'gives a number of children on a step that is no birth', edit: (s) => void (s[at(s, 'controles')]!.children = 2), kind: 'unknown-child', index: () => indexIn('controles'), pointer: 'children', expected: ['bevalling', 'vroeggeboorte'], words: /"children" belongs on a step that raises BIRTH \(bevalling, vroeggeboorte\)/ },
    { label: 'numbers an instance of a track that is not a child\'s', edit: (s) => void (s[at(s, 'wijkteam-intake')]!.track = 'sociaal#1'), kind: 'unknown-child', index: () => indexIn('wijkteam-intake'), pointer: 'track', expected: ['sociaal'], words: /not a child's track/ },
    { label: 'lists a referred track before the referral', edit: (s) => { const [w] = s.splice(at(s, 'wijkteam-intake'), 1); s.splice(at(s, 'signalering'), 0, w!); }, kind: 'track-not-started', index: () => indexIn('signalering'), track: 'sociaal', words: /referral from "signalering"/ },
    { label: 'lists the child\'s first step before the birth', edit: (s) => { const [h] = s.splice(at(s, 'hielprik'), 1); s.splice(at(s, 'kraamzorg-intake'), 0, h!); }, kind: 'track-not-started', index: () => indexIn('kraamzorg-intake'), track: 'jgz#1', expected: ['BIRTH'], words: /on BIRTH, which has not been raised yet/ },
    { label: 'jumps where no transition goes', edit: (s) => void s.splice(at(s, 'controles'), 1), kind: 'not-allowed-next', index: () => indexIn('kraamzorg-intake') - 1, track: 'geboortezorg', expected: ['centering-pregnancy', 'controles'], words: /does not go from "kraamzorg-inschrijving" to "kraamzorg-intake"/ },
    { label: 'skips the handoff of a preterm birth', edit: (s) => void s.splice(at(s, 'bevalling'), 3, { step: 'neonatologie' }), kind: 'missing-handoff', index: () => indexIn('bevalling'), expected: ['vroeggeboorte'], words: /skipping the handoff through "vroeggeboorte"/ },
    { label: 'gives a time before an earlier one in another track', edit: (s) => void (s[at(s, 'controles')]!.at = { gw: 11 }), kind: 'out-of-order', index: () => indexIn('controles'), pointer: 'at', words: /comes after step \d+ of the route/ },
    { label: 'gives a time outside the step\'s window', edit: (s) => void (s[at(s, 'kraamzorg-intake')]!.at = { gw: 38 }), kind: 'outside-window', index: () => indexIn('kraamzorg-intake'), pointer: 'at', words: /window is gestational weeks 28–37/ },
    { label: 'signals a risk the client does not have', edit: (s) => void s[at(s, 'signalering')]!.signalled!.push('smoking'), kind: 'not-detected', index: () => indexIn('signalering'), pointer: 'signalled', words: /cannot signal "smoking": the client does not have it/ },
    {
      label: 'takes a transition whose condition is false for the signals so far',
      edit: (s, client) => {
        client.risks.push('housing-problem');
        s[at(s, 'signalering')]!.signalled = ['housing-problem', 'addiction', 'accumulated-risks'];
        s[at(s, 'wijkteam-intake')]!.signalled = [];
      },
      kind: 'guard-blocks',
      index: () => indexIn('schuldhulpverlening'),
      track: 'sociaal',
      words: /from "wijkteam-intake" to "schuldhulpverlening" is false/,
    },
    { label: 'starts elsewhere than the journey', edit: (s) => s.slice(1), kind: 'wrong-start', index: () => 0, expected: ['aanmelding'], words: /starts in "aanmelding"/ },
    { label: 'stops before the child\'s outcome', edit: (s) => s.slice(0, -1), kind: 'not-finished', index: () => indexIn('cb-24-maanden'), track: 'jgz#1', expected: ['einde-1000-dagen'], words: /stops in "cb-24-maanden" of track "jgz#1"/ },
  ];
  for (const c of cases) {
    it(`finds ${c.kind} when the route ${c.label}, with file, pointer and line`, () => {
      const route = changed(c.edit);
      // a route loaded from a file keeps its place; here the place is the shipped file's
      const fit = checkHouseholdRoute(path, { ...shipped, ...route });
      expect(fit.fits).toBe(false);
      expect(fit.deviation).toMatchObject({ kind: c.kind, index: c.index() });
      if (c.track !== undefined) expect(fit.deviation!.track).toBe(c.track);
      if (c.expected !== undefined) expect(fit.deviation!.expected).toEqual(c.expected);
      expect(fit.deviation!.message).toMatch(c.words);
      expect(fit.deviation!.nl).not.toBe(fit.deviation!.message);
      const [diagnostic] = fit.diagnostics;
      expect(diagnostic).toMatchObject({ code: `route-${c.kind}`, severity: 'error', message: fit.deviation!.message, pointer: `/steps/${c.index()}${c.pointer ? `/${c.pointer}` : ''}` });
      expect(diagnostic!.hint).toBeTruthy();
      expect(diagnostic!.nl.hint).toBeTruthy();
      expect(fit.diagnostics).toHaveLength(1);
    });
  }

  it('locates the diagnostic in the route file it was loaded from', async () => {
    const route = await loadRoute(ROUTE_FILE);
    const index = route.steps.findIndex((s) => s.step === 'wijkteam-intake');
    route.steps[index]!.track = 'sociale';
    const [diagnostic] = checkHouseholdRoute(path, route).diagnostics;
    expect(diagnostic).toMatchObject({ file: ROUTE_FILE, pointer: `/steps/${index}/track` });
    expect(diagnostic!.line).toBe(1 + (await import('node:fs')).readFileSync(ROUTE_FILE, 'utf8').split('\n').findIndex((l) => l.includes('"step": "wijkteam-intake"')));
  });

  it('refuses what is not a household path or a route with a ZorgpadenError', () => {
    expect(() => checkHouseholdRoute({ schemaVersion: 1, steps: {} } as never, shipped)).toThrow(/household path/);
    expect(() => checkHouseholdRoute(path, { steps: 'x' } as never)).toThrow(/route/);
    expect(() => checkHouseholdRoute(path, { steps: [{ step: 'aanmelding', track: 3 }] } as never)).toThrow(/route step/);
  });
});

/**
 * A random walk of a household through the path, as an app would make it: at each turn one of the
 * transitions the journey offers, with the client's risks signalled where a visited step detects
 * them. Every start and move the journey made, in order, is the route.
 */
function randomWalk(path: HouseholdPath, client: Client, picks: readonly number[]): RouteStep[] {
  const journey = createHouseholdJourney(path, client);
  const route: RouteStep[] = [];
  const listAndSignal = () => {
    while (route.length < journey.history.length) {
      const entry = journey.history[route.length]!;
      route.push({ step: entry.step, track: entry.track, ...(entry.event !== undefined ? { on: entry.event } : {}) });
      const detects = path.steps[entry.step]!.detects ?? {};
      const risks = Object.keys(detects).filter((r) => detects[r]! > 0 && client.risks.includes(r) && !journey.signalled.includes(r));
      if (risks.length > 0) journey.actor.send({ type: RECORD_SIGNALS, risks });
    }
  };
  listAndSignal();
  for (const pick of picks) {
    const offered = journey.available();
    if (offered.length === 0) break;
    const move = offered[pick % offered.length]!;
    journey.send({ type: move.event, track: move.track, to: move.to });
    listAndSignal();
  }
  journey.stop();
  return route;
}

describe('checkHouseholdRoute on random walks of the shipped household path (property)', () => {
  const clients = () =>
    fc.record({ risks: fc.subarray(Object.keys(path.risks ?? {})), protections: fc.subarray(Object.keys(path.protections ?? {})) }).map((c) => ClientSchema.parse(c));
  const picks = fc.array(fc.nat(), { minLength: 10, maxLength: 80 });

  it('fits every walk the household journey makes (stopped anywhere)', () => {
    fc.assert(
      fc.property(clients(), picks, (client, chosen) => {
        const steps = randomWalk(path, client, chosen);
        const fit = checkHouseholdRoute(path, { client, steps }, { allowUnfinished: true });
        expect(fit.deviation).toBeUndefined();
        expect(fit.history.map((e) => e.step)).toEqual(steps.map((s) => s.step));
      }),
      { numRuns: 60 },
    );
  });

  it('finds a jump no transition allows exactly where a move of the walk is replaced by one', () => {
    fc.assert(
      fc.property(clients(), picks, fc.nat(), fc.nat(), (client, chosen, where, which) => {
        const steps = randomWalk(path, client, chosen);
        const fit = checkHouseholdRoute(path, { client, steps }, { allowUnfinished: true });
        // the moves of the walk (not the starts), each with the step its track left
        const moves = fit.history.map((e, index) => ({ e, index })).filter(({ e }) => e.from !== undefined && e.referral === undefined);
        fc.pre(moves.length > 0);
        const { e, index } = moves[where % moves.length]!;
        const allowed = new Set(path.steps[e.from!]!.transitions.map((t) => t.to));
        const others = Object.keys(path.steps).filter((id) => path.steps[id]!.track === path.steps[e.step]!.track && !allowed.has(id));
        fc.pre(others.length > 0);
        const broken = steps.map((s, i) => (i === index ? { step: others[which % others.length]!, track: e.track } : s));
        const found = checkHouseholdRoute(path, { client, steps: broken }, { allowUnfinished: true }).deviation;
        expect(found).toBeDefined();
        expect(found!.index).toBe(index);
        expect(['not-allowed-next', 'missing-handoff']).toContain(found!.kind);
        expect(found!.track).toBe(e.track);
      }),
      { numRuns: 60 },
    );
  });
});

describe('checkHouseholdRoute on a move that waits for BIRTH', () => {
  const label = (id: string) => ({ nl: id });
  const contact = (track: string, id: string, transitions: object[], extra: object = {}) => ({ kind: 'contact', phase: 'pregnancy', track, actor: 'x', label: label(id), transitions, ...extra });
  const outcome = (track: string, id: string) => ({ kind: 'outcome', phase: track === 'jgz' ? 'postpartum' : 'pregnancy', track, label: label(id), result: 'good' });
  // the social team's b0 moves to b1 on the birth (or closes on NEXT), b1 closes on the birth
  const result = safeParseHouseholdPathData({
    schemaVersion: 2, id: 'test/wacht', version: '1.0.0', title: { nl: 'Wacht op de geboorte' },
    actors: { x: { label: { nl: 'X' }, domain: 'medical' } },
    members: { ouder: { role: 'parent', label: label('ouder') }, kind: { role: 'child', label: label('kind') } },
    tracks: { ouder: { label: label('ouder'), member: 'ouder', initial: 'a0' }, sociaal: { label: label('sociaal'), member: 'household' }, jgz: { label: label('jgz'), member: 'kind', initial: 'k0', startsOn: 'BIRTH' } },
    steps: {
      a0: contact('ouder', 'a0', [{ to: 'a1' }], { refers: [{ to: 'b0' }] }),
      a1: contact('ouder', 'a1', [{ to: 'a2' }], { emits: 'BIRTH' }),
      a2: outcome('ouder', 'a2'),
      b0: contact('sociaal', 'b0', [{ to: 'b1', on: 'BIRTH' }, { to: 'b2' }]),
      b1: contact('sociaal', 'b1', [{ to: 'b2', on: 'BIRTH' }]),
      b2: outcome('sociaal', 'b2'),
      k0: contact('jgz', 'k0', [{ to: 'k1' }], { phase: 'postpartum' }),
      k1: outcome('jgz', 'k1'),
    },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  const waiting = result.value;
  const route = (...steps: string[]) => ({ client: ClientSchema.parse({}), steps: steps.map((step) => ({ step })) });

  it('refuses the move before the birth, saying what it waits for', () => {
    const fit = checkHouseholdRoute(waiting, route('a0', 'b0', 'b1'), { allowUnfinished: true });
    expect(fit.deviation).toMatchObject({ kind: 'not-allowed-next', index: 2, track: 'sociaal', expected: ['BIRTH'] });
    expect(fit.deviation!.message).toMatch(/waits for BIRTH, which has not been raised yet/);
  });

  it('fits the move after the birth, and the move the track then makes by itself', () => {
    expect(checkHouseholdRoute(waiting, route('a0', 'b0', 'a1', 'k0', 'b1', 'b2', 'a2', 'k1')).deviation).toBeUndefined();
    // b1 closes on the birth by itself: a route that leaves that out stops following a track the path moved on
    expect(checkHouseholdRoute(waiting, route('a0', 'b0', 'a1', 'k0', 'b1', 'a2', 'k1')).deviation).toMatchObject({ kind: 'not-finished', track: 'sociaal', expected: ['b2'] });
    // the other way on from b0, after the birth as well
    expect(checkHouseholdRoute(waiting, route('a0', 'b0', 'a1', 'b2', 'k0', 'a2', 'k1')).deviation).toBeUndefined();
  });
});
