import { argumentError, isRecord, WHOLE_NUMBER, wholeNumberFrom } from '../diagnostics/index.js';
import { LIMITS, type CarePath, type Condition, type HouseholdPath, type Menukaart, type Population } from '../model/index.js';
import { compileCondition, type CompiledCondition } from './conditions.js';
import { defaultPopulation } from './default-population.js';
import { finalizeHouseholdResult, riskResultOf, signalToSupportOf, type HouseholdSimulationResult, type RiskResult, type SignalToSupport } from './household-result.js';
import { DEFAULT_HOUSEHOLD_MAX_VISITS, runHouseholdChunk, type HouseholdObservation } from './household-run.js';
import { householdOf } from './household-simulate.js';
import { risksOfHousehold } from './household-risks.js';
import { householdTableData, instantiateHouseholdTable } from './household-table.js';
import { countInto, RISK_COLUMNS } from './household-tally.js';
import { compilePopulation } from './population.js';
import { isValidSeed } from './random.js';
import { compareShare, type Counted, type SubgroupShare } from './share-intervals.js';

/** A group of households by their birth: none (the journey ended before a birth), one child, or two or more (multiples). */
export interface BirthGroup {
  birth: 'none' | 'single' | 'multiple';
}

/** A subgroup of households: a condition over the household (its attributes, risks, signals at the end of its walk), or its birth. */
export type HouseholdGroup = Condition | BirthGroup;

/** One risk within a subgroup: its counts as in the household result, and its shares against the reference group. */
export interface HouseholdSubgroupRisk {
  /** The counts of the risk over the group's households, as `HouseholdSimulationResult.risks` counts them over the cohort. */
  counts: RiskResult;
  /** Of the households with the risk: where a step addressing it was visited. */
  reach: SubgroupShare;
  /** Of the households with the risk: where no step addressing it was visited. */
  unmetNeed: SubgroupShare;
  /** Of the households with the risk: where it was never signalled. */
  missedSignals: SubgroupShare;
  /** Of the households where it was signalled: where no step addressing it was visited. */
  noFollowUp: SubgroupShare;
}

/** The figures of one subgroup of households, or why they are not reported. */
export type HouseholdSubgroupFigures =
  | {
      size: number;
      refused: false;
      /** Of the households with at least one of the risks: where a step addressing one of them was visited. */
      reach: SubgroupShare;
      /** Of the households with at least one of the risks: where one of them was never addressed. */
      unmetNeed: SubgroupShare;
      /** Of the households with at least one of the risks: where one of them was never signalled. */
      missedSignals: SubgroupShare;
      /** Of the households with a signalled risk: where one signalled risk was never addressed. */
      noFollowUp: SubgroupShare;
      /** Days from a risk's first signal to the first support for it after that, over every such risk of the group's households. */
      timeToSupport: SignalToSupport;
      /** The same per risk. */
      risks: Record<string, HouseholdSubgroupRisk>;
    }
  | { size: number; refused: true; minimum: number };

/** Options of `simulateHouseholdSubgroups`. */
export interface HouseholdSubgroupOptions {
  population?: Population;
  menukaart?: Menukaart;
  cohort: number;
  seed: number;
  /** Most steps one household may visit over all its tracks (default 10,000). */
  maxVisits?: number;
  /** The subgroups, by name. A household may be in several groups or in none. */
  groups: Record<string, HouseholdGroup>;
  /** The group the others are compared with (default: the first group). */
  reference?: string;
  /** Groups with fewer households are not reported (default 100): their figures would say more about chance than about the group. */
  minimumSize?: number;
  /**
   * The risks the figures are about. Default: the risks the path is about (its own risks, those its
   * steps detect or address, also through the menukaart, and those its conditions read), as
   * `zorgpaden simulate --by` reports them; every risk of the population and the path when the
   * path names none.
   */
  risks?: readonly string[];
}

/** What `simulateHouseholdSubgroups` returns. */
export interface HouseholdSubgroupResult {
  cohort: number;
  seed: number;
  reference: string;
  minimumSize: number;
  /** The risks the figures are about. */
  risks: string[];
  groups: Record<string, HouseholdSubgroupFigures>;
}

const CALLER = 'simulateHouseholdSubgroups';
const BIRTHS = ['none', 'single', 'multiple'];

const isBirthGroup = (g: HouseholdGroup): g is BirthGroup => isRecord(g) && Object.hasOwn(g, 'birth');

function check(options: HouseholdSubgroupOptions): { names: string[]; reference: string; minimumSize: number } {
  if (!isRecord(options)) throw argumentError(CALLER, 'options', { en: 'an object with cohort, seed and groups', nl: 'een object met cohort, seed en groups' }, options);
  const { cohort, seed, maxVisits = DEFAULT_HOUSEHOLD_MAX_VISITS } = options;
  if (!Number.isSafeInteger(cohort) || cohort < 1 || cohort > LIMITS.maxCohort) throw argumentError(CALLER, 'cohort', wholeNumberFrom(1, LIMITS.maxCohort), cohort);
  if (!isValidSeed(seed)) throw argumentError(CALLER, 'seed', WHOLE_NUMBER, seed);
  if (!Number.isSafeInteger(maxVisits) || maxVisits < 1) throw argumentError(CALLER, 'maxVisits', wholeNumberFrom(1), maxVisits);
  for (const name of ['population', 'menukaart'] as const) {
    if (options[name] !== undefined && !isRecord(options[name])) throw argumentError(CALLER, `options.${name}`, { en: `a ${name} object`, nl: `een ${name}-object` }, options[name]);
  }
  const groupsWanted = { en: 'an object of at least one group by name: a condition or { birth: "none" | "single" | "multiple" }', nl: 'een object met minstens één groep per naam: een voorwaarde of { birth: "none" | "single" | "multiple" }' };
  if (!isRecord(options.groups) || Object.keys(options.groups).length === 0) throw argumentError(CALLER, 'options.groups', groupsWanted, options.groups);
  const names = Object.keys(options.groups);
  for (const name of names) {
    const group = options.groups[name];
    if (!isRecord(group) || (isBirthGroup(group) && !BIRTHS.includes(group.birth))) throw argumentError(CALLER, `options.groups.${name}`, groupsWanted, group);
  }
  const reference = options.reference ?? names[0]!;
  if (!names.includes(reference)) throw argumentError(CALLER, 'options.reference', { en: `one of the group names (${names.join(', ')})`, nl: `een van de groepsnamen (${names.join(', ')})` }, reference);
  const minimumSize = options.minimumSize ?? 100;
  if (!Number.isSafeInteger(minimumSize) || minimumSize < 1) throw argumentError(CALLER, 'options.minimumSize', wholeNumberFrom(1), minimumSize);
  if (options.risks !== undefined && (!Array.isArray(options.risks) || options.risks.some((r) => typeof r !== 'string'))) {
    throw argumentError(CALLER, 'options.risks', { en: 'a list of risk keys', nl: 'een lijst van risicosleutels' }, options.risks);
  }
  return { names, reference, minimumSize };
}

/** The counts of one group as it is walked: households, "any risk" shares, and per risk the columns of the household tally. */
interface GroupTally {
  size: number;
  reach: Counted;
  unmet: Counted;
  missed: Counted;
  noFollowUp: Counted;
  wait: Float64Array;
  risks: Float64Array;
  waits: Float64Array[];
}

/** The risks the path is about; every risk a household can have when it names none. */
function defaultRisks(path: HouseholdPath, menukaart: Menukaart | undefined, all: readonly string[]): string[] {
  const own = risksOfHousehold(path, menukaart);
  return own.length > 0 ? own : [...all];
}

/**
 * Walks the households once, and gives both the whole-cohort result (exactly that of
 * `simulateHousehold` for the same options) and the figures per subgroup.
 */
export function runHouseholdSubgroups(path: HouseholdPath | CarePath, options: HouseholdSubgroupOptions): { result: HouseholdSimulationResult; subgroups: HouseholdSubgroupResult } {
  const { names, reference, minimumSize } = check(options);
  const household = householdOf(path, CALLER);
  const population = options.population ?? defaultPopulation();
  const table = instantiateHouseholdTable(householdTableData(household, { population, ...(options.menukaart ? { menukaart: options.menukaart } : {}) }));
  const space = table.base.space;
  const risks = options.risks === undefined ? defaultRisks(household, options.menukaart, space.risks) : [...new Set(options.risks)];
  // a risk no household can have (in neither the population nor the path) is counted as absent everywhere
  const riskIndex = risks.map((risk) => space.risks.indexOf(risk));
  const R = risks.length;
  const C = RISK_COLUMNS.length;
  const tests: (CompiledCondition | BirthGroup)[] = names.map((name) => {
    const group = options.groups[name]!;
    return isBirthGroup(group) ? group : compileCondition(group, space);
  });
  const tallies: GroupTally[] = names.map(() => ({
    size: 0,
    reach: { n: 0, count: 0 },
    unmet: { n: 0, count: 0 },
    missed: { n: 0, count: 0 },
    noFollowUp: { n: 0, count: 0 },
    wait: new Float64Array(16),
    risks: new Float64Array(R * C),
    waits: risks.map(() => new Float64Array(16)),
  }));
  const waitOf = new Float64Array(R).fill(-1);
  let multiplesBefore = 0;
  const observe = (_household: number, seen: HouseholdObservation) => {
    const births = seen.tally.births[2]!;
    const birth = seen.children === 0 ? 'none' : births > multiplesBefore ? 'multiple' : 'single';
    multiplesBefore = births;
    const { client, signalled, addressed, supported } = seen;
    let anyRisk = false;
    let anyAddressed = false;
    let anyUnmet = false;
    let anyMissed = false;
    let anySignal = false;
    let anyNoFollowUp = false;
    for (let i = 0; i < R; i++) {
      const r = riskIndex[i]!;
      waitOf[i] = -1;
      if (r < 0) continue;
      const present = client.risks[r] === 1;
      if (present) {
        anyRisk = true;
        if (addressed[r] === 1) anyAddressed = true;
        else anyUnmet = true;
        if (signalled[r] === 0) anyMissed = true;
      }
      if (signalled[r] === 1) {
        anySignal = true;
        if (addressed[r] === 0) anyNoFollowUp = true;
      }
      // as the walk counts it (household-run.ts): the wait in whole days from 0 to 65,535
      if (supported[r] === 1) waitOf[i] = Math.min(Math.max(seen.supportDay[r]! - seen.firstSignal[r]!, 0), 65_535);
    }
    for (let g = 0; g < names.length; g++) {
      const test = tests[g]!;
      if (typeof test === 'function' ? !test(client) : test.birth !== birth) continue;
      const t = tallies[g]!;
      t.size++;
      if (anyRisk) {
        t.reach.n++;
        t.unmet.n++;
        t.missed.n++;
        if (anyAddressed) t.reach.count++;
        if (anyUnmet) t.unmet.count++;
        if (anyMissed) t.missed.count++;
      }
      if (anySignal) {
        t.noFollowUp.n++;
        if (anyNoFollowUp) t.noFollowUp.count++;
      }
      for (let i = 0; i < R; i++) {
        const r = riskIndex[i]!;
        if (r < 0) continue;
        const present = client.risks[r] === 1;
        const o = i * C;
        // the columns of RISK_COLUMNS, counted as the walk counts them for the cohort
        if (present) t.risks[o]!++;
        if (signalled[r] === 1) t.risks[o + 1]!++;
        if (present && addressed[r] === 1) t.risks[o + 2]!++;
        if (present && signalled[r] === 0) t.risks[o + 3]!++;
        if (signalled[r] === 1 && addressed[r] === 0) t.risks[o + 4]!++;
        if (present && addressed[r] === 1 && signalled[r] === 0) t.risks[o + 5]!++;
        if (waitOf[i]! >= 0) {
          t.waits[i] = countInto(t.waits[i]!, waitOf[i]!);
          t.wait = countInto(t.wait, waitOf[i]!);
        }
      }
    }
  };
  const sample = compilePopulation(population, space);
  const tally = runHouseholdChunk(table, sample, { seed: options.seed, start: 0, end: options.cohort, maxVisits: options.maxVisits ?? DEFAULT_HOUSEHOLD_MAX_VISITS, observe });
  const meta = { pathId: household.id, pathVersion: household.version, ...(household.coalition ? { coalition: household.coalition.id } : {}), populationId: population.id, cohort: options.cohort, seed: options.seed };
  const result = finalizeHouseholdResult(table, tally, meta);

  const ref = tallies[names.indexOf(reference)]!;
  const against = ref.size >= minimumSize;
  const countsOf = (t: GroupTally, i: number): RiskResult => riskResultOf(t.risks, i, t.waits[i]!);
  const riskShares = (counts: RiskResult) => ({
    reach: { n: counts.present, count: counts.addressed },
    unmetNeed: { n: counts.present, count: counts.present - counts.addressed },
    missedSignals: { n: counts.present, count: counts.neverSignalled },
    noFollowUp: { n: counts.signalled, count: counts.signalledNotAddressed },
  });
  const refRisks = risks.map((_, i) => riskShares(countsOf(ref, i)));
  const groups: Record<string, HouseholdSubgroupFigures> = {};
  names.forEach((name, g) => {
    const t = tallies[g]!;
    if (t.size < minimumSize) {
      groups[name] = { size: t.size, refused: true, minimum: minimumSize };
      return;
    }
    const vs = <T>(value: T) => (against && t !== ref ? value : undefined);
    const perRisk: Record<string, HouseholdSubgroupRisk> = {};
    risks.forEach((risk, i) => {
      const counts = countsOf(t, i);
      const shares = riskShares(counts);
      const base = vs(refRisks[i]!);
      perRisk[risk] = {
        counts,
        reach: compareShare(shares.reach, base?.reach),
        unmetNeed: compareShare(shares.unmetNeed, base?.unmetNeed),
        missedSignals: compareShare(shares.missedSignals, base?.missedSignals),
        noFollowUp: compareShare(shares.noFollowUp, base?.noFollowUp),
      };
    });
    groups[name] = {
      size: t.size,
      refused: false,
      reach: compareShare(t.reach, vs(ref.reach)),
      unmetNeed: compareShare(t.unmet, vs(ref.unmet)),
      missedSignals: compareShare(t.missed, vs(ref.missed)),
      noFollowUp: compareShare(t.noFollowUp, vs(ref.noFollowUp)),
      timeToSupport: signalToSupportOf(t.wait),
      risks: perRisk,
    };
  });
  return { result, subgroups: { cohort: options.cohort, seed: options.seed, reference, minimumSize, risks, groups } };
}

/**
 * The equity lens for households: reach, unmet need, missed signals, signals without follow-up and
 * the days from signal to support per subgroup of households (by a condition, or by birth: none,
 * one child, multiples), over any of the given risks and per risk, each share with its risk
 * difference and ratio against a reference group (95% intervals: households are independent).
 * A group smaller than `minimumSize` is refused. The counts per risk of groups that split the
 * cohort add up exactly to those of `simulateHousehold` for the same options.
 *
 * @example
 * const r = simulateHouseholdSubgroups(path, { cohort: 50_000, seed: 1, groups: { single: { birth: 'single' }, multiple: { birth: 'multiple' } } });
 * console.log(r.groups.multiple);
 */
export function simulateHouseholdSubgroups(path: HouseholdPath | CarePath, options: HouseholdSubgroupOptions): HouseholdSubgroupResult {
  return runHouseholdSubgroups(path, options).subgroups;
}
