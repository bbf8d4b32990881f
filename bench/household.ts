// Household simulation benchmark: run with `npx tsx --expose-gc bench/household.ts [--quick]`.
// The shipped 1000-day path migrated to format version 2 (one parent track), walked by
// simulateHousehold, beside the typed-array baseline loop and version 1's simulate in the same run.
import { cpus, loadavg } from 'node:os';
import { migratePathV1 } from '../src/load/index.js';
import { createHouseholdJourney } from '../src/machine/household-journey.js';
import { eventOf } from '../src/model/index.js';
import { loadPath } from '../src/node/index.js';
import { emptyClient } from '../src/simulate/client.js';
import { compileHouseholdTable } from '../src/simulate/household-table.js';
import { compilePopulation } from '../src/simulate/population.js';
import { defaultPopulation, generateClients, simulateHousehold, simulateSync, traceJourney } from '../src/simulate/index.js';
import { newStream, seedStream, STREAM } from '../src/simulate/random.js';
import { syntheticPath, syntheticPopulation } from './baseline/synthetic-path.js';
import { contentLoop } from './baseline/content-loop.js';
import { baselineLoop } from './baseline/typed-loop.js';

const quick = process.argv.includes('--quick');
const COHORT = quick ? 50_000 : 170_000;
const MEMORY_SMALL = 10_000;
const MEMORY_LARGE = quick ? 200_000 : 1_000_000;
const ACTOR_HOUSEHOLDS = quick ? 200 : 1_000;
const gc = (globalThis as { gc?: () => void }).gc;

function time<T>(run: () => T): { ms: number; cpu: number; value: T } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = run();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpu: (c.user + c.system) / 1000, value };
}

// the lower of wall clock and CPU time: on a shared machine the wall clock also counts waiting for a core
const cost = (t: { ms: number; cpu: number }) => Math.min(t.ms, t.cpu);
const sum = (values: Record<string, number> | Float64Array) => Object.values(values).reduce((a: number, b: number) => a + b, 0);

const rows: [string, string, string][] = [];
const row = (what: string, figure: string, note = '') => rows.push([what, figure, note]);
const ms = (x: number) => `${x.toFixed(0)} ms`;
const ns = (x: number) => `${(x * 1e6).toFixed(0)} ns/visited step`;
const mb = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)} MB`;

const synthetic = syntheticPath();
const syntheticPop = syntheticPopulation();
const national = await loadPath(new URL('../paths/national/eerste-1000-dagen.json', import.meta.url).pathname);
const household = migratePathV1(national).path;
const population = defaultPopulation();
// the baseline's own path and population, as a household path: the engine's cost on the very same work
const syntheticHousehold = migratePathV1(synthetic).path;

// warm up every loop, then alternate them so that all see the same spells of a noisy machine; keep the best of each
baselineLoop(synthetic, syntheticPop, 20_000, 1);
simulateHousehold(household, { cohort: 20_000, seed: 1, population });
simulateSync(national, { cohort: 20_000, seed: 1, population });
simulateHousehold(syntheticHousehold, { cohort: 20_000, seed: 1, population: syntheticPop });
contentLoop(national, population, 20_000, 1);
let loop = time(() => contentLoop(national, population, COHORT, 1));
let same = time(() => simulateHousehold(syntheticHousehold, { cohort: COHORT, seed: 1, population: syntheticPop }));
let base = time(() => baselineLoop(synthetic, syntheticPop, COHORT, 1));
let walk = time(() => simulateHousehold(household, { cohort: COHORT, seed: 1, population }));
let v1 = time(() => simulateSync(national, { cohort: COHORT, seed: 1, population }));
for (let k = 1; k < (quick ? 2 : 4); k++) {
  const b = time(() => baselineLoop(synthetic, syntheticPop, COHORT, 1));
  const h = time(() => simulateHousehold(household, { cohort: COHORT, seed: 1, population }));
  const s = time(() => simulateSync(national, { cohort: COHORT, seed: 1, population }));
  const e = time(() => simulateHousehold(syntheticHousehold, { cohort: COHORT, seed: 1, population: syntheticPop }));
  const l = time(() => contentLoop(national, population, COHORT, 1));
  loop = { ms: Math.min(loop.ms, l.ms), cpu: Math.min(loop.cpu, l.cpu), value: loop.value };
  same = { ms: Math.min(same.ms, e.ms), cpu: Math.min(same.cpu, e.cpu), value: same.value };
  base = { ms: Math.min(base.ms, b.ms), cpu: Math.min(base.cpu, b.cpu), value: base.value };
  walk = { ms: Math.min(walk.ms, h.ms), cpu: Math.min(walk.cpu, h.cpu), value: walk.value };
  v1 = { ms: Math.min(v1.ms, s.ms), cpu: Math.min(v1.cpu, s.cpu), value: v1.value };
}
const baseVisits = sum(base.value.visits);
const walkVisits = sum(walk.value.visits);
const v1Visits = sum(v1.value.visits);
const perBase = cost(base) / baseVisits;
const perWalk = cost(walk) / walkVisits;
const perV1 = cost(v1) / v1Visits;
const n = COHORT.toLocaleString('en');
row(`(a) typed-array baseline loop, synthetic 40-step path, ${n} journeys`, ns(perBase), `${ms(base.ms)} (cpu ${ms(base.cpu)}), ${(baseVisits / COHORT).toFixed(1)} visits per journey`);
const perSame = cost(same) / sum(same.value.visits);
row(`(a') simulateHousehold, the baseline's own path and population`, ns(perSame), `${ms(same.ms)} (cpu ${ms(same.cpu)}); ${(perSame / perBase).toFixed(2)}× baseline per visited step: the engine on the very same work; visits equal to (a): ${JSON.stringify(Array.from(Object.values(same.value.visits))) === JSON.stringify(Array.from(base.value.visits))}`);
row(`(b) simulateHousehold, shipped 1000-day path as version 2, ${n} households`, ns(perWalk), `${ms(walk.ms)} (cpu ${ms(walk.cpu)}), ${(walkVisits / COHORT).toFixed(1)} visits per household; ${(perWalk / perBase).toFixed(2)}× baseline per visited step (target ≤ 2×)`);
// the same loop on the shipped path and population: what the shipped content costs a loop written by hand
const perLoop = cost(loop) / sum(loop.value.visits);
row(`(e) the baseline's loop on the shipped path and population`, ns(perLoop), `${ms(loop.ms)} (cpu ${ms(loop.cpu)}); ${(perLoop / perBase).toFixed(2)}× baseline; (b) is ${(perWalk / perLoop).toFixed(2)}× this loop; visits equal to (b): ${JSON.stringify(Array.from(loop.value.visits)) === JSON.stringify(Object.values(walk.value.visits))}`);
// the share of (b) spent drawing households from the population, as the walk draws them
const space = compileHouseholdTable(household, { population }).base.space;
const sample = compilePopulation(population, space);
const drawn = emptyClient(space);
const stream = newStream();
const drawAll = () => {
  let bits = 0;
  for (let h = 0; h < COHORT; h++) bits |= sample(seedStream(stream, 1, h, STREAM.client), drawn);
  return bits;
};
let draw = time(drawAll);
for (let k = 1; k < (quick ? 2 : 4); k++) {
  const d = time(drawAll);
  draw = { ms: Math.min(draw.ms, d.ms), cpu: Math.min(draw.cpu, d.cpu), value: draw.value };
}
row(`    of which drawing the households from the population`, `${((cost(draw) / COHORT) * 1e6).toFixed(0)} ns/household`, `${((100 * cost(draw)) / cost(walk)).toFixed(0)}% of (b); the baseline draws 9 risks per journey, the default population about 40 factors and attributes`);
row(`(b') simulate (version 1), shipped 1000-day path, ${n} journeys`, ns(perV1), `${ms(v1.ms)} (cpu ${ms(v1.cpu)}); ${(perV1 / perBase).toFixed(2)}× baseline; visits equal to (b): ${JSON.stringify(v1.value.visits) === JSON.stringify(walk.value.visits)}`);

// memory: the household walk keeps counters, not households, so the heap should not grow with the cohort
function memory(cohort: number) {
  gc?.();
  const before = process.memoryUsage();
  const result = simulateHousehold(household, { cohort, seed: 2, population });
  const after = process.memoryUsage();
  return { heap: (after.heapUsed - before.heapUsed) / 2 ** 20, rss: (after.rss - before.rss) / 2 ** 20, households: result.cohort };
}
const small = memory(MEMORY_SMALL);
const large = memory(MEMORY_LARGE);
row(`(d) memory, ${MEMORY_SMALL.toLocaleString('en')} households`, `heap ${mb(small.heap)}`, `rss ${mb(small.rss)}${gc ? '' : ' (run with --expose-gc for cleaner figures)'}`);
row(`(d) memory, ${MEMORY_LARGE.toLocaleString('en')} households`, `heap ${mb(large.heap)}`, `rss ${mb(large.rss)} (flat in cohort size: within a few MB of ${MEMORY_SMALL.toLocaleString('en')})`);

// (c) one XState household actor per household, driven with the simulator's choices for its one track
const clients = generateClients(population, { n: ACTOR_HOUSEHOLDS, seed: 1 });
const plans = clients.map((client, i) => {
  const trace = traceJourney(national, client, { seed: 1, index: i });
  return {
    client,
    events: trace.transitions.map((index, k) => {
      const t = national.steps[trace.steps[k]!]!.transitions[index]!;
      return { type: eventOf(t), track: 'zorg', to: t.to };
    }),
  };
});
let sent = 0;
let accepted = 0;
const actors = time(() => {
  for (const plan of plans) {
    const journey = createHouseholdJourney(household, plan.client);
    for (const event of plan.events) {
      sent++;
      if (journey.send(event).accepted) accepted++;
    }
    journey.stop();
  }
});
const actorVisits = plans.reduce((a, p) => a + p.events.length + 1, 0);
const perActor = cost(actors) / actorVisits;
row(`(c) one XState household actor per household (${ACTOR_HOUSEHOLDS.toLocaleString('en')})`, ns(perActor), `${((cost(actors) / ACTOR_HOUSEHOLDS) * 1000).toFixed(0)} µs/household; simulateHousehold is ${(perActor / perWalk).toFixed(0)}× faster per visited step (target ≥ 100×); events accepted ${accepted}/${sent}`);

const width = Math.max(...rows.map((r) => r[0].length));
const fig = Math.max(...rows.map((r) => r[1].length));
process.stdout.write(`zorgpaden household bench${quick ? ' (quick)' : ''}: node ${process.version}, ${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(1)}\n(per-step figures use the lower of wall clock and CPU time)\n`);
for (const [what, figure, note] of rows) process.stdout.write(`${what.padEnd(width)}  ${figure.padStart(fig)}  ${note}\n`);
