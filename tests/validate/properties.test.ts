import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CarePath } from '../../src/model/index.js';
import { validatePath } from '../../src/validate/index.js';
import { validPathArbitrary, type GeneratedPath } from './generate.js';

const STRUCTURAL = ['unknown-target', 'unknown-actor', 'unknown-intervention', 'unreachable-step', 'dead-end', 'cycle-without-exit', 'weights-invalid', 'phase-order'];

// independent of the library: steps reached from s0 over transitions whose condition can hold
function reachableByHand(path: CarePath, satisfiable: Map<string, boolean[]>): Set<string> {
  const seen = new Set([path.initial]);
  const queue = [path.initial];
  while (queue.length > 0) {
    const id = queue.shift()!;
    path.steps[id]!.transitions.forEach((t, k) => {
      if (satisfiable.get(id)![k] && path.steps[t.to] && !seen.has(t.to)) {
        seen.add(t.to);
        queue.push(t.to);
      }
    });
  }
  return seen;
}

function deadEndsByHand(path: CarePath, satisfiable: Map<string, boolean[]>): Set<string> {
  return new Set(Object.entries(path.steps).filter(([id, s]) => s.kind !== 'outcome' && !s.transitions.some((t, k) => satisfiable.get(id)![k] && path.steps[t.to])).map(([id]) => id));
}

// removes one transition chosen by `pick`, keeping the satisfiability table in step
function removeTransition({ path, satisfiable }: GeneratedPath, pick: number): GeneratedPath {
  const owners = Object.keys(path.steps).filter((id) => path.steps[id]!.transitions.length > 0);
  const owner = owners[pick % owners.length]!;
  const index = Math.floor(pick / owners.length) % path.steps[owner]!.transitions.length;
  const copy: CarePath = structuredClone(path);
  copy.steps[owner]!.transitions.splice(index, 1);
  const table = new Map(satisfiable);
  table.set(owner, satisfiable.get(owner)!.filter((_, k) => k !== index));
  return { path: copy, satisfiable: table };
}

const codesOf = (path: CarePath, code: string) => validatePath(path).diagnostics.filter((d) => d.code === code).map((d) => d.params.step as string);

describe('validation properties on generated paths', () => {
  it('a generated valid path gives no structural diagnostic', () => {
    fc.assert(
      fc.property(validPathArbitrary, ({ path }) => {
        const found = validatePath(path).diagnostics.filter((d) => STRUCTURAL.includes(d.code) || d.code === 'internal-error');
        expect(found).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('removing a transition reports unreachable-step for exactly the steps an independent search cannot reach', () => {
    fc.assert(
      fc.property(validPathArbitrary, fc.nat(), (generated, pick) => {
        const cut = removeTransition(generated, pick);
        const reachable = reachableByHand(cut.path, cut.satisfiable);
        const expected = Object.keys(cut.path.steps).filter((id) => !reachable.has(id)).sort();
        expect(codesOf(cut.path, 'unreachable-step').sort()).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('removing a transition reports dead-end for exactly the non-outcome steps left without a transition that can fire', () => {
    fc.assert(
      fc.property(validPathArbitrary, fc.nat(), (generated, pick) => {
        const cut = removeTransition(generated, pick);
        expect(codesOf(cut.path, 'dead-end').sort()).toEqual([...deadEndsByHand(cut.path, cut.satisfiable)].sort());
      }),
      { numRuns: 300 },
    );
  });
});
