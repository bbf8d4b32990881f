import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isZorgpadenError } from '../../src/diagnostics/index.js';
import { describeChange, diffHouseholdPaths, summarizeDiff, type HouseholdPathChange } from '../../src/edit/index.js';
import { migratePathV1 } from '../../src/load/migrate-v1.js';
import { emitsOf, type HouseholdPath } from '../../src/model/index.js';
import { parseHousehold } from '../household/fixtures.js';
import { parsed } from './fixture.js';

const SHIPPED = join(__dirname, '..', '..', 'paths', 'households', 'huishouden-1000-dagen.json');
const shipped = (): HouseholdPath => parseHousehold(JSON.parse(readFileSync(SHIPPED, 'utf8')));
const base = shipped();
const stepIds = Object.keys(base.steps);
const trackIds = Object.keys(base.tracks);

/** One edit of a household path, as plain data so that fast-check can shrink it. */
type Edit =
  | { op: 'remove-step'; step: number }
  | { op: 'add-step'; n: number; track: number }
  | { op: 'move-step'; step: number; track: number }
  | { op: 'add-referral'; step: number; to: number }
  | { op: 'remove-referral'; step: number; index: number }
  | { op: 'retarget-referral'; step: number; index: number; to: number }
  | { op: 'accept'; step: number; index: number; accepted: number }
  | { op: 'detect'; step: number; risk: number; probability: number | null }
  | { op: 'emit'; step: number; event: number }
  | { op: 'add-member'; n: number }
  | { op: 'remove-member'; n: number }
  | { op: 'add-track'; n: number }
  | { op: 'remove-track'; track: number }
  | { op: 'lead'; track: number; actor: string };

const RISKS = ['debts', 'addiction', 'smoking', 'new-risk'];
const EVENTS = ['BIRTH', 'KRAAMZORG_START', 'EXTRA'];
const index = (n: number, length: number) => n % length;

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('remove-step' as const), step: fc.nat() }),
  fc.record({ op: fc.constant('add-step' as const), n: fc.nat(5), track: fc.nat() }),
  fc.record({ op: fc.constant('move-step' as const), step: fc.nat(), track: fc.nat() }),
  fc.record({ op: fc.constant('add-referral' as const), step: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('remove-referral' as const), step: fc.nat(), index: fc.nat(4) }),
  fc.record({ op: fc.constant('retarget-referral' as const), step: fc.nat(), index: fc.nat(4), to: fc.nat() }),
  fc.record({ op: fc.constant('accept' as const), step: fc.nat(), index: fc.nat(4), accepted: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ op: fc.constant('detect' as const), step: fc.nat(), risk: fc.nat(), probability: fc.option(fc.double({ min: 0, max: 1, noNaN: true })) }),
  fc.record({ op: fc.constant('emit' as const), step: fc.nat(), event: fc.nat() }),
  fc.record({ op: fc.constant('add-member' as const), n: fc.nat(3) }),
  fc.record({ op: fc.constant('remove-member' as const), n: fc.nat(3) }),
  fc.record({ op: fc.constant('add-track' as const), n: fc.nat(3) }),
  fc.record({ op: fc.constant('remove-track' as const), track: fc.nat() }),
  fc.record({ op: fc.constant('lead' as const), track: fc.nat(), actor: fc.constantFrom('verloskundige', 'jgz', 'wijkteam') }),
);

/** The path with the edits applied; the result need not be valid: a diff compares any two versions. */
function edited(edits: readonly Edit[]): HouseholdPath {
  const path = structuredClone(base);
  const ids = () => Object.keys(path.steps);
  const stepAt = (n: number) => path.steps[ids()[index(n, ids().length)]!]!;
  for (const e of edits) {
    switch (e.op) {
      case 'remove-step':
        if (ids().length > 1) delete path.steps[ids()[index(e.step, ids().length)]!];
        break;
      case 'add-step':
        path.steps[`nieuw-${e.n}`] = { kind: 'outcome', phase: 'postpartum', track: trackIds[index(e.track, trackIds.length)]!, label: { nl: `Nieuw ${e.n}` }, transitions: [] };
        break;
      case 'move-step':
        stepAt(e.step).track = trackIds[index(e.track, trackIds.length)]!;
        break;
      case 'add-referral':
        (stepAt(e.step).refers ??= []).push({ to: stepIds[index(e.to, stepIds.length)]! });
        break;
      case 'remove-referral':
        stepAt(e.step).refers?.splice(e.index, 1);
        break;
      case 'retarget-referral': {
        const referral = stepAt(e.step).refers?.[e.index];
        if (referral) referral.to = stepIds[index(e.to, stepIds.length)]!;
        break;
      }
      case 'accept': {
        const referral = stepAt(e.step).refers?.[e.index];
        if (referral) referral.accepted = e.accepted;
        break;
      }
      case 'detect': {
        const step = stepAt(e.step);
        // a removal takes one of the risks the step detects
        const own = Object.keys(step.detects ?? {});
        if (e.probability === null) {
          if (own.length > 0) delete step.detects![own[index(e.risk, own.length)]!];
        } else (step.detects ??= {})[RISKS[index(e.risk, RISKS.length)]!] = e.probability;
        break;
      }
      case 'emit': {
        const step = stepAt(e.step);
        const event = EVENTS[index(e.event, EVENTS.length)]!;
        const now = emitsOf(step);
        step.emits = now.includes(event) ? now.filter((x) => x !== event) : [...now, event];
        if (step.emits.length === 0) delete step.emits;
        break;
      }
      case 'add-member':
        path.members[`lid-${e.n}`] = { role: 'child', label: { nl: `Lid ${e.n}` } };
        break;
      case 'remove-member':
        delete path.members[`lid-${e.n}`];
        break;
      case 'add-track':
        path.tracks[`spoor-${e.n}`] = { label: { nl: `Spoor ${e.n}` }, member: 'household' };
        break;
      case 'remove-track':
        delete path.tracks[trackIds[index(e.track, trackIds.length)]!];
        break;
      case 'lead': {
        const track = path.tracks[trackIds[index(e.track, trackIds.length)]!];
        if (track) track.lead = e.actor;
        break;
      }
    }
  }
  return path;
}

/** The ids that changes of a kind name, as a sorted list. */
function named(changes: HouseholdPathChange[], kind: HouseholdPathChange['kind'], key: (c: HouseholdPathChange) => string): string[] {
  return changes
    .filter((c) => c.kind === kind)
    .map(key)
    .sort();
}

const minus = (a: object, b: object) => Object.keys(a).filter((k) => !Object.hasOwn(b, k)).sort();

/** Each added or removed thing, computed from the two paths alone (set differences), not by the diff. */
function expectedAddsAndRemovals(a: HouseholdPath, b: HouseholdPath) {
  const shared = Object.keys(a.steps).filter((id) => Object.hasOwn(b.steps, id));
  const detections = (x: HouseholdPath, y: HouseholdPath) => shared.flatMap((id) => minus(x.steps[id]!.detects ?? {}, y.steps[id]!.detects ?? {}).map((r) => `${id}:${r}`)).sort();
  const emits = (x: HouseholdPath, y: HouseholdPath) => shared.flatMap((id) => emitsOf(x.steps[id]!).filter((e) => !emitsOf(y.steps[id]!).includes(e)).map((e) => `${id}:${e}`)).sort();
  return {
    steps: { added: minus(b.steps, a.steps), removed: minus(a.steps, b.steps) },
    members: { added: minus(b.members, a.members), removed: minus(a.members, b.members) },
    tracks: { added: minus(b.tracks, a.tracks), removed: minus(a.tracks, b.tracks) },
    detections: { added: detections(b, a), removed: detections(a, b) },
    emits: { added: emits(b, a), removed: emits(a, b) },
  };
}

function reportedAddsAndRemovals(changes: HouseholdPathChange[]) {
  const id = (c: HouseholdPathChange) => ('step' in c ? c.step : 'member' in c ? c.member : 'track' in c ? (c as { track: string }).track : '');
  const detection = (c: HouseholdPathChange) => `${(c as { step: string }).step}:${(c as { risk: string }).risk}`;
  const emit = (c: HouseholdPathChange) => `${(c as { step: string }).step}:${(c as { event: string }).event}`;
  return {
    steps: { added: named(changes, 'step-added', id), removed: named(changes, 'step-removed', id) },
    members: { added: named(changes, 'member-added', id), removed: named(changes, 'member-removed', id) },
    tracks: { added: named(changes, 'track-added', (c) => (c as { track: string }).track), removed: named(changes, 'track-removed', (c) => (c as { track: string }).track) },
    detections: { added: named(changes, 'detection-added', detection), removed: named(changes, 'detection-removed', detection) },
    emits: { added: named(changes, 'emit-added', emit), removed: named(changes, 'emit-removed', emit) },
  };
}

describe('diffHouseholdPaths', () => {
  it('finds no change between a household path and itself, or a fresh copy of it', () => {
    expect(diffHouseholdPaths(base, base)).toEqual([]);
    expect(diffHouseholdPaths(base, shipped())).toEqual([]);
  });

  it('property: a path diffed with itself has no changes; each thing only b has is added, each only a has removed, and diff(b, a) says the reverse', () => {
    fc.assert(
      fc.property(fc.array(editArb, { maxLength: 8 }), (edits) => {
        const b = edited(edits);
        expect(diffHouseholdPaths(b, b)).toEqual([]);
        const forward = diffHouseholdPaths(base, b);
        const expected = expectedAddsAndRemovals(base, b);
        expect(reportedAddsAndRemovals(forward)).toEqual(expected);
        const backward = reportedAddsAndRemovals(diffHouseholdPaths(b, base));
        for (const part of ['steps', 'members', 'tracks', 'detections', 'emits'] as const) {
          expect(backward[part]).toEqual({ added: expected[part].removed, removed: expected[part].added });
        }
      }),
      { numRuns: 150 },
    );
  });

  it('property: per step and target, the change in the number of referrals equals added − removed + retargeted in − out', () => {
    fc.assert(
      fc.property(fc.array(editArb, { maxLength: 8 }), (edits) => {
        const b = edited(edits);
        const changes = diffHouseholdPaths(base, b);
        for (const id of Object.keys(base.steps).filter((s) => Object.hasOwn(b.steps, s))) {
          const count = (path: HouseholdPath, to: string) => (path.steps[id]!.refers ?? []).filter((r) => r.to === to).length;
          const targets = new Set([...(base.steps[id]!.refers ?? []), ...(b.steps[id]!.refers ?? [])].map((r) => r.to));
          for (const to of targets) {
            let net = 0;
            for (const c of changes) {
              if (!('step' in c) || c.step !== id) continue;
              if (c.kind === 'referral-added' && c.to === to) net += 1;
              if (c.kind === 'referral-removed' && c.to === to) net -= 1;
              if (c.kind === 'referral-retargeted' && c.after === to) net += 1;
              if (c.kind === 'referral-retargeted' && c.before === to) net -= 1;
            }
            expect(net, `${id} → ${to}`).toBe(count(b, to) - count(base, to));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('reports each household kind of change with its pointer and values', () => {
    const b = structuredClone(base);
    b.tracks.phb!.lead = 'verloskundige';
    b.steps.signalering!.refers![0]!.accepted = 0.8;
    b.steps.signalering!.detects!.debts = 0.9;
    b.steps.intake!.track = 'sociaal';
    const changes = diffHouseholdPaths(base, b);
    expect(changes).toEqual([
      { kind: 'track-changed', pointer: '/tracks/phb', track: 'phb', fields: ['lead'], before: { lead: 'jgz' }, after: { lead: 'verloskundige' } },
      { kind: 'step-track-changed', pointer: '/steps/intake/track', step: 'intake', before: 'geboortezorg', after: 'sociaal' },
      { kind: 'referral-changed', pointer: '/steps/signalering/refers/0', step: 'signalering', index: 0, beforeIndex: 0, to: 'wijkteam-intake', fields: ['accepted'], before: { accepted: 0.7 }, after: { accepted: 0.8 } },
      { kind: 'detection-changed', pointer: '/steps/signalering/detects/debts', step: 'signalering', risk: 'debts', before: 0.7, after: 0.9 },
    ]);
    expect(summarizeDiff(changes, { lang: 'nl', before: base, after: b }).split('\n')).toEqual([
      'Spoor "Prenataal huisbezoek" gewijzigd: regie "Jeugdgezondheidszorg (jeugdverpleegkundige, jeugdarts)" → "Verloskundige".',
      'Stap "Intake verloskundige (uiterlijk 10 weken)" hoort nu bij spoor "Sociaal domein" in plaats van "Geboortezorg".',
      'Verwijzing van "Signalering van medische en psychosociale risico’s (R4U of Mind2Care), ook van de partner" naar "Sociaal wijkteam: inkomen, schulden en wonen" gewijzigd: kans dat het gezin de verwijzing aanneemt 70% → 80%.',
      'Kans dat stap "Signalering van medische en psychosociale risico’s (R4U of Mind2Care), ook van de partner" risico "Problematische schulden" signaleert gewijzigd: 70% → 90%.',
    ]);
    expect(summarizeDiff(changes, { lang: 'en', before: base, after: b })).toContain('Track "Prenatal home visit" changed: lead (regie) "Youth health care (nurse, doctor)" → "Midwife".');
  });

  it('writes every kind of change in both languages as a sentence without placeholders', () => {
    const all = fc.sample(fc.array(editArb, { minLength: 5, maxLength: 12 }), { numRuns: 200, seed: 7 });
    const seen = new Set<string>();
    for (const edits of all) {
      const b = edited(edits);
      const changes = diffHouseholdPaths(base, b);
      for (const lang of ['nl', 'en'] as const) {
        const lines = summarizeDiff(changes, { lang, before: base, after: b }).split('\n');
        expect(lines).toHaveLength(Math.max(1, changes.length));
        for (const line of lines) expect(line).toMatch(/^[A-Z].*\.$|^Geen wijzigingen\.$|^No changes\.$/);
        for (const line of lines) expect(line).not.toMatch(/undefined|\{\{|\[object|NaN/);
      }
      for (const c of changes) seen.add(c.kind);
    }
    // the sample reaches every kind of change the edits can make
    const reachable = ['detection-added', 'detection-changed', 'detection-removed', 'emit-added', 'emit-removed', 'member-added', 'referral-added', 'referral-changed', 'referral-removed', 'referral-retargeted', 'step-added', 'step-removed', 'step-track-changed', 'track-added', 'track-changed', 'track-removed'];
    expect(reachable.filter((k) => !seen.has(k))).toEqual([]);
  });

  it('compares a migrated version 1 path with a household path', () => {
    const v1 = migratePathV1(parsed()).path;
    const changes = diffHouseholdPaths(v1, base);
    expect(changes.filter((c) => c.kind === 'track-added').map((c) => (c as { track: string }).track).sort()).toEqual(trackIds.slice().sort());
    expect(changes).toContainEqual(expect.objectContaining({ kind: 'track-removed', track: 'zorg' }));
  });

  it('throws invalid-argument (in English and Dutch) for a version 1 path or anything else', () => {
    for (const wrong of [parsed(), undefined, { schemaVersion: 2, steps: [], tracks: {}, members: {} }]) {
      let thrown: unknown;
      try {
        diffHouseholdPaths(wrong as never, base);
      } catch (error) {
        thrown = error;
      }
      expect(isZorgpadenError(thrown)).toBe(true);
      expect((thrown as { code: string }).code).toBe('invalid-argument');
      expect(String((thrown as Error).message)).toContain('diffHouseholdPaths');
    }
  });
});

describe('summarizeDiff and describeChange on wrong arguments', () => {
  const codeOf = (call: () => unknown) => {
    try {
      call();
    } catch (error) {
      return isZorgpadenError(error) ? `${error.code}: ${error.message.split('\n')[0]}` : `not a ZorgpadenError: ${String(error)}`;
    }
    return 'returned';
  };
  const changes = diffHouseholdPaths(base, edited([{ op: 'add-track', n: 1 }]));

  it('throws invalid-argument for a condition writer that is not a function, or a path that is not an object', () => {
    expect(codeOf(() => summarizeDiff(changes, { condition: 3 as never }))).toMatch(/^invalid-argument: .*summarizeDiff.*options\.condition/);
    expect(codeOf(() => summarizeDiff(changes, { before: 'pad.json' as never }))).toMatch(/^invalid-argument: .*options\.before/);
    expect(codeOf(() => describeChange(changes[0]!, 'nl', [] as never))).toMatch(/^invalid-argument: .*describeChange/);
    expect(codeOf(() => summarizeDiff([null] as never))).toMatch(/^invalid-argument: .*describeChange/);
  });

  it('writes a change of a kind it does not know as a sentence that names the kind, not a crash', () => {
    const unknown = { kind: 'colour-changed', pointer: '/steps/intake' } as never;
    expect(describeChange(unknown, 'nl')).toBe('Wijziging "colour-changed" bij "/steps/intake".');
    expect(describeChange(unknown, 'en')).toBe('Change "colour-changed" at "/steps/intake".');
  });

  it('names the fields alone of a change made without its values (by hand, or by an earlier version)', () => {
    const bare = { kind: 'transition-changed', pointer: '/steps/a/transitions/0', step: 'a', index: 0, beforeIndex: 0, to: 'b', event: 'NEXT', fields: ['weight', 'when'] } as never;
    expect(describeChange(bare, 'nl')).toBe('Overgang van "a" naar "b" gewijzigd: gewicht, voorwaarde.');
    expect(describeChange(bare, 'en')).toBe('Transition from "a" to "b" changed: weight, condition.');
  });
});

