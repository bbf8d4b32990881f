/* Figures for the machine layer and coverage: run with `npx tsx bench/machine.ts`. */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadPath, loadRoute } from '../src/node/index.js';
import { createJourney, toMachine } from '../src/machine/index.js';
import { checkRoute, coverage, testPaths } from '../src/simulate/coverage/index.js';

const root = fileURLToPath(new URL('../paths/', import.meta.url));

function time<T>(fn: () => T, repeat = 1): { ms: number; value: T } {
  let value!: T;
  const start = performance.now();
  for (let i = 0; i < repeat; i++) value = fn();
  return { ms: (performance.now() - start) / repeat, value };
}

const rows: string[][] = [['path', 'steps', 'transitions', 'compile ms', 'test paths', 'search ms', 'drive ms', 'events/s', 'transition coverage']];
for (const file of readdirSync(`${root}national`).filter((f) => f.endsWith('.json'))) {
  const path = await loadPath(`${root}national/${file}`);
  const transitions = Object.values(path.steps).reduce((n, s) => n + s.transitions.length, 0);
  const compile = time(() => toMachine(path), 20);
  const search = time(() => testPaths(path, { strategy: 'transitions' }));
  let events = 0;
  const drive = time(() =>
    search.value.map((tp) => {
      const journey = createJourney(path, tp.client, { machine: compile.value });
      for (const event of tp.events) journey.send(event);
      events += tp.events.length;
      return journey;
    }),
  );
  const report = coverage(path, drive.value);
  rows.push([file, String(Object.keys(path.steps).length), String(transitions), compile.ms.toFixed(2), String(search.value.length), search.ms.toFixed(0), drive.ms.toFixed(0), Math.round(events / (drive.ms / 1000)).toLocaleString('en'), `${(report.transitions.ratio * 100).toFixed(1)}%`]);
}

const whole = await loadPath(`${root}national/eerste-1000-dagen.json`);
const machine = toMachine(whole);
const journey = createJourney(whole, { risks: ['debts'] }, { machine });
while (!journey.done && journey.available().length > 0) journey.send({ type: journey.available()[0]!.event });
const persisted = time(() => JSON.stringify(journey.persist()), 200);
const restored = time(() => createJourney(whole, undefined, { snapshot: JSON.parse(persisted.value), machine }), 200);
const routes = readdirSync(`${root}routes`).filter((f) => f.endsWith('.json'));
const loadedRoutes = await Promise.all(routes.map((f) => loadRoute(`${root}routes/${f}`)));
const fit = time(() => loadedRoutes.map((r) => checkRoute(whole, r)), 20);

const width = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const row of rows) console.log(row.map((c, i) => c.padEnd(width[i]!)).join('  '));
console.log(`\npersist (1000-day journey, ${journey.history.length} steps): ${persisted.ms.toFixed(3)} ms; restore: ${restored.ms.toFixed(3)} ms; JSON ${persisted.value.length} bytes`);
console.log(`checkRoute, ${routes.length} persona routes on the 1000-day path: ${fit.ms.toFixed(1)} ms for all`);
