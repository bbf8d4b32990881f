// Edit and diff speed on generated paths of 1,000 and 10,000 steps.
// Run with `npx tsx bench/edit.ts`. Prints the median of several runs, in milliseconds.
// Every edit re-checks the whole path, so the re-check row bounds what an edit can cost.
import { performance } from 'node:perf_hooks';
import { diffPaths, editPath, removeStep, renameStep, summarizeDiff } from '../src/edit/index.js';
import { CarePathSchema, safeParseCarePathData, type CarePath } from '../src/model/index.js';

function generatePath(steps: number): CarePath {
  const ids = Array.from({ length: steps }, (_, i) => `stap-${i}`);
  return CarePathSchema.parse({
    schemaVersion: 1,
    id: 'bench/generated',
    version: '1.0.0',
    title: { nl: 'Gegenereerd pad' },
    actors: { jgz: { label: { nl: 'JGZ' }, domain: 'medical' } },
    initial: ids[0],
    steps: Object.fromEntries(
      ids.map((id, i) => [
        id,
        i === steps - 1
          ? { kind: 'outcome', phase: 'postpartum', label: { nl: 'Einde' } }
          : {
              kind: 'contact',
              phase: 'pregnancy',
              actor: 'jgz',
              label: { nl: `Stap ${i}` },
              window: { from: { gw: 6 }, to: { gw: 40 } },
              transitions: [{ to: ids[i + 1] }, ...(i + 2 < steps ? [{ to: ids[i + 2], on: 'RISK_SIGNALLED', when: { hasRisk: 'debts' } }] : [])],
            },
      ]),
    ),
  });
}

function median(run: () => unknown, times = 7): number {
  const values: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    values.push(performance.now() - start);
  }
  return values.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

const rows: [string, number, number][] = [];
for (const size of [1_000, 10_000]) {
  const path = generatePath(size);
  const middle = `stap-${Math.floor(size / 2)}`;
  const relabelled = editPath(path, (d) => void (d.steps[middle]!.label.nl = 'Anders')).path;
  const measure = (name: string, run: () => unknown) => rows.push([name, size, median(run)]);
  const copy = structuredClone(relabelled);
  measure('the re-check alone (safeParseCarePathData)', () => safeParseCarePathData(path));
  measure('editPath (one label, with re-check)', () => editPath(path, (d) => void (d.steps[middle]!.label.nl = 'Anders')));
  measure('renameStep (middle step)', () => renameStep(path, middle, 'hernoemd'));
  measure('removeStep with retarget', () => removeStep(path, middle, { retarget: 'stap-0' }));
  measure('diffPaths (one label changed)', () => diffPaths(path, relabelled));
  measure('diffPaths (one label, no shared objects)', () => diffPaths(path, copy));
  measure('diffPaths + summarizeDiff (path vs itself)', () => summarizeDiff(diffPaths(path, path)));
}

console.log('| operation | steps | median ms |');
console.log('|---|---:|---:|');
for (const [name, size, ms] of rows) console.log(`| ${name} | ${size} | ${ms.toFixed(1)} |`);
