/*
 * Validation time on generated paths of 1,000, 10,000 and 100,000 steps (target: 10,000 steps in
 * under 100 ms, growing linearly). Run: npx tsx bench/validate.ts
 */
import { performance } from 'node:perf_hooks';
import { CarePathSchema, type CarePath } from '../src/model/index.js';
import { validatePath } from '../src/validate/index.js';

const RISKS = ['debts', 'violence', 'housing', 'stress'];
const ACTORS = ['verloskundige', 'jgz', 'wijkteam', 'kraamzorg'];

// a xorshift generator, so every run validates the same paths
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/** A path of `n` steps flowing forward in time: screenings, support, handoffs, windows and outcomes. */
export function generatePath(n: number, seed = 1): CarePath {
  const next = random(seed);
  const steps: Record<string, unknown> = {};
  const outcomes = Math.max(2, Math.floor(n / 100));
  for (let i = 0; i < n; i++) {
    const day = -266 + Math.floor((i / n) * 990);
    const id = `s${i}`;
    if (i >= n - outcomes) {
      steps[id] = { kind: 'outcome', phase: 'postpartum', label: { nl: id } };
      continue;
    }
    const risk = RISKS[i % RISKS.length]!;
    const kind = i % 7 === 0 ? 'screening' : i % 5 === 0 ? 'intervention' : 'contact';
    const transitions = [];
    // the last step before the outcomes leads to each of them, so every outcome is reachable
    if (i === n - outcomes - 1) for (let o = n - outcomes; o < n; o++) transitions.push({ to: `s${o}` });
    const fanout = 1 + Math.floor(next() * 3);
    for (let k = 0; k < fanout; k++) {
      // the first transition goes to the next step, so every step is reachable
      const to = k === 0 ? i + 1 : Math.min(n - 1, i + 1 + Math.floor(next() * 20));
      const crosses = to % ACTORS.length !== i % ACTORS.length;
      transitions.push({
        to: `s${to}`,
        ...(k === 1 ? { when: { hasRisk: risk } } : {}),
        ...(crosses ? { handoff: 'warm' as const } : {}),
        ...(k === 2 ? { weight: 0.5, source: 'bench' } : {}),
        ...(next() < 0.2 ? { after: 1 + Math.floor(next() * 3) } : {}),
      });
    }
    steps[id] = {
      kind,
      phase: day < 0 ? 'pregnancy' : 'postpartum',
      actor: ACTORS[i % ACTORS.length],
      label: { nl: id },
      ...(i % 3 === 0 ? { window: { from: { day }, to: { day: day + 400 } } } : {}),
      ...(kind === 'screening' ? { signals: [risk] } : {}),
      ...(kind === 'intervention' ? { addresses: RISKS } : {}),
      transitions,
    };
  }
  const actors = Object.fromEntries(ACTORS.map((a) => [a, { label: { nl: a }, domain: a === 'wijkteam' ? 'social' : 'medical', contact: 'desk' }]));
  return CarePathSchema.parse({ schemaVersion: 1, id: 'bench', version: '1.0.0', title: { nl: 'Bench' }, actors, initial: 's0', steps });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

// warm the JIT on a mid-size path first, so the first row does not pay for compilation
const warm = generatePath(2_000, 7);
for (const until = performance.now() + 1_500; performance.now() < until; ) validatePath(warm);

// CPU time next to wall time: on a busy machine the wall clock also counts other processes
const rows: { steps: number; transitions: number; medianMs: number; medianCpuMs: number; diagnostics: number }[] = [];
for (const n of [1_000, 10_000, 100_000]) {
  const path = generatePath(n);
  const runs = n >= 100_000 ? 7 : n >= 10_000 ? 21 : 51;
  const times: number[] = [];
  const cpu: number[] = [];
  let diagnostics = 0;
  validatePath(path); // warm-up
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    diagnostics = validatePath(path).diagnostics.length;
    const used = process.cpuUsage(startCpu);
    times.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  const transitions = Object.values(path.steps).reduce((sum, s) => sum + s.transitions.length, 0);
  rows.push({ steps: n, transitions, medianMs: Math.round(median(times) * 10) / 10, medianCpuMs: Math.round(median(cpu) * 10) / 10, diagnostics });
}
console.table(rows);
console.log(`ms per 1,000 steps (wall): ${rows.map((r) => ((r.medianMs / r.steps) * 1000).toFixed(2)).join(' / ')}`);
