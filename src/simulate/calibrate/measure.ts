import { createDiagnostic, didYouMean, suggestionParams, type Diagnostic } from '../../diagnostics/index.js';
import type { CountSelector, Target } from '../../model/index.js';
import type { SimulationWithIndicators } from '../simulate.js';
import { CALIBRATE_CODES } from './codes.js';
import { compileBirthCount, type BirthCount } from './births.js';
import { wilsonInterval, type TargetMeasurement } from './interval.js';

export { wilsonInterval, type TargetMeasurement } from './interval.js';

/** What a compiled selector looks at for one client. */
export interface ClientView {
  /** 1 for each step (path order) the client visited. */
  visited: Uint8Array;
  /** The step the journey ended in. */
  last: number;
  bit: (key: string) => boolean;
}

type Test = (client: ClientView) => boolean;

interface Known {
  stepIds: readonly string[];
  outcomeSteps: ReadonlySet<string>;
  risks: readonly string[];
}

const NOT_YET = {
  members: { reason: 'it counts household members, and the engine counts one journey per household', reasonNl: 'ze telt gezinsleden, en de simulatie telt één route per huishouden', what: 'members', whatNl: 'gezinsleden' },
  birthOutcome: {
    reason: 'birth outcomes are counted per child, so the target needs "unit": "births"',
    reasonNl: 'geboorte-uitkomsten worden per kind geteld, dus de streefwaarde heeft "unit": "births" nodig',
    what: 'birth outcomes per household',
    whatNl: 'geboorte-uitkomsten per huishouden',
  },
} as const;

/** Compiles one selector; unknown steps and risks, and parts the model cannot count, become diagnostics. */
function compileSelector(selector: CountSelector, target: string, known: Known, stepIndex: Map<string, number>, where: string, out: Diagnostic[]): Test | undefined {
  if ('everyone' in selector) return () => true;
  if ('reached' in selector || 'outcome' in selector) {
    const step = 'reached' in selector ? selector.reached : selector.outcome;
    const s = stepIndex.get(step);
    if (s === undefined) {
      out.push(createDiagnostic(CALIBRATE_CODES.targetUnknownStep, { target, step, ...suggestionParams(didYouMean(step, known.stepIds), known.stepIds) }, { pointer: where }));
      return undefined;
    }
    return 'reached' in selector ? (c) => c.visited[s] === 1 : (c) => c.last === s;
  }
  if ('hasRisk' in selector || 'unmet' in selector) {
    const risk = 'hasRisk' in selector ? selector.hasRisk : selector.unmet;
    if (!known.risks.includes(risk)) {
      out.push(createDiagnostic(CALIBRATE_CODES.targetUnknownRisk, { target, risk, ...suggestionParams(didYouMean(risk, known.risks), known.risks) }, { pointer: where }));
      return undefined;
    }
    const key = `${'hasRisk' in selector ? 'risk' : 'unmet'}:${risk}`;
    return (c) => c.bit(key);
  }
  if ('birthOutcome' in selector) {
    out.push(createDiagnostic(CALIBRATE_CODES.targetNotComputable, { target, ...NOT_YET.birthOutcome }, { pointer: where }));
    return undefined;
  }
  if ('not' in selector) {
    const inner = compileSelector(selector.not, target, known, stepIndex, `${where}/not`, out);
    return inner && ((c) => !inner(c));
  }
  const parts = ('all' in selector ? selector.all : selector.any).map((s, i) => compileSelector(s, target, known, stepIndex, `${where}/${'all' in selector ? 'all' : 'any'}/${i}`, out));
  if (parts.some((p) => p === undefined)) return undefined;
  const tests = parts as Test[];
  return 'all' in selector ? (c) => tests.every((t) => t(c)) : (c) => tests.some((t) => t(c));
}

/** A target compiled against a path and population, or the diagnostics that say why it cannot be. */
export interface CompiledTarget {
  key: string;
  target: Target;
  /** Tests of a target counted over households (one journey each). */
  numerator?: Test;
  denominator?: Test;
  /** What a target counted in births counts, from the birth outcomes of the run. */
  births?: BirthCount;
  diagnostics: Diagnostic[];
}

/** Compiles targets against the steps, outcomes and risks a run will have. */
export function compileTargets(targets: Record<string, Target>, known: Known): CompiledTarget[] {
  const stepIndex = new Map(known.stepIds.map((id, s) => [id, s]));
  return Object.entries(targets).map(([key, target]) => {
    const diagnostics: Diagnostic[] = [];
    const where = `/targets/${key}/measure`;
    const unit = target.measure.unit ?? 'households';
    if (unit === 'births') {
      const births = compileBirthCount(key, target.measure.numerator, target.measure.denominator ?? { everyone: true }, where, diagnostics);
      return births ? { key, target, births, diagnostics } : { key, target, diagnostics };
    }
    if (unit !== 'households') {
      diagnostics.push(createDiagnostic(CALIBRATE_CODES.targetNotComputable, { target: key, ...NOT_YET[unit] }, { pointer: `${where}/unit` }));
      return { key, target, diagnostics };
    }
    const numerator = compileSelector(target.measure.numerator, key, known, stepIndex, `${where}/numerator`, diagnostics);
    const denominator = compileSelector(target.measure.denominator ?? { everyone: true }, key, known, stepIndex, `${where}/denominator`, diagnostics);
    return numerator && denominator && diagnostics.length === 0 ? { key, target, numerator, denominator, diagnostics } : { key, target, diagnostics };
  });
}

/** Whether a compiled target can be computed. */
export const isComputable = (t: CompiledTarget): boolean => countsHouseholds(t) || t.births !== undefined;

/** Whether a compiled target is counted over the households (journeys) of a run. */
export const countsHouseholds = (t: CompiledTarget): t is CompiledTarget & { numerator: Test; denominator: Test } => t.numerator !== undefined && t.denominator !== undefined;

/** Calls `visit` with a view of each client of a run that kept traces and indicators. */
export function forEachClient(run: SimulationWithIndicators, visit: (client: ClientView, index: number) => void): void {
  const traces = run.traces;
  if (!traces) throw new Error('forEachClient needs a run with traces');
  const { keys, bytesPerClient, bits } = run.indicators;
  const position = new Map(keys.map((k, i) => [k, i]));
  const visited = new Uint8Array(traces.stepIds.length);
  let offset = 0;
  const view: ClientView = {
    visited,
    last: -1,
    bit: (key) => {
      const k = position.get(key);
      return k !== undefined && ((bits[offset + (k >> 3)]! >> (k & 7)) & 1) === 1;
    },
  };
  for (let i = 0; i < run.cohort; i++) {
    const from = traces.offsets[i]!;
    const to = traces.offsets[i + 1]!;
    for (let v = from; v < to; v++) visited[traces.steps[v]!] = 1;
    view.last = to > from ? traces.steps[to - 1]! : -1;
    offset = i * bytesPerClient;
    visit(view, i);
    for (let v = from; v < to; v++) visited[traces.steps[v]!] = 0;
  }
}

/** Counts every target counted over households in one run (births targets are measured from the run's birth outcomes). */
export function measureTargets(run: SimulationWithIndicators, targets: readonly CompiledTarget[]): Map<string, TargetMeasurement> {
  const computable = targets.filter(countsHouseholds);
  const num = new Float64Array(computable.length);
  const den = new Float64Array(computable.length);
  forEachClient(run, (client) => {
    computable.forEach((t, k) => {
      if (!t.denominator(client)) return;
      den[k]!++;
      if (t.numerator(client)) num[k]!++;
    });
  });
  const out = new Map<string, TargetMeasurement>();
  computable.forEach((t, k) => out.set(t.key, { numerator: num[k]!, denominator: den[k]!, share: den[k]! === 0 ? null : num[k]! / den[k]!, interval: wilsonInterval(num[k]!, den[k]!) }));
  return out;
}
