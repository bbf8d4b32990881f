import type { Condition } from '../model/index.js';
import { spaceOf, type ClientSpace } from './client.js';
import { compileCondition, type CompiledCondition } from './conditions.js';

/** Handoff kinds of a transition in the table. */
export const HANDOFF = { none: 0, warm: 1, cold: 2, unmarked: 3 } as const;

/**
 * A care path compiled to flat typed arrays: steps by index (document order), transitions of step
 * `s` at indices `first[s]` to `first[s + 1] - 1` (document order, so index − first[s] is the
 * transition's index in the step), targets' windows resolved to days, conditions to closures.
 */
export interface SimTable {
  pathId: string;
  pathVersion: string;
  space: ClientSpace;
  stepIds: string[];
  initial: number;
  startDay: number;
  outcome: Uint8Array;
  phase: Uint8Array;
  first: Int32Array;
  target: Int32Array;
  after: Int32Array;
  weight: Float64Array;
  /** Latest day a transition may be taken: the target window's end minus the delay. */
  latest: Float64Array;
  targetFrom: Float64Array;
  when: (CompiledCondition | null)[];
  handoff: Uint8Array;
  /** Risks each step addresses (flattened: `addressFirst[s]` … `addressFirst[s + 1] - 1`). */
  addressFirst: Int32Array;
  addressRisk: Int32Array;
  /** Risks each screening step signals (flattened like addresses). */
  signalFirst: Int32Array;
  signalRisk: Int32Array;
  /** Steps that count as reach of an intervention, with their menukaart key and eligibility. */
  interventionSteps: Int32Array;
  interventionKeys: (string | undefined)[];
  /** The distinct eligibility conditions, and for each intervention step the index of its own. */
  eligible: CompiledCondition[];
  eligibleIndex: Int32Array;
}


/**
 * A table as plain data (conditions as data, no closures), so that it can be sent to a worker
 * thread, which then compiles the conditions itself without loading the model's schemas.
 */
export type TableData = Omit<SimTable, 'space' | 'when' | 'eligible' | 'eligibleIndex'> & {
  space: Pick<ClientSpace, 'risks' | 'protections' | 'attributes'>;
  when: (Condition | null)[];
  eligible: (Condition | null)[];
};

/** Compiles the conditions of table data to closures. */
export function instantiateTable(data: TableData): SimTable {
  const space = spaceOf(data.space);
  return {
    ...data,
    space,
    when: data.when.map((c) => (c === null ? null : compileCondition(c, space))),
    ...dedupe(data.eligible.map((c) => c ?? undefined), space),
  };
}

// many intervention steps share a target group: each distinct condition is compiled (and, per
// client, evaluated) once
function dedupe(conditions: (Condition | undefined)[], space: ClientSpace): { eligible: CompiledCondition[]; eligibleIndex: Int32Array } {
  const keys = new Map<string, number>();
  const eligible: CompiledCondition[] = [];
  const eligibleIndex = Int32Array.from(conditions, (condition) => {
    const key = JSON.stringify(condition ?? null);
    let k = keys.get(key);
    if (k === undefined) {
      k = eligible.length;
      keys.set(key, k);
      eligible.push(compileCondition(condition, space));
    }
    return k;
  });
  return { eligible, eligibleIndex };
}
