// Loading speed: generated paths of 10,000 and 100,000 steps as JSON (and YAML for the smaller one).
// Run with `npx tsx bench/load.ts`. Prints the median of several runs.
import { performance } from 'node:perf_hooks';
import { stringify } from 'yaml';
import { readSource, safeParsePath } from '../src/load/index.js';

function generatePath(steps: number): object {
  const ids = Array.from({ length: steps }, (_, i) => `stap-${i}`);
  return {
    schemaVersion: 1,
    id: 'bench/generated',
    version: '1.0.0',
    title: { nl: 'Gegenereerd pad', en: 'Generated path' },
    actors: { jgz: { label: { nl: 'JGZ' }, domain: 'medical' }, wijkteam: { label: { nl: 'Wijkteam' }, domain: 'social' } },
    initial: ids[0],
    steps: Object.fromEntries(
      ids.map((id, i) => [
        id,
        i === steps - 1
          ? { kind: 'outcome', phase: 'postpartum', label: { nl: 'Einde', en: 'End' } }
          : {
              kind: i % 7 === 3 ? 'screening' : 'contact',
              phase: 'pregnancy',
              actor: i % 2 === 0 ? 'jgz' : 'wijkteam',
              label: { nl: `Stap ${i}`, en: `Step ${i}` },
              window: { from: { gw: 6 }, to: { gw: 40 } },
              transitions: [
                { to: ids[i + 1], weight: 0.8 },
                ...(i + 2 < steps ? [{ to: ids[i + 2], on: 'RISK_SIGNALLED', when: { hasRisk: 'financial-stress' }, handoff: 'warm' }] : []),
              ],
            },
      ]),
    ),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median wall-clock and CPU milliseconds of `runs` runs after one warm-up (CPU time is steadier on a busy machine). */
function time(runs: number, work: () => void): string[] {
  work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    work();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  return [median(wall).toFixed(0), median(cpu).toFixed(0)];
}

const rows: string[][] = [];
for (const [steps, runs] of [
  [10_000, 7],
  [100_000, 3],
] as const) {
  const path = generatePath(steps);
  const json = JSON.stringify(path, null, 2);
  const limits = { maxFileBytes: 256 * 1024 * 1024 };
  const check = safeParsePath(json, { filename: 'bench.json', limits });
  if (!check.ok) throw new Error('generated path did not load: ' + JSON.stringify(check.diagnostics.slice(0, 3)));
  const mb = (json.length / 1024 / 1024).toFixed(1);
  rows.push([`${steps} steps, JSON (${mb} MB)`, 'read (no schema)', ...time(runs, () => readSource(json, { filename: 'bench.json', limits }))]);
  rows.push([`${steps} steps, JSON (${mb} MB)`, 'safeParsePath (read + schema + references)', ...time(runs, () => safeParsePath(json, { filename: 'bench.json', limits }))]);
  rows.push([`${steps} steps, JSON (${mb} MB)`, 'JSON.parse alone, for scale', ...time(runs, () => JSON.parse(json))]);
  if (steps === 10_000) {
    const yaml = stringify(path);
    rows.push([`${steps} steps, YAML (${(yaml.length / 1024 / 1024).toFixed(1)} MB)`, 'safeParsePath', ...time(3, () => safeParsePath(yaml, { filename: 'bench.yaml', limits }))]);
  }

  // a located diagnostic makes the loader work out positions: time that too
  const broken = json.replace(`"to": "stap-${steps - 1}"`, '"to": "nergens"');
  rows.push([`${steps} steps, JSON (${mb} MB)`, 'safeParsePath, one error located', ...time(runs, () => safeParsePath(broken, { filename: 'bench.json', limits }))]);
}

const header = ['input', 'what', 'wall ms', 'cpu ms'];
const widths = header.map((_, c) => Math.max(...[header, ...rows].map((r) => r[c]!.length)));
const line = (r: string[]) => r.map((cell, c) => (c >= 2 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ');
console.log(line(header));
for (const row of rows) console.log(line(row));
