import { dirname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  arrivalDay,
  enabledTransitions,
  PopulationSchema,
  startDay,
  toDay,
  viewClient,
  windowDays,
  type CarePath,
  type Menukaart,
  type Route,
} from '../../src/model/index.js';
import { checkRoute } from '../../src/simulate/coverage/index.js';
import { simulateSync } from '../../src/simulate/index.js';
import { validateMenukaart, validatePath, validatePopulation } from '../../src/validate/index.js';
import { filesOfKind, loadContentMenukaart, loadContentPath, PATHS_DIR } from './content-files.js';

// Warnings the content keeps on purpose, each with its reason ("code pointer" → why). A warning
// that is not listed fails the test, and so does a listed one that no longer appears.
const EXPLAINED_WARNINGS: Record<string, string> = {};

const PATH_FILES = filesOfKind('carepath').map((f) => f.file);
// routes through a household path (format version 2) are checked in household-routes.test.ts
const HOUSEHOLD_FILES = new Set(filesOfKind('household').map((f) => f.file));
const ROUTES = filesOfKind('route')
  .map((f) => ({ file: f.file, route: f.data as unknown as Route }))
  .filter(({ file, route }) => !HOUSEHOLD_FILES.has(pathOfRoute(file, route)));

let menukaart: Menukaart;
const paths = new Map<string, CarePath>();

beforeAll(async () => {
  menukaart = await loadContentMenukaart();
  for (const file of PATH_FILES) paths.set(file, await loadContentPath(file));
});

function pathOfRoute(file: string, route: Route): string {
  return relative(PATHS_DIR, join(PATHS_DIR, dirname(file), route.path)).split('\\').join('/');
}

/**
 * An independent replay of a route with the journey semantics: each next step must be enabled,
 * and a step's `at` must lie between the earliest arrival and the end of the step's window.
 */
function replay(path: CarePath, route: Route): string[] {
  const client = viewClient(route.client);
  const first = route.steps[0]!;
  let day = first.at ? toDay(first.at) : startDay(path);
  for (let i = 1; i < route.steps.length; i++) {
    const from = route.steps[i - 1]!.step;
    const { step: to, at } = route.steps[i]!;
    const options = enabledTransitions(path, from, client, day).filter((t) => path.steps[from]!.transitions[t]!.to === to);
    const target = path.steps[to]!;
    const arrivals = options.map((t) => arrivalDay(day, path.steps[from]!.transitions[t]!, target));
    if (arrivals.length === 0) return [`no enabled transition from "${from}" to "${to}" on day ${day}`];
    const earliest = Math.min(...arrivals);
    if (at === undefined) day = earliest;
    else {
      const wanted = toDay(at);
      if (wanted < earliest || wanted > windowDays(target.window).to) return [`"${to}" cannot be at day ${wanted}: earliest ${earliest}, window ends ${windowDays(target.window).to}`];
      day = wanted;
    }
  }
  return [];
}

describe('the shipped paths as chains of care', () => {
  it('validate without errors, and keep no warning that is not explained (menukaart and population too)', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const [file, path] of paths) {
      for (const d of validatePath(path, { menukaart }).diagnostics) {
        const key = `${file} ${d.code} ${d.pointer ?? ''}`;
        if (d.severity === 'error') problems.push(`${key}: ${d.message}`);
        else if (d.severity === 'warning') {
          seen.add(key);
          if (!EXPLAINED_WARNINGS[key]) problems.push(`${key} (unexplained warning): ${d.message}`);
        }
      }
    }
    const population = PopulationSchema.parse(filesOfKind('population')[0]!.data);
    const others = [
      ['menukaart/menukaart.json', validateMenukaart(menukaart)],
      ['populations/default.json', validatePopulation(population)],
    ] as const;
    for (const [file, result] of others) for (const d of result.diagnostics) problems.push(`${file} ${d.code} ${d.pointer ?? ''}: ${d.message}`);
    for (const key of Object.keys(EXPLAINED_WARNINGS)) if (!seen.has(key)) problems.push(`${key}: explained warning no longer appears; remove it from the list`);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('have 25–45 steps per phase path and compose into one path of all their steps', () => {
    const counts = Object.fromEntries(['preconceptie', 'zwangerschap', 'na-de-geboorte'].map((p) => [p, Object.keys(paths.get(`national/${p}.json`)!.steps).length]));
    for (const [name, count] of Object.entries(counts)) {
      expect(count, name).toBeGreaterThanOrEqual(24);
      expect(count, name).toBeLessThanOrEqual(45);
    }
    const whole = paths.get('national/eerste-1000-dagen.json')!;
    const connected = 3 + 2; // outcomes of preconceptie and zwangerschap replaced by their onward step
    expect(Object.keys(whole.steps).length).toBe(counts.preconceptie! + counts.zwangerschap! + counts['na-de-geboorte']! - connected);
    expect(whole.initial).toBe('preconceptie/vruchtbare-leeftijd');
  });

  it('start the pregnancy path without any preconception step', () => {
    const pregnancy = paths.get('national/zwangerschap.json')!;
    expect(pregnancy.steps[pregnancy.initial]!.phase).toBe('pregnancy');
    expect(Object.values(pregnancy.steps).some((s) => s.phase === 'preconception')).toBe(false);
  });

  it('end after birth in outcome steps, with supervision and out-of-home placement as adverse', () => {
    const after = paths.get('national/na-de-geboorte.json')!;
    const outcomes = Object.entries(after.steps).filter(([, s]) => s.kind === 'outcome');
    expect(Object.fromEntries(outcomes.map(([id, s]) => [id, s.result]))).toEqual({ 'einde-1000-dagen': 'good', ondertoezichtstelling: 'adverse', uithuisplaatsing: 'adverse' });
  });

  it('make the 28-week limit of VoorZorg real: no way into VoorZorg after 28 weeks', () => {
    const whole = paths.get('national/eerste-1000-dagen.json')!;
    const limit = toDay({ gw: 28 });
    const into = Object.entries(whole.steps).filter(([, s]) => s.intervention === 'voorzorg' && s.phase === 'pregnancy');
    expect(into.length).toBeGreaterThan(0);
    for (const [id, step] of into) expect(windowDays(step.window).to, id).toBeLessThanOrEqual(limit);
    const sanne = viewClient(ROUTES.find((r) => r.file === 'routes/sanne.json')!.route.client);
    const targets = (day: number) => enabledTransitions(whole, 'zwangerschap/prenataal-huisbezoek', sanne, day).map((i) => whole.steps['zwangerschap/prenataal-huisbezoek']!.transitions[i]!.to);
    expect(targets(toDay({ gw: 20 }))).toContain('zwangerschap/voorzorg-selectie');
    expect(targets(toDay({ gw: 29 }))).not.toContain('zwangerschap/voorzorg-selectie');
    expect(targets(toDay({ gw: 29 })).length).toBeGreaterThan(0);
  });

  it('bring every simulated journey to an outcome: nobody is stuck and no journey loops without end', () => {
    for (const [file, path] of paths) {
      const result = simulateSync(path, { cohort: 20_000, seed: 11, menukaart });
      expect(result.stuck, file).toEqual({});
      expect(result.limit, file).toEqual({});
      expect(Object.values(result.outcomes).reduce((a, b) => a + b, 0), file).toBe(20_000);
    }
  });

  it('send about 7.2% of births preterm, as the sourced weight says', () => {
    const result = simulateSync(paths.get('national/zwangerschap.json')!, { cohort: 50_000, seed: 5, menukaart });
    const preterm = result.outcomes['kind-te-vroeg-geboren'] ?? 0;
    expect(preterm / 50_000).toBeGreaterThan(0.065);
    expect(preterm / 50_000).toBeLessThan(0.079);
  });
});

describe('the klantroutes', () => {
  it('are at least five, each through a shipped path, with a break point on the route', () => {
    expect(ROUTES.length).toBeGreaterThanOrEqual(5);
    const problems: string[] = [];
    for (const { file, route } of ROUTES) {
      const target = pathOfRoute(file, route);
      if (!paths.has(target)) problems.push(`${file}: path "${route.path}" is not a shipped path`);
      if (!route.breakPoint) problems.push(`${file}: no breakPoint`);
      else if (!route.steps.some((s) => s.step === route.breakPoint!.step)) problems.push(`${file}: breakPoint "${route.breakPoint.step}" is not on the route`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('name only steps of their path, start at its initial step and end in an outcome', () => {
    const problems: string[] = [];
    for (const { file, route } of ROUTES) {
      const path = paths.get(pathOfRoute(file, route))!;
      for (const s of route.steps) if (!path.steps[s.step]) problems.push(`${file}: step "${s.step}" is not in the path`);
      if (route.steps[0]!.step !== path.initial) problems.push(`${file}: starts at "${route.steps[0]!.step}", not at "${path.initial}"`);
      const last = path.steps[route.steps.at(-1)!.step];
      if (last?.kind !== 'outcome') problems.push(`${file}: does not end in an outcome`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('fit their path by the route check and by an independent replay of the journey semantics', () => {
    const problems: string[] = [];
    for (const { file, route } of ROUTES) {
      const path = paths.get(pathOfRoute(file, route))!;
      const fit = checkRoute(path, route);
      if (!fit.fits) problems.push(`${file}: ${fit.deviation?.message ?? 'does not fit'}`);
      problems.push(...replay(path, route).map((p) => `${file}: ${p}`));
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('take every client with a risk to support for it when the route reaches a support step', () => {
    // each route shows support for at least one of its client's risks (the happy path has none to need)
    for (const { file, route } of ROUTES) {
      const path = paths.get(pathOfRoute(file, route))!;
      const addressed = new Set(route.steps.flatMap((s) => path.steps[s.step]!.addresses ?? []));
      for (const s of route.steps) {
        const entry = path.steps[s.step]!.intervention;
        for (const r of entry ? (menukaart.interventions[entry]?.addresses ?? []) : []) addressed.add(r);
      }
      const helped = route.client.risks.filter((r) => addressed.has(r));
      expect(helped.length, `${file}: risks ${route.client.risks.join(', ')}`).toBeGreaterThan(0);
    }
  });
});
