import { argumentError, isRecord, wholeNumberFrom } from '../diagnostics/index.js';
import type { CarePath, Condition, Menukaart, Population } from '../model/index.js';
import { emptyClient } from './client.js';
import { compileCondition } from './conditions.js';
import { defaultPopulation } from './default-population.js';
import { compilePopulation } from './population.js';
import { clientStream, STREAM } from './random.js';
import { simulateWithIndicatorsSync } from './simulate.js';
import { compileTable } from './table.js';
import { compareShare as compare, type SubgroupShare } from './share-intervals.js';

export type { SubgroupShare } from './share-intervals.js';

/** The figures of one subgroup, or why they are not reported. */
export type SubgroupFigures =
  | {
      size: number;
      refused: false;
      /** Of the clients with at least one risk: who reached a step addressing one of their risks. */
      reach: SubgroupShare;
      /** Of the clients with at least one risk: who never reached support for at least one of them. */
      unmetNeed: SubgroupShare;
      /** Of the clients with a risk signalled at a screening step they passed: who never reached support for it. */
      missedSignals: SubgroupShare;
      /** Days from first risk signal to support, for the clients with both. */
      timeToSupport: { n: number; median: number | null; p90: number | null };
    }
  | { size: number; refused: true; minimum: number };

/** Options of `simulateSubgroups`. */
export interface SubgroupOptions {
  population?: Population;
  menukaart?: Menukaart;
  cohort: number;
  seed: number;
  /** The subgroups, by name: a condition over the client (attributes, risks, protections). */
  groups: Record<string, Condition>;
  /** The group the others are compared with (default: the first group). */
  reference?: string;
  /** Groups with fewer clients are not reported (default 100): their figures would say more about chance than about the group. */
  minimumSize?: number;
}

/** What `simulateSubgroups` returns. */
export interface SubgroupResult {
  cohort: number;
  seed: number;
  reference: string;
  minimumSize: number;
  groups: Record<string, SubgroupFigures>;
}

function quantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

/**
 * The equity lens: reach, unmet need, missed signals and time to support per subgroup of clients,
 * each share with its risk difference and ratio against a reference group (95% intervals for the
 * Monte-Carlo error: clients are independent). A group smaller than `minimumSize` is refused.
 *
 * @example
 * const r = simulateSubgroups(path, { cohort: 50_000, seed: 1, groups: { dutch: { attr: 'speaksDutch', eq: true }, other: { attr: 'speaksDutch', eq: false } } });
 */
export function simulateSubgroups(path: CarePath, options: SubgroupOptions): SubgroupResult {
  if (!isRecord(options) || !isRecord(options.groups) || Object.keys(options.groups).length === 0) {
    throw argumentError('simulateSubgroups', 'options.groups', { en: 'an object of at least one condition by group name', nl: 'een object met minstens één voorwaarde per groepsnaam' }, options?.groups);
  }
  const names = Object.keys(options.groups);
  const reference = options.reference ?? names[0]!;
  if (!names.includes(reference)) throw argumentError('simulateSubgroups', 'options.reference', { en: `one of the group names (${names.join(', ')})`, nl: `een van de groepsnamen (${names.join(', ')})` }, reference);
  const minimumSize = options.minimumSize ?? 100;
  if (!Number.isSafeInteger(minimumSize) || minimumSize < 1) throw argumentError('simulateSubgroups', 'options.minimumSize', wholeNumberFrom(1), minimumSize);
  const population = options.population ?? defaultPopulation();
  const menukaart = options.menukaart;
  const run = simulateWithIndicatorsSync(path, { population, cohort: options.cohort, seed: options.seed, traces: true, ...(menukaart ? { menukaart } : {}) });
  const table = compileTable(path, { population, ...(menukaart ? { menukaart } : {}) });
  const sample = compilePopulation(population, table.space);
  const tests = names.map((name) => compileCondition(options.groups[name]!, table.space));
  const client = emptyClient(table.space);
  const R = table.space.risks.length;
  const addresses = (s: number, r: number) => {
    for (let k = table.addressFirst[s]!; k < table.addressFirst[s + 1]!; k++) if (table.addressRisk[k] === r) return true;
    return false;
  };
  const signals = (s: number, r: number) => {
    for (let k = table.signalFirst[s]!; k < table.signalFirst[s + 1]!; k++) if (table.signalRisk[k] === r) return true;
    return false;
  };
  const zero = () => ({ n: 0, count: 0 });
  const tally = names.map(() => ({ size: 0, reach: zero(), unmet: zero(), missed: zero(), days: [] as number[] }));
  const traces = run.traces!;
  const signalledAt = new Int32Array(R);
  const supportedAt = new Int32Array(R);
  for (let i = 0; i < run.cohort; i++) {
    sample(clientStream(options.seed, i, STREAM.client), client);
    const members = tests.map((test) => test(client));
    if (!members.some(Boolean)) continue;
    // per risk the client has: the visit where a screening first signalled it, and where support for it first came
    signalledAt.fill(-1);
    supportedAt.fill(-1);
    const from = traces.offsets[i]!;
    const to = traces.offsets[i + 1]!;
    let firstSignalDay: number | null = null;
    let firstSupportDay: number | null = null;
    for (let v = from; v < to; v++) {
      const s = traces.steps[v]!;
      for (let r = 0; r < R; r++) {
        if (client.risks[r] !== 1) continue;
        if (signalledAt[r] === -1 && signals(s, r)) {
          signalledAt[r] = v;
          firstSignalDay ??= traces.days[v]!;
        }
        if (supportedAt[r] === -1 && addresses(s, r)) {
          supportedAt[r] = v;
          if (firstSignalDay !== null && firstSupportDay === null) firstSupportDay = traces.days[v]!;
        }
      }
    }
    let anyRisk = false;
    let anySupport = false;
    let anyUnmet = false;
    let anySignal = false;
    let anyMissed = false;
    for (let r = 0; r < R; r++) {
      if (client.risks[r] !== 1) continue;
      anyRisk = true;
      if (supportedAt[r]! >= 0) anySupport = true;
      else anyUnmet = true;
      if (signalledAt[r]! >= 0) {
        anySignal = true;
        if (supportedAt[r]! < signalledAt[r]!) anyMissed = true;
      }
    }
    members.forEach((member, g) => {
      if (!member) return;
      const t = tally[g]!;
      t.size++;
      if (anyRisk) {
        t.reach.n++;
        t.unmet.n++;
        if (anySupport) t.reach.count++;
        if (anyUnmet) t.unmet.count++;
      }
      if (anySignal) {
        t.missed.n++;
        if (anyMissed) t.missed.count++;
      }
      if (firstSignalDay !== null && firstSupportDay !== null) t.days.push(firstSupportDay - firstSignalDay);
    });
  }
  const ref = tally[names.indexOf(reference)]!;
  const refReported = ref.size >= minimumSize;
  const groups: Record<string, SubgroupFigures> = {};
  names.forEach((name, g) => {
    const t = tally[g]!;
    if (t.size < minimumSize) {
      groups[name] = { size: t.size, refused: true, minimum: minimumSize };
      return;
    }
    const against = (pick: 'reach' | 'unmet' | 'missed') => (refReported && t !== ref ? ref[pick] : undefined);
    groups[name] = {
      size: t.size,
      refused: false,
      reach: compare(t.reach, against('reach')),
      unmetNeed: compare(t.unmet, against('unmet')),
      missedSignals: compare(t.missed, against('missed')),
      timeToSupport: { n: t.days.length, median: quantile(t.days, 0.5), p90: quantile(t.days, 0.9) },
    };
  });
  return { cohort: run.cohort, seed: options.seed, reference, minimumSize, groups };
}
