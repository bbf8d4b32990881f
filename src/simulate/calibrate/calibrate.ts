import { argumentError, createDiagnostic, hasErrors, isRecord, parsePointer, wholeNumberFrom, type Diagnostic } from '../../diagnostics/index.js';
import { checkParameterRanges } from '../../load/parameter-ranges.js';
import { LIMITS, type CarePath, type Menukaart, type Overlay, type Population, type Result, type Target, type Targets } from '../../model/index.js';
import { defaultPopulation } from '../default-population.js';
import { isValidSeed } from '../random.js';
import { simulateWithIndicatorsSync } from '../simulate.js';
import { tableOf } from '../trace.js';
import { CALIBRATE_CODES } from './codes.js';
import { countBirths, drawBirths, nationalSgaChances, type BirthDraws, type SgaChances } from '../birth-outcomes.js';
import { measureBirthCount, type BirthCount } from './births.js';
import { compileTargets, countsHouseholds, isComputable, measureTargets, type CompiledTarget, type TargetMeasurement } from './measure.js';
import { exactTargets, exactTargetShares } from './exact.js';
import type { NoChain } from '../markov-profiles.js';
import { nelderMead } from './nelder-mead.js';
import { numberAt, safeApplyOverlay, type OverlayValue } from './overlay.js';

/** Options of `calibrate`. */
export interface CalibrateOptions {
  /** The population; the shipped default population when left out. */
  population?: Population;
  menukaart?: Menukaart;
  /** Journeys per evaluation (default 20,000). Every evaluation uses the same seed: common random numbers. */
  cohort?: number;
  seed?: number;
  /** Most simulations the search may run (default 60 per parameter of the path or population, at least 40; the birth model's need none). */
  maxEvaluations?: number;
  /** Start values by parameter key instead of the values in the files (e.g. to test recovery). */
  start?: Record<string, number>;
  /**
   * Most states of the exact engine's chain (default 50,000): above it the targets are counted in
   * the simulation instead. 0 counts every target.
   */
  maxExactStates?: number;
  /**
   * The chances of small for gestational age births are drawn with, before tuning (e.g. from an
   * overlay calibrated earlier); the national ones when left out.
   */
  birthModel?: SgaChances;
  /** Called after each simulation with the number done and the current loss. */
  onEvaluation?: (evaluations: number, loss: number) => void;
}

/** A tuned parameter: where it lives, its start and fitted value, and its range. */
export interface CalibratedParameter {
  file: OverlayValue['file'];
  pointer: string;
  min: number;
  max: number;
  start: number;
  value: number;
}

/** A target after calibration: observed (with a 95% Monte-Carlo interval) against the published value. */
export interface CalibratedTarget extends TargetMeasurement {
  label: Target['label'];
  use: 'fit' | 'validate';
  status: Target['status'];
  value?: number;
  tolerance: number;
  year?: number;
  /** The share before calibration (with the start values). */
  startShare: number | null;
  /** |share − value| ≤ tolerance; null without a value or share. */
  within: boolean | null;
  computable: boolean;
  /** The Monte-Carlo interval is wider than the tolerance on either side: the cohort is too small to tell. */
  tooWide: boolean;
}

/** One step of the search. */
export interface CalibrationStep {
  iteration: number;
  evaluations: number;
  loss: number;
  values: Record<string, number>;
}

/** Which targets the exact engine computed, and why it fell back to counting in the simulation if it did. */
export interface ExactUse {
  targets: string[];
  /** `states`: the chain was larger than `maxExactStates`; `signalled`, `order`, `values`, `never-ends`: the path or population is outside what the chain models. */
  fallback?: NoChain;
}

/** What `calibrate` returns. */
export interface CalibrationResult {
  overlay: Overlay;
  parameters: Record<string, CalibratedParameter>;
  targets: Record<string, CalibratedTarget>;
  /** Sum over fitted targets of ((share − value) / tolerance)²: below the number of fitted targets when all lie within tolerance on average. */
  loss: number;
  startLoss: number;
  evaluations: number;
  converged: boolean;
  trace: CalibrationStep[];
  /** The targets computed exactly (mixture of the path's Markov chain over client profiles), or why none were. */
  exact: ExactUse;
  cohort: number;
  seed: number;
}

const DEFAULT_COHORT = 20_000;
const DEFAULT_EXACT_STATES = 50_000;

function check(options: CalibrateOptions): void {
  if (!isRecord(options)) throw argumentError('calibrate', 'options', { en: 'an options object', nl: 'een object met opties' }, options);
  const { cohort = DEFAULT_COHORT, seed = 1, maxEvaluations = 40 } = options as CalibrateOptions;
  if (!Number.isSafeInteger(cohort) || cohort < 1 || cohort > LIMITS.maxCohort) throw argumentError('calibrate', 'cohort', wholeNumberFrom(1, LIMITS.maxCohort), cohort);
  if (!isValidSeed(seed)) throw argumentError('calibrate', 'seed', wholeNumberFrom(0), seed);
  if (!Number.isSafeInteger(maxEvaluations) || maxEvaluations < 1) throw argumentError('calibrate', 'maxEvaluations', wholeNumberFrom(1), maxEvaluations);
  const { maxExactStates } = options as CalibrateOptions;
  if (maxExactStates !== undefined && (!Number.isSafeInteger(maxExactStates) || maxExactStates < 0)) throw argumentError('calibrate', 'maxExactStates', wholeNumberFrom(0), maxExactStates);
  if (options.start !== undefined && !isRecord(options.start)) throw argumentError('calibrate', 'start', { en: 'an object of numbers by parameter key', nl: 'een object met getallen per parametersleutel' }, options.start);
}

/** The fitted loss of one run's measurements. */
function lossOf(measured: Map<string, TargetMeasurement>, fitted: readonly CompiledTarget[]): number {
  let loss = 0;
  for (const t of fitted) {
    const share = measured.get(t.key)?.share;
    // an empty denominator is as far off as a share can be
    loss += share === null || share === undefined ? 1 / t.target.tolerance ** 2 : ((share - t.target.value!) / t.target.tolerance) ** 2;
  }
  return loss;
}

/** A path, population and targets file made ready to simulate with any parameter values. */
export interface TargetModel {
  /** Parameter keys, in the targets file's order. */
  keys: string[];
  parameters: Record<string, CalibratedParameter>;
  compiled: CompiledTarget[];
  /** Computable targets with a value, marked `fit`. */
  fitted: CompiledTarget[];
  /** Overlay values for parameter values given as positions 0…1 within their ranges. */
  valuesAt: (unit: readonly number[]) => OverlayValue[];
  /** Which targets the exact engine computed so far, and why it fell back to simulation if it did. */
  exact: () => ExactUse;
  /** Simulates with the values (common random numbers: always the same cohort and seed). */
  run: (values: readonly OverlayValue[]) => { measured: Map<string, TargetMeasurement>; diagnostics: Diagnostic[] } | { measured?: undefined; diagnostics: Diagnostic[] };
}

/** The target model as calibration uses it: a simulation apart from the counting of its births. */
interface TargetModelWithBirths extends TargetModel {
  /** Simulates with the values and draws the births, without counting the births targets yet. */
  simulate: (values: readonly OverlayValue[]) => Simulated;
  /** Every target of a simulation, its births counted with these chances of small for gestational age (no new simulation). */
  countWith: (simulated: SimulatedRun, sga: SgaChances) => Map<string, TargetMeasurement>;
}

/** A simulation of a target model: the targets over households, and the births drawn but not yet counted. */
interface SimulatedRun {
  measured: Map<string, TargetMeasurement>;
  draws: BirthDraws;
  /** The chances of small for gestational age of the values simulated with. */
  birthModel: SgaChances;
  diagnostics: Diagnostic[];
}

/** A simulation, or the diagnostics of values that cannot be simulated. */
type Simulated = SimulatedRun | { measured?: undefined; diagnostics: Diagnostic[] };

/** Checks a targets file against a path and population and prepares the model that calibration and sensitivity simulate. */
export function safeTargetModel(path: CarePath, targets: Targets, options: CalibrateOptions = {}): Result<TargetModel> {
  return targetModel(path, targets, options);
}

function targetModel(path: CarePath, targets: Targets, options: CalibrateOptions): Result<TargetModelWithBirths> {
  check(options);
  if (!isRecord(targets) || targets.kind !== 'targets') throw argumentError('calibrate', 'targets', { en: 'a targets document (kind "targets")', nl: 'een streefwaardendocument (kind "targets")' }, targets);
  const population = options.population ?? defaultPopulation();
  const cohort = options.cohort ?? DEFAULT_COHORT;
  const seed = options.seed ?? 1;
  const diagnostics: Diagnostic[] = [];
  const birthModel = options.birthModel ?? nationalSgaChances();
  const documents = { path, population, 'birth-model': birthModel };
  // a range the tuned number cannot take (a negative weight, a chance above 1) is refused before anything is simulated
  const ranges = checkParameterRanges(targets, { path, population });
  if (hasErrors(ranges)) return { ok: false, diagnostics: ranges };
  const keys = Object.keys(targets.parameters ?? {});
  const parameters: Record<string, CalibratedParameter> = {};
  for (const key of keys) {
    const p = targets.parameters[key]!;
    const current = numberAt(documents[p.file], p, `/parameters/${key}/pointer`);
    if (!current.ok) {
      diagnostics.push(...current.diagnostics);
      continue;
    }
    const given = options.start?.[key];
    const start = Math.min(p.max, Math.max(p.min, typeof given === 'number' && Number.isFinite(given) ? given : current.value));
    parameters[key] = { file: p.file, pointer: p.pointer, min: p.min, max: p.max, start, value: start };
  }
  const table = tableOf(path);
  const risks = [...new Set([...table.space.risks, ...Object.keys(population.risks ?? {})])];
  const compiled = compileTargets(targets.targets, { stepIds: table.stepIds, outcomeSteps: new Set(table.stepIds.filter((_, s) => table.outcome[s] === 1)), risks });
  for (const t of compiled) diagnostics.push(...t.diagnostics);
  if (hasErrors(diagnostics)) return { ok: false, diagnostics };
  const fitted = compiled.filter((t) => isComputable(t) && (t.target.use ?? 'fit') === 'fit' && t.target.value !== undefined);
  const exactAllowed = exactTargets(compiled.filter(countsHouseholds));
  const maxExactStates = options.maxExactStates ?? DEFAULT_EXACT_STATES;
  // the chain's size hardly depends on the tuned values: once too large, it is not tried again
  let exactFallback: NoChain | undefined = maxExactStates === 0 && exactAllowed.length > 0 ? 'states' : undefined;
  const exactUsed = new Set<string>();
  const birthTargets = compiled.filter((t): t is CompiledTarget & { births: BirthCount } => t.births !== undefined);

  const valuesAt = (unit: readonly number[]): OverlayValue[] =>
    keys.map((key, i) => {
      const p = parameters[key]!;
      return { file: p.file, pointer: p.pointer, value: p.min + unit[i]! * (p.max - p.min), min: p.min, max: p.max, parameter: key };
    });
  const measureBirths = (draws: BirthDraws, sga: SgaChances, into: Map<string, TargetMeasurement>) => {
    if (birthTargets.length === 0) return into;
    const births = countBirths(draws, sga);
    for (const t of birthTargets) into.set(t.key, measureBirthCount(t.births, births));
    return into;
  };
  const simulate = (values: readonly OverlayValue[]): Simulated => {
    const applied = safeApplyOverlay(path, population, values, birthModel);
    if (!applied.ok) return { diagnostics: applied.diagnostics };
    const simulated = simulateWithIndicatorsSync(applied.value.path, { population: applied.value.population, cohort, seed, traces: true, ...(options.menukaart ? { menukaart: options.menukaart } : {}) });
    const measured = measureTargets(simulated, compiled);
    // where a target allows it, the exact engine replaces the count: the loss then has no Monte-Carlo noise
    if (exactAllowed.length > 0 && exactFallback === undefined) {
      const exact = exactTargetShares(applied.value.path, applied.value.population, exactAllowed, maxExactStates);
      exactFallback = exact.fallback;
      for (const [key, share] of exact.shares) {
        const counted = measured.get(key);
        if (!counted) continue;
        exactUsed.add(key);
        measured.set(key, { ...counted, share, interval: [share, share], exact: true });
      }
    }
    // the monitor's draws and seed, so that a births target and the monitor's indicator agree
    const draws = drawBirths(applied.value.path, simulated, seed, applied.value.population.multipleBirths?.share ?? 0);
    return { measured, draws, birthModel: applied.value.birthModel, diagnostics: [] };
  };
  const countWith = (simulated: SimulatedRun, sga: SgaChances) => measureBirths(simulated.draws, sga, new Map(simulated.measured));
  const run = (values: readonly OverlayValue[]) => {
    const simulated = simulate(values);
    if (!simulated.measured) return { diagnostics: simulated.diagnostics };
    return { measured: countWith(simulated, simulated.birthModel), diagnostics: [] };
  };
  const exact = () => ({ targets: exactAllowed.map((t) => t.key).filter((key) => exactUsed.has(key)), ...(exactFallback ? { fallback: exactFallback } : {}) });
  return { ok: true, diagnostics, value: { keys, parameters, compiled, fitted, valuesAt, run, simulate, countWith, exact } };
}

/**
 * Fits the tunable parameters of a targets file so that a simulation of `path` reproduces the
 * targets marked `fit`, by Nelder–Mead over the parameters' ranges. Every evaluation simulates the
 * same cohort with the same seed (common random numbers), so the loss changes only through the
 * parameters and the result is reproducible for a seed. Targets marked `validate` are held out and
 * only compared afterwards. Returns the overlay of fitted values; the path and population are not
 * changed.
 */
export function safeCalibrate(path: CarePath, targets: Targets, options: CalibrateOptions = {}): Result<CalibrationResult> {
  const model = targetModel(path, targets, options);
  if (!model.ok) return model;
  const { keys, parameters, fitted, compiled, valuesAt, run } = model.value;
  const diagnostics = [...model.diagnostics];
  const cohort = options.cohort ?? DEFAULT_COHORT;
  const seed = options.seed ?? 1;
  const startUnit = keys.map((key) => {
    const p = parameters[key]!;
    return (p.start - p.min) / (p.max - p.min);
  });
  const first = run(valuesAt(startUnit));
  if (!first.measured) return { ok: false, diagnostics: [...diagnostics, ...first.diagnostics] };
  const startLoss = lossOf(first.measured, fitted);
  // the chances of small for gestational age change only how the births are counted, not the
  // simulation: the search runs over the other parameters, and for each simulation fits the chances
  // on its drawn births (a profile of the loss), which costs no further simulation
  const birthAxes = keys.flatMap((key, i) => (parameters[key]!.file === 'birth-model' ? [i] : []));
  const simulationAxes = keys.flatMap((key, i) => (parameters[key]!.file === 'birth-model' ? [] : [i]));
  const join = (outer: readonly number[], inner: readonly number[]) => {
    const unit = [...startUnit];
    simulationAxes.forEach((axis, j) => (unit[axis] = outer[j]!));
    birthAxes.forEach((axis, j) => (unit[axis] = inner[j]!));
    return unit;
  };
  const chancesAt = (unit: readonly number[], base: SgaChances): SgaChances | undefined => {
    const sga = { ...base };
    for (const v of valuesAt(unit)) {
      if (v.file !== 'birth-model') continue;
      const key = parsePointer(v.pointer)[0] as keyof SgaChances;
      if (!(v.value >= 0 && v.value <= 1)) return undefined;
      sga[key] = v.value;
    }
    return sga;
  };
  let warm = birthAxes.map((axis) => startUnit[axis]!);
  const innerAt = new Map<string, number[]>();
  let evaluations = 0;
  const objective = (outer: number[]) => {
    const simulated = model.value.simulate(valuesAt(join(outer, warm)));
    evaluations++;
    // values the file format refuses (e.g. a weight summing to nothing) are simply worse than any other
    let loss = Infinity;
    if (simulated.measured && birthAxes.length === 0) loss = lossOf(model.value.countWith(simulated, simulated.birthModel), fitted);
    else if (simulated.measured) {
      const lossWith = (inner: number[]) => {
        const sga = chancesAt(join(outer, inner), simulated.birthModel);
        return sga ? lossOf(model.value.countWith(simulated, sga), fitted) : Infinity;
      };
      const inner = nelderMead(lossWith, warm, { lower: birthAxes.map(() => 0), upper: birthAxes.map(() => 1), step: 0.15, maxEvaluations: 100 * birthAxes.length, fTolerance: 1e-4, xTolerance: 1e-4 });
      warm = inner.x;
      innerAt.set(outer.join(), inner.x);
      loss = inner.f;
    }
    options.onEvaluation?.(evaluations, loss);
    return loss;
  };
  const outerStart = simulationAxes.map((axis) => startUnit[axis]!);
  const maxEvaluations = options.maxEvaluations ?? Math.max(40, 60 * simulationAxes.length);
  const searchOf = () => {
    if (keys.length === 0 || fitted.length === 0) return { x: outerStart, f: startLoss, evaluations: 0, converged: true, trace: [] };
    if (simulationAxes.length === 0) return { x: [], f: objective([]), evaluations: 1, converged: true, trace: [] };
    return nelderMead(objective, outerStart, { lower: simulationAxes.map(() => 0), upper: simulationAxes.map(() => 1), step: 0.15, maxEvaluations, fTolerance: 0.01, xTolerance: 1e-3 });
  };
  const search = searchOf();
  const unitOf = (outer: readonly number[]) => join(outer, innerAt.get(outer.join()) ?? warm);
  const finalValues = valuesAt(unitOf(search.x));
  const final = run(finalValues);
  if (!final.measured) return { ok: false, diagnostics: [...diagnostics, ...final.diagnostics] };
  finalValues.forEach((v) => (parameters[v.parameter!]!.value = v.value));
  const out: Record<string, CalibratedTarget> = {};
  for (const t of compiled) {
    const m = final.measured.get(t.key) ?? { numerator: 0, denominator: 0, share: null, interval: null };
    const { value, tolerance, year, status, label } = t.target;
    if (isComputable(t) && m.denominator === 0) diagnostics.push(createDiagnostic(CALIBRATE_CODES.targetEmptyDenominator, { target: t.key }, { pointer: `/targets/${t.key}/measure/denominator` }));
    out[t.key] = {
      label,
      use: t.target.use ?? 'fit',
      status,
      ...(value !== undefined ? { value } : {}),
      tolerance,
      ...(year !== undefined ? { year } : {}),
      ...m,
      startShare: first.measured.get(t.key)?.share ?? null,
      within: value === undefined || m.share === null ? null : Math.abs(m.share - value) <= tolerance + 1e-12,
      computable: isComputable(t),
      tooWide: m.interval !== null && (m.interval[1] - m.interval[0]) / 2 > tolerance,
    };
  }
  const trace = search.trace.map((s) => ({ iteration: s.iteration, evaluations: s.evaluations, loss: s.best, values: Object.fromEntries(valuesAt(unitOf(s.x)).map((v) => [v.parameter!, v.value])) }));
  return {
    ok: true,
    diagnostics,
    value: {
      overlay: { kind: 'overlay', targets: targets.id, seed, values: finalValues },
      parameters,
      targets: out,
      loss: lossOf(final.measured, fitted),
      startLoss,
      evaluations: search.evaluations,
      converged: search.converged,
      trace,
      exact: model.value.exact(),
      cohort,
      seed,
    },
  };
}
