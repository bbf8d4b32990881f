import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ZorgpadenError } from '../../src/diagnostics/index.js';
import { isZorgpadenError } from '../../src/diagnostics/index.js';
import { applyPathPatches, editPath, safeEditPath, undoEdit } from '../../src/edit/index.js';
import { parsed } from './fixture.js';

describe('editPath', () => {
  it('returns the new path, leaves the old one alone and records patches both ways', () => {
    const before = parsed();
    const snapshot = structuredClone(before);
    const edit = editPath(before, (draft) => {
      draft.steps.intake!.label.en = 'First visit';
    });
    expect(edit.path.steps.intake!.label.en).toBe('First visit');
    expect(before).toEqual(snapshot);
    expect(edit.patches).toEqual([{ op: 'replace', path: ['steps', 'intake', 'label', 'en'], value: 'First visit' }]);
    expect(edit.inversePatches).toEqual([{ op: 'replace', path: ['steps', 'intake', 'label', 'en'], value: 'Intake' }]);
    // unchanged parts are shared, not copied
    expect(edit.path.steps.screening).toBe(before.steps.screening);
  });

  it('undoes an edit and replays its patches', () => {
    const before = parsed();
    const edit = editPath(before, (draft) => {
      draft.steps.screening!.transitions.push({ to: 'intake', on: 'RETRY' });
      delete draft.steps.intake!.window;
    });
    expect(undoEdit(edit)).toEqual(before);
    expect(applyPathPatches(before, edit.patches)).toEqual(edit.path);
  });

  it('gives diagnostics for a recipe that breaks the path (safe) and throws them (throwing)', () => {
    const before = parsed();
    const recipe = (draft: Parameters<Parameters<typeof editPath>[1]>[0]) => {
      draft.steps.intake!.transitions[0]!.to = 'screenig';
    };
    const result = safeEditPath(before, recipe);
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: 'unknown-target', pointer: '/steps/intake/transitions/0/to', hint: 'Did you mean "screening"?' });

    let thrown: unknown;
    try {
      editPath(before, recipe);
    } catch (error) {
      thrown = error;
    }
    expect(isZorgpadenError(thrown)).toBe(true);
    expect((thrown as ZorgpadenError).diagnostics.map((d) => d.code)).toEqual(['unknown-target']);
    expect((thrown as ZorgpadenError).message).toContain('test/small');
  });

  it('reports schema problems of the edited path with pointers into it', () => {
    const result = safeEditPath(parsed(), (draft) => {
      (draft.steps.intake as { phase: string }).phase = 'pregnacy';
      draft.steps.done!.label.nl = 'a\tb';
    });
    expect(result.ok).toBe(false);
    const found = result.diagnostics.map((d) => [d.code, d.pointer]);
    expect(found).toContainEqual(['invalid-value', '/steps/intake/phase']);
    expect(found).toContainEqual(['label-control-character', '/steps/done/label/nl']);
    expect(result.diagnostics.find((d) => d.pointer === '/steps/intake/phase')!.message).toContain('Did you mean "pregnancy"?');
  });

  it('passes reference options to the re-check (a small step limit)', () => {
    const result = safeEditPath(parsed(), (draft) => {
      draft.steps.extra = { kind: 'wait', phase: 'pregnancy', label: { nl: 'Wachten' }, transitions: [] };
    }, { limits: { maxSteps: 4 } });
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).toMatchObject({ code: 'too-many-steps', pointer: '/steps' });
  });

  it('an empty recipe gives no patches and the same object', () => {
    const before = parsed();
    const edit = editPath(before, () => undefined);
    expect(edit.patches).toEqual([]);
    expect(edit.path).toBe(before);
  });

  it('property: patches replay the edit and inverse patches undo it, for random label and weight edits', () => {
    const stepIds = ['intake', 'screening', 'support', 'done'] as const;
    const editArb = fc.array(
      fc.oneof(
        fc.record({ type: fc.constant('label' as const), step: fc.constantFrom(...stepIds), text: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s)) }),
        fc.record({ type: fc.constant('weight' as const), weight: fc.double({ min: 0, max: 5, noNaN: true }) }),
        fc.record({ type: fc.constant('note' as const), step: fc.constantFrom(...stepIds) }),
      ),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(editArb, (edits) => {
        const before = parsed();
        const edit = editPath(before, (draft) => {
          for (const e of edits) {
            if (e.type === 'label') draft.steps[e.step]!.label.nl = e.text;
            else if (e.type === 'weight') draft.steps.screening!.transitions[1]!.weight = e.weight;
            else draft.steps[e.step]!.note = 'checked';
          }
        });
        expect(applyPathPatches(before, edit.patches)).toEqual(edit.path);
        expect(undoEdit(edit)).toEqual(before);
        // an independent replay of the recipe on a plain copy gives the same result
        const copy = structuredClone(before);
        for (const e of edits) {
          if (e.type === 'label') copy.steps[e.step]!.label.nl = e.text;
          else if (e.type === 'weight') copy.steps.screening!.transitions[1]!.weight = e.weight;
          else copy.steps[e.step]!.note = 'checked';
        }
        expect(edit.path).toEqual(copy);
      }),
      { numRuns: 100 },
    );
  });
});

describe('the caller’s data', () => {
  it('is never frozen or changed by editPath, the operations, applyPathPatches or undoEdit', async () => {
    const { editPath, addStep, renameStep, setWindow, applyPathPatches, undoEdit } = await import('../../src/edit/index.js');
    const { parseDocument } = await import('../../src/load/index.js');
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../export/fixtures/zwangerschap.json', import.meta.url), 'utf8');
    const original = parseDocument(text, 'carepath', { filename: 'zwangerschap.json' });
    const path = structuredClone(original);
    const frozen = (value: unknown): boolean => typeof value === 'object' && value !== null && (Object.isFrozen(value) || Object.values(value).some(frozen));
    const first = Object.keys(path.steps)[0]!;
    const edit = editPath(path, (draft) => {
      draft.version = '2.0.0';
    });
    const added = addStep(path, 'nazorg-extra', { kind: 'outcome', phase: 'postpartum', label: { nl: 'Extra' } });
    renameStep(path, first, 'eerste-contact');
    setWindow(path, first, { from: { gw: 6 }, to: { gw: 12 } });
    applyPathPatches(path, edit.patches);
    undoEdit(added);
    expect(frozen(path)).toBe(false);
    expect(path).toEqual(original);
    // results can be edited further, and editing a result leaves the path it came from alone
    const again = editPath(edit.path, (draft) => {
      draft.version = '3.0.0';
    });
    expect([path.version, edit.path.version, again.path.version]).toEqual([original.version, '2.0.0', '3.0.0']);
  });
});
