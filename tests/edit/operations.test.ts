import { describe, expect, it } from 'vitest';
import { ZorgpadenError } from '../../src/diagnostics/index.js';
import { addStep, referencesTo, removeStep, renameStep, retarget, setWindow, undoEdit } from '../../src/edit/index.js';
import { windowDays, type CarePath } from '../../src/model/index.js';
import { parsed, SMALL_PATH } from './fixture.js';

function thrown(run: () => unknown): ZorgpadenError {
  try {
    run();
  } catch (error) {
    if (error instanceof ZorgpadenError) return error;
    throw error;
  }
  throw new Error('expected a ZorgpadenError');
}

/** Every step id the path names anywhere, found by walking the plain JSON (independent of the edit code). */
function namedStepIds(path: CarePath): string[] {
  const ids = [path.initial];
  for (const step of Object.values(path.steps)) for (const t of step.transitions) ids.push(t.to);
  return ids;
}

describe('addStep', () => {
  it('adds a step with defaults filled in and undoes cleanly', () => {
    const before = parsed();
    const edit = addStep(before, 'nazorg', { kind: 'contact', phase: 'postpartum', label: { nl: 'Nazorg' } });
    expect(edit.path.steps.nazorg).toEqual({ kind: 'contact', phase: 'postpartum', label: { nl: 'Nazorg' }, transitions: [] });
    expect(edit.patches).toEqual([{ op: 'add', path: ['steps', 'nazorg'], value: edit.path.steps.nazorg }]);
    expect(undoEdit(edit)).toEqual(before);
  });

  it('refuses an id that is taken', () => {
    const error = thrown(() => addStep(parsed(), 'intake', { kind: 'contact', phase: 'pregnancy', label: { nl: 'X' } }));
    expect(error.diagnostics[0]).toMatchObject({ code: 'step-exists', pointer: '/steps/intake' });
  });

  it('refuses an invalid step with pointers under the new id', () => {
    const error = thrown(() => addStep(parsed(), 'nieuw', { kind: 'contact', phase: 'pregnancy', label: { nl: 'X' }, tranistions: [] } as never));
    expect(error.diagnostics[0]).toMatchObject({ code: 'unknown-field', pointer: '/steps/nieuw/tranistions', hint: 'Did you mean "transitions"?' });
  });

  it('refuses a step whose actor is unknown (re-check)', () => {
    const error = thrown(() => addStep(parsed(), 'nieuw', { kind: 'contact', phase: 'pregnancy', actor: 'jgzz', label: { nl: 'X' } }));
    expect(error.diagnostics[0]).toMatchObject({ code: 'unknown-actor', pointer: '/steps/nieuw/actor' });
  });
});

describe('removeStep', () => {
  it('refuses while transitions still lead to the step, naming them', () => {
    const error = thrown(() => removeStep(parsed(), 'support'));
    expect(error.diagnostics).toHaveLength(1);
    expect(error.diagnostics[0]).toMatchObject({ code: 'step-still-targeted', pointer: '/steps/support', params: { count: 1, sources: '"screening"' } });
  });

  it('refuses to remove the initial step without a replacement', () => {
    expect(thrown(() => removeStep(parsed(), 'intake')).diagnostics[0]).toMatchObject({ code: 'step-is-initial', pointer: '/initial' });
  });

  it('with retarget, sends every reference elsewhere', () => {
    const edit = removeStep(parsed(), 'support', { retarget: 'done' });
    expect(Object.keys(edit.path.steps)).toEqual(['intake', 'screening', 'done']);
    expect(edit.path.steps.screening!.transitions.map((t) => t.to)).toEqual(['done', 'done']);
    // the condition and handoff of the retargeted transition stay
    expect(edit.path.steps.screening!.transitions[0]).toMatchObject({ on: 'RISK_SIGNALLED', handoff: 'warm' });
  });

  it('with retarget, moves initial too', () => {
    const edit = removeStep(parsed(), 'intake', { retarget: 'screening' });
    expect(edit.path.initial).toBe('screening');
    expect(namedStepIds(edit.path)).not.toContain('intake');
  });

  it('refuses to retarget to itself or to an unknown step', () => {
    expect(thrown(() => removeStep(parsed(), 'support', { retarget: 'support' })).diagnostics[0]!.code).toBe('retarget-to-removed-step');
    expect(thrown(() => removeStep(parsed(), 'support', { retarget: 'don' })).diagnostics[0]).toMatchObject({ code: 'step-not-found', pointer: '/steps/don', hint: 'Did you mean "done"?' });
  });

  it('a step that only points at itself can go', () => {
    const loop = parsed();
    const withLoop = addStep(loop, 'loop', { kind: 'wait', phase: 'pregnancy', label: { nl: 'Lus' }, transitions: [{ to: 'loop' }] }).path;
    expect(Object.keys(removeStep(withLoop, 'loop').path.steps)).not.toContain('loop');
  });

  it('counts include connect targets as references', () => {
    const input = structuredClone(SMALL_PATH);
    input.includes = [{ path: 'sub.json', as: 'sub', connect: { einde: 'support' } }];
    const path = parsed(input);
    expect(referencesTo(path, 'support').map((r) => r.pointer)).toEqual(['/steps/screening/transitions/0/to', '/includes/0/connect/einde']);
    expect(removeStep(path, 'support', { retarget: 'done' }).path.includes![0]!.connect).toEqual({ einde: 'done' });
  });
});

describe('renameStep', () => {
  it('renames the key in place and every reference', () => {
    const before = parsed();
    const edit = renameStep(before, 'screening', 'signalering');
    expect(Object.keys(edit.path.steps)).toEqual(['intake', 'signalering', 'support', 'done']);
    expect(edit.path.steps.signalering).toEqual(before.steps.screening);
    expect(namedStepIds(edit.path)).not.toContain('screening');
    expect(edit.path.steps.intake!.transitions[0]!.to).toBe('signalering');
    expect(undoEdit(edit)).toEqual(before);
    expect(Object.keys(undoEdit(edit).steps)).toEqual(Object.keys(before.steps));
  });

  it('renames initial and self-transitions', () => {
    const withSelf = addStep(parsed(), 'lus', { kind: 'wait', phase: 'pregnancy', label: { nl: 'Lus' }, transitions: [{ to: 'lus' }, { to: 'intake' }] }).path;
    const edit = renameStep(withSelf, 'intake', 'start');
    expect(edit.path.initial).toBe('start');
    expect(edit.path.steps.lus!.transitions.map((t) => t.to)).toEqual(['lus', 'start']);
    expect(renameStep(edit.path, 'lus', 'wacht').path.steps.wacht!.transitions.map((t) => t.to)).toEqual(['wacht', 'start']);
  });

  it('refuses a taken id, an unknown step and an invalid id', () => {
    expect(thrown(() => renameStep(parsed(), 'intake', 'done')).diagnostics[0]).toMatchObject({ code: 'step-exists', pointer: '/steps/done' });
    expect(thrown(() => renameStep(parsed(), 'intak', 'x')).diagnostics[0]).toMatchObject({ code: 'step-not-found', hint: 'Did you mean "intake"?' });
    const invalid = thrown(() => renameStep(parsed(), 'intake', 'Bad Id')).diagnostics;
    expect(invalid.map((d) => [d.code, d.pointer])).toContainEqual(['invalid-value', '/steps/Bad Id']);
  });

  it('renaming to the same id changes nothing', () => {
    expect(renameStep(parsed(), 'intake', 'intake').patches).toEqual([]);
  });
});

describe('retarget', () => {
  it('points one transition elsewhere and keeps its other fields', () => {
    const edit = retarget(parsed(), 'screening', 0, 'done');
    expect(edit.path.steps.screening!.transitions[0]).toMatchObject({ to: 'done', on: 'RISK_SIGNALLED', handoff: 'warm' });
    expect(edit.patches).toEqual([{ op: 'replace', path: ['steps', 'screening', 'transitions', 0, 'to'], value: 'done' }]);
  });

  it('refuses a missing transition and an unknown target', () => {
    expect(thrown(() => retarget(parsed(), 'screening', 2, 'done')).diagnostics[0]).toMatchObject({ code: 'transition-not-found', params: { count: 2 } });
    expect(thrown(() => retarget(parsed(), 'screening', 0, 'suport')).diagnostics[0]).toMatchObject({ code: 'unknown-target', hint: 'Did you mean "support"?' });
  });
});

describe('setWindow', () => {
  it('sets, replaces and removes a window', () => {
    const set = setWindow(parsed(), 'screening', { from: { gw: 10 }, to: { gw: 14 } });
    expect(windowDays(set.path.steps.screening!.window)).toEqual({ from: -210, to: -182 });
    const removed = setWindow(set.path, 'screening', undefined);
    expect(removed.path.steps.screening!.window).toBeUndefined();
    expect(removed.path).toEqual(parsed());
  });

  it('refuses an invalid time point with the time diagnostic', () => {
    const error = thrown(() => setWindow(parsed(), 'intake', { from: { gw: 6, day: -200 } }));
    expect(error.diagnostics[0]).toMatchObject({ code: 'invalid-time', pointer: '/steps/intake/window/from' });
  });
});
