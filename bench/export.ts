/*
 * Export time for generated paths of 1,000, 10,000 and 100,000 steps (target: 10,000 steps well
 * under 100 ms). Labels carry diacritics and Mermaid syntax, so escaping is measured too.
 * Run: npx tsx bench/export.ts
 */
import { performance } from 'node:perf_hooks';
import { timelineToMermaid, toMermaid } from '../src/export/index.js';
import { CarePathSchema, type CarePath } from '../src/model/index.js';

const ACTORS = ['verloskundige', 'jgz', 'wijkteam', 'kraamzorg', 'buurtmoeder'];
const DOMAINS = ['medical', 'medical', 'social', 'medical', 'informal'];

/** A path of `n` steps flowing forward in time, with conditions, handoffs, delays and windows. */
function generatePath(n: number): CarePath {
  const steps: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    const day = -266 + Math.floor((i / n) * 990);
    if (i >= n - 2) {
      steps[`s${i}`] = { kind: 'outcome', phase: 'postpartum', label: { nl: `Uitkomst ${i}`, en: `Outcome ${i}` } };
      continue;
    }
    const transitions: unknown[] = [{ to: `s${i + 1}` }];
    if (i % 3 === 0) transitions.push({ to: `s${Math.min(n - 1, i + 7)}`, on: 'RISK_SIGNALLED', when: { all: [{ hasRisk: 'schulden' }, { attr: 'age', lt: 20 }] }, handoff: 'warm' });
    if (i % 5 === 0) transitions.push({ to: `s${Math.min(n - 1, i + 13)}`, handoff: 'cold', after: 7, label: { nl: 'Verwijzing "koud" → wijkteam; #2', en: 'Referral' } });
    steps[`s${i}`] = {
      kind: i % 7 === 0 ? 'screening' : 'contact',
      phase: day < 0 ? 'pregnancy' : 'postpartum',
      actor: ACTORS[i % ACTORS.length],
      label: { nl: `Stap ${i}: signalering psychosociale risico's (één) [${i % 10}]`, en: `Step ${i}` },
      ...(i % 2 === 0 ? { window: { from: { day }, to: { day: day + 30 } } } : {}),
      transitions,
    };
  }
  const actors = Object.fromEntries(ACTORS.map((a, i) => [a, { label: { nl: a }, domain: DOMAINS[i], organisation: `Organisatie ${i % 3}` }]));
  return CarePathSchema.parse({ schemaVersion: 1, id: 'bench', version: '1.0.0', title: { nl: 'Bench' }, actors, initial: 's0', steps });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure(run: () => string, runs: number): { wall: number; cpu: number; best: number; chars: number } {
  let chars = run().length; // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    chars = run().length;
    const used = process.cpuUsage(startCpu);
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: Math.round(median(wall) * 10) / 10, cpu: Math.round(median(cpu) * 10) / 10, best: Math.round(Math.min(...cpu) * 10) / 10, chars };
}

// CPU time next to wall time: on a busy machine the wall clock also counts other processes
const rows: Record<string, string | number>[] = [];
for (const n of [1_000, 10_000, 100_000]) {
  const path = generatePath(n);
  const transitions = Object.values(path.steps).reduce((sum, s) => sum + s.transitions.length, 0);
  const runs = n >= 100_000 ? 5 : 15;
  const cases: [string, () => string][] = [
    ['state', () => toMermaid(path)],
    ['flowchart (organisation lanes)', () => toMermaid(path, { kind: 'flowchart', groupBy: 'organisation', lang: 'en' })],
    ['flowchart, pregnancy folded', () => toMermaid(path, { kind: 'flowchart', collapse: { phases: ['pregnancy'] } })],
    ['gantt timeline', () => timelineToMermaid(path)],
  ];
  for (const [kind, run] of cases) {
    const { wall, cpu, best, chars } = measure(run, runs);
    rows.push({ steps: n, transitions, diagram: kind, medianMs: wall, medianCpuMs: cpu, bestCpuMs: best, kChars: Math.round(chars / 1000) });
  }
}
console.table(rows);
