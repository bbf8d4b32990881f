// Prints a fingerprint (sha256 and size) of everything a simulation run produces, computed by the
// built package with whatever Node runs this script; node-versions.test.ts compares them across Node versions.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { defaultPopulation, exactOutcomes, generateClients, simulateSync, summarize, testPaths, timelineToMermaid, toMermaid, validatePath } from 'zorgpaden';
import { safeLoadMenukaart, safeLoadPath, simulate } from 'zorgpaden/node';
import { renderReport } from 'zorgpaden/render';
import { formatJson } from 'zorgpaden/rules';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function load(loader, file) {
  const result = await loader(root + file);
  if (!result.ok) throw new Error(`${file} did not load: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  return result.value;
}

const path = await load(safeLoadPath, 'paths/national/eerste-1000-dagen.json');
const menukaart = await load(safeLoadMenukaart, 'paths/menukaart/menukaart.json');
const population = defaultPopulation();

const single = simulateSync(path, { population, cohort: 20_000, seed: 7, menukaart });
const withWorkers = await simulate(path, { population, cohort: 20_000, seed: 7, menukaart, workers: 2 });
const traced = simulateSync(path, { population, cohort: 2_000, seed: 11, traces: true });
const exact = exactOutcomes(path, generateClients(population, { n: 1, seed: 3 })[0]);

const outputs = {
  clients: JSON.stringify(generateClients(population, { n: 2_000, seed: 5 })),
  simulation: JSON.stringify(single),
  'simulation with 2 workers': JSON.stringify(withWorkers),
  traces: Buffer.concat([traced.traces.offsets, traced.traces.steps, traced.traces.days].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))),
  'exact outcomes': JSON.stringify(exact),
  'summary nl': summarize(single, { lang: 'nl' }),
  'summary en': summarize(single, { lang: 'en' }),
  validation: formatJson(validatePath(path, { menukaart }).diagnostics),
  'test paths': JSON.stringify(testPaths(path)),
  'state diagram': toMermaid(path, { kind: 'state' }),
  'flowchart with overlay': toMermaid(path, { kind: 'flowchart', overlay: single, overlayMode: 'relative' }),
  timeline: timelineToMermaid(path),
  report: renderReport({ path, diagnostics: [], simulation: single, lang: 'nl' }),
};

const fingerprint = {};
for (const [name, value] of Object.entries(outputs)) {
  fingerprint[name] = { sha256: createHash('sha256').update(value).digest('hex'), bytes: Buffer.byteLength(value) };
}
process.stdout.write(JSON.stringify({ node: process.version, fingerprint }, null, 2) + '\n');
