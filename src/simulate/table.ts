import {
  isSupportStep,
  stepAddresses,
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
import { buildSpace } from './client.js';
import { instantiateTable, HANDOFF, type SimTable, type TableData } from './table-instance.js';

export { HANDOFF, instantiateTable, type SimTable, type TableData } from './table-instance.js';

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
  return instantiateTable(tableData(path, options));
}

/** Compiles a (valid) care path to table data: typed arrays, with conditions still as data. */
export function tableData(path: CarePath, options: TableOptions = {}): TableData {
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
  const when: (Condition | null)[] = [];
  transitions.forEach(({ step, t }, g) => {
    const to = index.get(t.to);
    const targetStep = to === undefined ? undefined : steps[to];
    const range = windowDays(targetStep?.window);
    target[g] = to ?? -1;
    after[g] = t.after ?? 0;
    weight[g] = weightOf(t);
    latest[g] = to === undefined ? -Infinity : range.to - after[g]!;
    targetFrom[g] = range.from;
    when.push(t.when ?? null);
    const actorChange = step.actor !== undefined && targetStep?.actor !== undefined && step.actor !== targetStep.actor;
    handoff[g] = t.handoff === 'warm' ? HANDOFF.warm : t.handoff === 'cold' ? HANDOFF.cold : targetStep?.kind === 'handoff' || actorChange ? HANDOFF.unmarked : HANDOFF.none;
  });
  const interventions: Record<string, Intervention> = { ...options.menukaart?.interventions, ...path.interventions };
  const addressesOf = (s: number): string[] => stepAddresses(steps[s]!, interventions);
  const riskIndices = (keys: string[]) => keys.map((k) => space.riskIndex.get(k)!).filter((i) => i !== undefined);
  const addresses = flatten(steps.map((_, s) => riskIndices(addressesOf(s))));
  const signals = flatten(steps.map((step) => (step.kind === 'screening' ? riskIndices(step.signals ?? []) : [])));
  const support = steps.map((step, s) => isSupportStep(step) || addressesOf(s).length > 0);
  const interventionSteps = steps.map((_, s) => s).filter((s) => support[s] && steps[s]!.kind !== 'outcome');
  const eligible = interventionSteps.map((s) => {
    const entry = steps[s]!.intervention !== undefined ? interventions[steps[s]!.intervention!] : undefined;
    if (entry?.targetGroup) return entry.targetGroup;
    const keys = addressesOf(s);
    return keys.length > 0 ? { any: keys.map((k) => ({ hasRisk: k })) } : null;
  });
  return {
    pathId: path.id,
    pathVersion: path.version,
    space: { risks: space.risks, protections: space.protections, attributes: space.attributes },
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
