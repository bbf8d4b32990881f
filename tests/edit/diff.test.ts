import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffPaths, editPath, removeStep, renameStep, summarizeDiff, type PathChange } from '../../src/edit/index.js';
import { eventOf, type CarePath, type Transition } from '../../src/model/index.js';
import { parsed } from './fixture.js';

const kinds = (changes: PathChange[]) => changes.map((c) => c.kind);

/** The same path with every object's keys in reverse order. */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)])) as T;
}

describe('diffPaths', () => {
  it('finds no change between a path and itself or a key-reordered copy', () => {
    const path = parsed();
    expect(diffPaths(path, path)).toEqual([]);
    expect(diffPaths(path, reverseKeys(path))).toEqual([]);
  });

  it('reports each kind of change with its pointer', () => {
    const a = parsed();
    const b = editPath(a, (d) => {
      d.version = '1.1.0';
      d.initial = 'screening';
      d.actors.jgz = { label: { nl: 'JGZ' }, domain: 'medical' };
      d.actors.wijkteam!.domain = 'informal';
      delete (d.actors as Record<string, unknown>).verloskundige;
      for (const step of Object.values(d.steps)) delete step.actor;
      d.steps.intake!.label.nl = 'Eerste contact';
      d.steps.intake!.window!.to = { gw: 12 };
      d.steps.support!.kind = 'handoff';
      d.steps.support!.transitions = [];
      delete d.steps.done;
      d.steps.klaar = { kind: 'outcome', phase: 'postpartum', label: { nl: 'Klaar' }, transitions: [] };
      d.steps.screening!.transitions = [
        { to: 'support', on: 'RISK_SIGNALLED', when: { hasRisk: 'debts' }, handoff: 'cold' },
        { to: 'klaar', weight: 0.8 },
      ];
      d.steps.support!.transitions.push({ to: 'klaar', on: 'DONE' });
    }).path;
    const changes = diffPaths(a, b);
    expect(changes.map((c) => [c.kind, c.pointer])).toEqual([
      ['metadata-changed', '/version'],
      ['initial-changed', '/initial'],
      ['actor-added', '/actors/jgz'],
      ['actor-removed', '/actors/verloskundige'],
      ['actor-changed', '/actors/wijkteam'],
      ['step-removed', '/steps/done'],
      ['step-changed', '/steps/intake'],
      ['label-changed', '/steps/intake/label'],
      ['window-changed', '/steps/intake/window'],
      ['step-added', '/steps/klaar'],
      ['step-changed', '/steps/screening'],
      ['transition-changed', '/steps/screening/transitions/0'],
      ['transition-retargeted', '/steps/screening/transitions/1'],
      ['step-changed', '/steps/support'],
      ['transition-removed', '/steps/support/transitions/0'],
      ['transition-added', '/steps/support/transitions/0'],
    ]);
    expect(changes[0]).toMatchObject({ field: 'version', before: '1.0.0', after: '1.1.0' });
    expect(changes[4]).toMatchObject({ fields: ['domain'] });
    expect(changes.find((c) => c.kind === 'step-changed' && c.step === 'support')).toMatchObject({ fields: ['kind', 'actor'], before: { kind: 'intervention', actor: 'wijkteam' }, after: { kind: 'handoff' } });
    expect(changes.find((c) => c.kind === 'transition-retargeted')).toMatchObject({ step: 'screening', index: 1, event: 'NEXT', before: 'done', after: 'klaar' });
    expect(changes.find((c) => c.kind === 'transition-changed')).toMatchObject({ index: 0, beforeIndex: 0, fields: ['handoff'] });
    expect(changes.find((c) => c.kind === 'transition-added')).toMatchObject({ to: 'klaar', event: 'DONE' });
  });

  it('matches transitions by target and event before position: an insertion is one addition', () => {
    const a = parsed();
    const b = editPath(a, (d) => {
      d.steps.screening!.transitions.unshift({ to: 'intake', on: 'RETRY' });
    }).path;
    const changes = diffPaths(a, b);
    expect(changes).toEqual([{ kind: 'transition-added', pointer: '/steps/screening/transitions/0', step: 'screening', index: 0, to: 'intake', event: 'RETRY' }]);
  });

  it('a changed target with a changed event is a removal and an addition, not a retarget', () => {
    const a = parsed();
    const b = editPath(a, (d) => {
      d.steps.intake!.transitions[0] = { to: 'done', on: 'SKIP' };
    }).path;
    expect(kinds(diffPaths(a, b))).toEqual(['transition-removed', 'transition-added']);
  });

  it('a rename shows as a step removed, a step added and retargets', () => {
    const a = parsed();
    const b = renameStep(a, 'support', 'steun').path;
    expect(kinds(diffPaths(a, b))).toEqual(['transition-retargeted', 'step-added', 'step-removed']);
  });

  it('property: per (target, event), the count difference equals added − removed + retargeted in − out', () => {
    const targets = ['intake', 'screening', 'support', 'done'];
    const transitionArb = fc.record({ to: fc.constantFrom(...targets), on: fc.constantFrom(undefined, 'A', 'B') });
    fc.assert(
      fc.property(fc.array(transitionArb, { maxLength: 6 }), fc.array(transitionArb, { maxLength: 6 }), (ta, tb) => {
        const clean = (ts: typeof ta): Transition[] => ts.map((t) => (t.on === undefined ? { to: t.to } : { to: t.to, on: t.on }));
        const a = editPath(parsed(), (d) => void (d.steps.support!.transitions = clean(ta))).path;
        const b = editPath(parsed(), (d) => void (d.steps.support!.transitions = clean(tb))).path;
        const changes = diffPaths(a, b);
        const count = (ts: Transition[], key: string) => ts.filter((t) => `${t.to} ${eventOf(t)}` === key).length;
        const keys = new Set([...clean(ta), ...clean(tb)].map((t) => `${t.to} ${eventOf(t)}`));
        for (const key of keys) {
          let delta = 0;
          for (const c of changes) {
            if (c.kind === 'transition-added' && `${c.to} ${c.event}` === key) delta++;
            if (c.kind === 'transition-removed' && `${c.to} ${c.event}` === key) delta--;
            if (c.kind === 'transition-retargeted' && `${c.after} ${c.event}` === key) delta++;
            if (c.kind === 'transition-retargeted' && `${c.before} ${c.event}` === key) delta--;
          }
          expect(delta).toBe(count(b.steps.support!.transitions, key) - count(a.steps.support!.transitions, key));
        }
        // only transition changes, each pointing at a transition that exists on its side
        for (const c of changes) {
          expect(c.kind.startsWith('transition-')).toBe(true);
          const side = c.kind === 'transition-removed' ? a : b;
          const index = Number(c.pointer.split('/').pop());
          expect(side.steps.support!.transitions[index]).toBeDefined();
        }
        expect(diffPaths(a, b)).toEqual(changes);
      }),
      { numRuns: 300 },
    );
  });

  it('property: label changes are reported for exactly the steps whose label changed', () => {
    const ids = ['intake', 'screening', 'support', 'done'] as const;
    fc.assert(
      fc.property(fc.subarray([...ids]), fc.constantFrom('Nieuw', 'Intake'), (edited, text) => {
        const a = parsed();
        const b = editPath(a, (d) => {
          for (const id of edited) d.steps[id]!.label.nl = text;
        }).path;
        const expected = ids.filter((id) => a.steps[id]!.label.nl !== b.steps[id]!.label.nl);
        const reported = diffPaths(a, b).filter((c) => c.kind === 'label-changed').map((c) => (c as { step: string }).step);
        expect(reported).toEqual(expected.sort());
      }),
    );
  });
});

describe('summarizeDiff', () => {
  const a = parsed();
  const b = removeStep(a, 'support', { retarget: 'done' }).path;
  const c = editPath(b, (d) => void (d.steps.intake!.window = { from: { gw: 8 }, to: { gw: 12 } })).path;

  it('writes one sentence per change in Dutch and English', () => {
    const changes = diffPaths(a, c);
    expect(summarizeDiff(changes, { lang: 'en' }).split('\n')).toEqual([
      'Time window of step "intake" changed: gestational weeks 6–10 → gestational weeks 8–12.',
      'Transition from "screening" on RISK_SIGNALLED now leads to "done" instead of "support".',
      'Step "Support" (support) removed.',
    ]);
    expect(summarizeDiff(changes, { lang: 'nl' }).split('\n')).toEqual([
      'Tijdvenster van stap "intake" gewijzigd: zwangerschapsweek 6–10 → zwangerschapsweek 8–12.',
      'Overgang van "screening" bij RISK_SIGNALLED leidt nu naar "done" in plaats van "support".',
      'Stap "Steun" (support) verwijderd.',
    ]);
  });

  it('says so when nothing changed, in Dutch by default', () => {
    expect(summarizeDiff([])).toBe('Geen wijzigingen.');
    expect(summarizeDiff([], { lang: 'en' })).toBe('No changes.');
  });

  it('describes every kind of change in both languages without placeholders', () => {
    const all: CarePath = editPath(a, (d) => {
      d.title.en = 'Other';
      d.initial = 'screening';
      d.actors.extra = { label: { nl: 'Extra' }, domain: 'informal' };
      d.steps.intake!.label.en = 'Start';
      d.steps.intake!.phase = 'preconception';
      d.steps.screening!.transitions[1]!.weight = 0.5;
    }).path;
    const changes = diffPaths(a, all);
    for (const lang of ['nl', 'en'] as const) {
      const lines = summarizeDiff(changes, { lang }).split('\n');
      expect(lines).toHaveLength(changes.length);
      for (const line of lines) expect(line).not.toMatch(/undefined|\{\{|\[object/);
    }
    expect(summarizeDiff(changes, { lang: 'en' })).toContain('Label of step "intake" changed: "Intake" → "Start".');
    expect(summarizeDiff(changes, { lang: 'nl' })).toContain('Naam van stap "intake" gewijzigd: {"nl":"Intake","en":"Intake"} → {"nl":"Intake","en":"Start"}.');
  });

  it('names steps, actors and fields in the analysts\' words when given the two paths, with the id where a label is not unique', () => {
    const edited = editPath(a, (d) => {
      d.steps.screening!.transitions[0]!.handoff = 'cold';
      d.steps.screening!.transitions[0]!.when = { hasRisk: 'smoking' };
      d.steps.screening!.transitions[1]!.weight = 0.25;
      d.steps.screening!.transitions[1]!.after = 14;
      d.steps.support!.actor = 'verloskundige';
      // a second step called "Klaar": both are then named with their id
      d.steps['klaar-2'] = { kind: 'outcome', phase: 'postpartum', label: { nl: 'Klaar', en: 'Finished' }, transitions: [] };
      d.steps.support!.transitions[0]!.to = 'klaar-2';
    }).path;
    const changes = diffPaths(a, edited);
    const condition = (c: unknown, lang: string) => `${lang}:${JSON.stringify(c)}`;
    expect(summarizeDiff(changes, { lang: 'nl', before: a, after: edited, condition }).split('\n')).toEqual([
      'Stap "Klaar" (klaar-2) toegevoegd.',
      'Overgang van "Signalering" naar "Steun" bij RISK_SIGNALLED gewijzigd: voorwaarde nl:{"hasRisk":"debts"} → nl:{"hasRisk":"smoking"}; overdracht warm → koud.',
      'Overgang van "Signalering" naar "Klaar" (done) gewijzigd: gewicht 0,8 → 0,25; na dagen geen → 14.',
      'Stap "Steun" gewijzigd: uitvoerder "Wijkteam" → "Verloskundige".',
      'Overgang van "Steun" leidt nu naar "Klaar" (klaar-2) in plaats van "Klaar" (done).',
    ]);
    const en = summarizeDiff(changes, { lang: 'en', before: a, after: edited });
    // in English the two labels differ, so no id is needed; a condition without words is JSON
    expect(en).toContain('Transition from "Support" now leads to "Finished" instead of "Done".');
    expect(en).toContain('Transition from "Screening" to "Support" on RISK_SIGNALLED changed: condition {"hasRisk":"debts"} → {"hasRisk":"smoking"}; handoff warm → cold.');
    expect(en).toContain('Step "Support" changed: actor "Neighbourhood team" → "Midwife".');
    // without the paths, steps are named by their ids, as before
    expect(summarizeDiff(changes, { lang: 'en' })).toContain('Transition from "support" now leads to "klaar-2" instead of "done".');
  });
});

