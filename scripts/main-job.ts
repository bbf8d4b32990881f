/**
 * The main job (`npm start`): validates the shipped 1000-day path, simulates a national cohort
 * with the default population, simulates the household path (format version 2) and prints what
 * became of each risk, and writes the HTML report and the Mermaid files to an output folder.
 * Usage: npm start [-- --out <folder>] [--cohort <n>] [--seed <n>] [--lang nl|en]
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  defaultPopulation,
  formatDiagnostics,
  routeToMermaid,
  summarize,
  timelineToMermaid,
  toMermaid,
  validatePath,
  type Diagnostic,
} from '../src/index.js';
import { safeLoadHouseholdPath, safeLoadMenukaart, safeLoadPath, safeLoadRoute, simulate } from '../src/node/index.js';
import { simulateHousehold, validateHouseholdPath } from '../src/household.js';
import { risksOfHousehold } from '../src/simulate/household-risks.js';
import { monitorIndicators } from '../src/analysis.js';
import { renderReport } from '../src/render/index.js';
import { writeOutputFile } from '../src/cli/context.js';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'out/kansrijke-start' },
    cohort: { type: 'string', default: '170000' },
    seed: { type: 'string', default: '1' },
    lang: { type: 'string', default: 'nl' },
  },
});
const lang = values.lang === 'en' ? 'en' : 'nl';
const cohort = Number(values.cohort);
const seed = Number(values.seed);
const outDir = resolve(values.out!);
const PATH_FILE = 'paths/national/eerste-1000-dagen.json';
const HOUSEHOLD_FILE = 'paths/households/huishouden-1000-dagen.json';
const MENUKAART_FILE = 'paths/menukaart/menukaart.json';

function fail(what: string, diagnostics: Diagnostic[]): never {
  console.error(`${what}:\n${formatDiagnostics(diagnostics, 'text', { lang })}`);
  process.exit(1);
}

const loaded = await safeLoadPath(PATH_FILE);
if (!loaded.ok) fail(`Cannot load ${PATH_FILE}`, loaded.diagnostics);
const menukaart = await safeLoadMenukaart(MENUKAART_FILE);
if (!menukaart.ok) fail(`Cannot load ${MENUKAART_FILE}`, menukaart.diagnostics);
const path = loaded.value;

const validation = validatePath(path, { menukaart: menukaart.value });
const started = performance.now();
const simulation = await simulate(path, { population: defaultPopulation(), cohort, seed, menukaart: menukaart.value });
const simulatedMs = performance.now() - started;

mkdirSync(outDir, { recursive: true });
const written: string[] = [];
const write = (name: string, text: string) => {
  writeOutputFile(join(outDir, name), text);
  written.push(name);
};

write('zorgpad.state.mmd', toMermaid(path, { kind: 'state', lang }));
write('zorgpad.flowchart.mmd', toMermaid(path, { kind: 'flowchart', lang, groupBy: 'phase' }));
write('zorgpad.overlay.mmd', toMermaid(path, { kind: 'flowchart', lang, overlay: simulation, overlayMode: 'relative' }));
write('tijdlijn.gantt.mmd', timelineToMermaid(path, { lang }));
for (const file of readdirSync('paths/routes').filter((f) => f.endsWith('.json')).sort()) {
  const route = await safeLoadRoute(join('paths/routes', file));
  if (!route.ok || !route.value.path.endsWith('eerste-1000-dagen.json')) continue;
  write(`route-${file.replace(/\.json$/, '')}.sequence.mmd`, routeToMermaid(route.value, path, { kind: 'sequence', lang }));
}
write('simulatie.json', JSON.stringify(simulation, null, 2) + '\n');
const monitor = monitorIndicators(path, simulation, { seed, population: defaultPopulation() });
write('monitor.json', JSON.stringify(monitor, null, 2) + '\n');
write('validatie.txt', formatDiagnostics(validation.diagnostics, 'text', { lang }) + '\n');
write('rapport.html', renderReport({ path, diagnostics: validation.diagnostics, simulation, lang }));

const count = (severity: string) => validation.diagnostics.filter((d) => d.severity === severity).length;
console.log(`${path.title[lang] ?? path.title.nl} (${path.id} ${path.version}): ${Object.keys(path.steps).length} ${lang === 'nl' ? 'stappen' : 'steps'}`);
console.log(lang === 'nl' ? `validatie: ${count('error')} fouten, ${count('warning')} waarschuwingen, ${count('info')} opmerkingen` : `validation: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} notes`);
console.log(lang === 'nl' ? `${cohort.toLocaleString('nl')} routes gesimuleerd (seed ${seed}) in ${Math.round(simulatedMs)} ms` : `simulated ${cohort.toLocaleString('en')} journeys (seed ${seed}) in ${Math.round(simulatedMs)} ms`);
console.log(summarize(simulation, { lang, names: { steps: path.steps, risks: { ...defaultPopulation().risks, ...path.risks } } }));
const percent = (share: number | null) => (share === null ? '–' : `${(share * 100).toFixed(1).replace('.', lang === 'nl' ? ',' : '.')}%`);
console.log(lang === 'nl' ? '\nIndicatoren van de RIVM-monitor (uitkomst van dit scenario, geen schatting van de monitor):' : '\nRIVM monitor indicators (outcome of this scenario, not an estimate of the monitor):');
for (const i of monitor.indicators) console.log(`  ${i.label[lang] ?? i.label.nl}: ${percent(i.value)} (${i.numerator.toLocaleString(lang)} / ${i.denominator.toLocaleString(lang)})`);
const { big2, tolerance } = monitor.births.reference;
console.log(
  lang === 'nl'
    ? `  Big2 landelijk ${percent(big2)} ± ${percent(tolerance)}: ${monitor.births.reference.withinTolerance ? 'binnen' : 'buiten'} de marge; eenlingen ${percent(monitor.births.singletons.shares.big2)}, meerlingen ${percent(monitor.births.multiples.shares.big2)}`
    : `  Big2 national ${percent(big2)} ± ${percent(tolerance)}: ${monitor.births.reference.withinTolerance ? 'within' : 'outside'} the tolerance; singletons ${percent(monitor.births.singletons.shares.big2)}, multiples ${percent(monitor.births.multiples.shares.big2)}`,
);
// the household path (format version 2): concurrent tracks, and what became of each risk
const household = await safeLoadHouseholdPath(HOUSEHOLD_FILE);
if (!household.ok) fail(`Cannot load ${HOUSEHOLD_FILE}`, household.diagnostics);
const householdValidation = validateHouseholdPath(household.value, { menukaart: menukaart.value });
if (!householdValidation.ok) fail(`${HOUSEHOLD_FILE} does not validate`, householdValidation.diagnostics);
const households = simulateHousehold(household.value, { population: defaultPopulation(), cohort, seed, menukaart: menukaart.value });
write('huishouden.json', JSON.stringify(households, null, 2) + '\n');
const riskLabel = (risk: string) => {
  const label = household.value.risks?.[risk]?.label ?? defaultPopulation().risks[risk]?.label;
  return label ? (label[lang] ?? label.nl) : risk;
};
console.log(
  lang === 'nl'
    ? `\n${household.value.title.nl} (${HOUSEHOLD_FILE}): ${households.births.children.toLocaleString(lang)} kinderen in ${cohort.toLocaleString(lang)} huishoudens; per risico: aanwezig, nooit gesignaleerd (gemist), gesignaleerd zonder vervolg`
    : `\n${household.value.title.en ?? household.value.title.nl} (${HOUSEHOLD_FILE}): ${households.births.children.toLocaleString(lang)} children in ${cohort.toLocaleString(lang)} households; per risk: present, never signalled (missed), signalled without follow-up`,
);
// the risks the household path is about, as its report and `simulate` list them: a population
// risk the path never names would only show as missed
const pathRisks = new Set(risksOfHousehold(household.value, menukaart.value));
for (const [risk, r] of Object.entries(households.risks)) {
  if (!pathRisks.has(risk) || r.present === 0) continue;
  console.log(`  ${riskLabel(risk)}: ${r.present.toLocaleString(lang)}, ${r.neverSignalled.toLocaleString(lang)} (${percent(r.neverSignalled / r.present)}), ${r.signalledNotAddressed.toLocaleString(lang)} (${percent(r.signalledNotAddressed / r.present)})`);
}
console.log(`\n${lang === 'nl' ? 'geschreven naar' : 'written to'} ${relative(process.cwd(), outDir) || '.'}/:`);
for (const name of written) console.log(`  ${name}`);
console.log(lang === 'nl' ? `open ${relative(process.cwd(), join(outDir, 'rapport.html'))} in een browser om het rapport te lezen` : `open ${relative(process.cwd(), join(outDir, 'rapport.html'))} in a browser to read the report`);
if (!validation.ok) process.exitCode = 1;
