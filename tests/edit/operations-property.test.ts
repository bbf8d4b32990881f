import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZorgpadenError } from '../../src/diagnostics/index.js';
import { addStep, applyPathPatches, diffPaths, removeStep, renameStep, retarget, setWindow, undoEdit, type PathEdit } from '../../src/edit/index.js';
import { safeParseCarePathData, type CarePath } from '../../src/model/index.js';
import { parsed } from './fixture.js';

type Op =
  | { type: 'add'; id: string; to: number }
  | { type: 'remove'; step: number; retarget: number | undefined }
  | { type: 'rename'; step: number; id: string }
  | { type: 'retarget'; step: number; index: number; to: number }
  | { type: 'window'; step: number; from: number | undefined };

const idArb = fc.constantFrom('a', 'b', 'c', 'intake', 'done', 'x-1');
const n = fc.nat({ max: 20 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ type: fc.constant('add' as const), id: idArb, to: n }),
  fc.record({ type: fc.constant('remove' as const), step: n, retarget: fc.option(n, { nil: undefined }) }),
  fc.record({ type: fc.constant('rename' as const), step: n, id: idArb }),
  fc.record({ type: fc.constant('retarget' as const), step: n, index: fc.nat({ max: 2 }), to: n }),
  fc.record({ type: fc.constant('window' as const), step: n, from: fc.option(fc.integer({ min: 4, max: 40 }), { nil: undefined }) }),
);

function apply(path: CarePath, op: Op): PathEdit {
  const ids = Object.keys(path.steps);
  const pick = (i: number) => ids[i % ids.length]!;
  switch (op.type) {
    case 'add':
      return addStep(path, op.id, { kind: 'contact', phase: 'pregnancy', label: { nl: op.id }, transitions: [{ to: pick(op.to) }] });
    case 'remove':
      return removeStep(path, pick(op.step), op.retarget === undefined ? {} : { retarget: pick(op.retarget) });
    case 'rename':
      return renameStep(path, pick(op.step), op.id);
    case 'retarget':
      return retarget(path, pick(op.step), op.index, pick(op.to));
    case 'window':
      return setWindow(path, pick(op.step), op.from === undefined ? undefined : { from: { gw: op.from } });
  }
}

/** Every step id the path names, found from the plain JSON text: a second reading, apart from the edit code. */
function namedIds(path: CarePath): string[] {
  const named: string[] = [];
  JSON.stringify(path, (key, value: unknown) => {
    if ((key === 'to' || key === 'initial') && typeof value === 'string') named.push(value);
    return value;
  });
  return named;
}

describe('named operations, in random sequences', () => {
  it('property: every result is a valid path, names only existing steps, undoes and replays exactly; a refusal changes nothing', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 12 }), (ops) => {
        let path = parsed();
        for (const op of ops) {
          const before = path;
          const snapshot = JSON.stringify(before);
          let edit: PathEdit;
          try {
            edit = apply(before, op);
          } catch (error) {
            expect(error).toBeInstanceOf(ZorgpadenError);
            expect((error as ZorgpadenError).diagnostics.length).toBeGreaterThan(0);
            expect(JSON.stringify(before)).toBe(snapshot);
            continue;
          }
          const checked = safeParseCarePathData(edit.path);
          expect(checked.diagnostics).toEqual([]);
          for (const id of namedIds(edit.path)) expect(Object.keys(edit.path.steps)).toContain(id);
          expect(undoEdit(edit)).toEqual(before);
          expect(applyPathPatches(before, edit.patches)).toEqual(edit.path);
          expect(JSON.stringify(before)).toBe(snapshot);
          if (op.type === 'rename' && edit.patches.length > 0) {
            const kinds = diffPaths(before, edit.path).map((c) => c.kind);
            expect(kinds).toContain('step-added');
            expect(kinds).toContain('step-removed');
          }
          path = edit.path;
        }
      }),
      { numRuns: 200 },
    );
  });
});
