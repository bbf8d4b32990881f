import {
  isSupportStep,
  PHASES,
  startDay,
  weightOf,
  windowDays,
  type CarePath,
  type Condition,
  type Intervention,
  type Menukaart,
  type Population,
} from '../model/index.js';
import { buildSpace, type ClientSpace } from './client.js';
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
  eligible: CompiledCondition[];
}

/** What a table is compiled from besides the path. */
export interface TableOptions {
  population?: Population;
  menukaart?: Menukaart;
}

function flatten(lists: number[][]): { first: Int32Array; items: Int32Array } {
  const first = new Int32Array(lists.length + 1);
  lists.forEach((list, i) => (first[i + 1] = first[i]! + list.length));
  return { first, items: Int32Array.from(lists.flat()) };
}

/** Compiles a (valid) care path to the table the simulator runs on. */
export function compileTable(path: CarePath, options: TableOptions = {}): SimTable {
  const space = buildSpace({ path, ...options });
  const stepIds = Object.keys(path.steps);
  const index = new Map(stepIds.map((id, i) => [id, i]));
  const steps = stepIds.map((id) => path.steps[id]!);
  const transitions = steps.flatMap((step) => step.transitions.map((t) => ({ step, t })));
  const T = transitions.length;
  const first = new Int32Array(steps.length + 1);
  steps.forEach((step, s) => (first[s + 1] = first[s]! + step.transitions.length));
  const target = new Int32Array(T);
  const after = new Int32Array(T);
  const weight = new Float64Array(T);
  const latest = new Float64Array(T);
  const targetFrom = new Float64Array(T);
  const handoff = new Uint8Array(T);
  const when: (CompiledCondition | null)[] = [];
  transitions.forEach(({ step, t }, g) => {
    const to = index.get(t.to);
    const targetStep = to === undefined ? undefined : steps[to];
    const range = windowDays(targetStep?.window);
    target[g] = to ?? -1;
    after[g] = t.after ?? 0;
    weight[g] = weightOf(t);
    latest[g] = to === undefined ? -Infinity : range.to - after[g]!;
    targetFrom[g] = range.from;
    when.push(t.when === undefined ? null : compileCondition(t.when, space));
    const actorChange = step.actor !== undefined && targetStep?.actor !== undefined && step.actor !== targetStep.actor;
    handoff[g] = t.handoff === 'warm' ? HANDOFF.warm : t.handoff === 'cold' ? HANDOFF.cold : targetStep?.kind === 'handoff' || actorChange ? HANDOFF.unmarked : HANDOFF.none;
  });
  const interventions: Record<string, Intervention> = { ...options.menukaart?.interventions, ...path.interventions };
  const addressesOf = (s: number): string[] => {
    const step = steps[s]!;
    return step.addresses ?? (step.intervention !== undefined ? (interventions[step.intervention]?.addresses ?? []) : []);
  };
  const riskIndices = (keys: string[]) => keys.map((k) => space.riskIndex.get(k)!).filter((i) => i !== undefined);
  const addresses = flatten(steps.map((_, s) => riskIndices(addressesOf(s))));
  const signals = flatten(steps.map((step) => (step.kind === 'screening' ? riskIndices(step.signals ?? []) : [])));
  const support = steps.map((step, s) => isSupportStep(step) || addressesOf(s).length > 0);
  const interventionSteps = steps.map((_, s) => s).filter((s) => support[s] && steps[s]!.kind !== 'outcome');
  const eligible = interventionSteps.map((s) => {
    const entry = steps[s]!.intervention !== undefined ? interventions[steps[s]!.intervention!] : undefined;
    if (entry?.targetGroup) return compileCondition(entry.targetGroup, space);
    const keys = addressesOf(s);
    const condition: Condition | undefined = keys.length > 0 ? { any: keys.map((k) => ({ hasRisk: k })) } : undefined;
    return compileCondition(condition, space);
  });
  return {
    pathId: path.id,
    pathVersion: path.version,
    space,
    stepIds,
    initial: index.get(path.initial) ?? 0,
    startDay: startDay(path),
    outcome: Uint8Array.from(steps, (step) => (step.kind === 'outcome' ? 1 : 0)),
    phase: Uint8Array.from(steps, (step) => PHASES.indexOf(step.phase)),
    first,
    target,
    after,
    weight,
    latest,
    targetFrom,
    when,
    handoff,
    addressFirst: addresses.first,
    addressRisk: addresses.items,
    signalFirst: signals.first,
    signalRisk: signals.items,
    interventionSteps: Int32Array.from(interventionSteps),
    interventionKeys: interventionSteps.map((s) => steps[s]!.intervention),
    eligible,
  };
}
