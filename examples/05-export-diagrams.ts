/*
 * 05 — Export diagrams as Mermaid text, and write the HTML report.
 * The core package turns a path into Mermaid text (no browser needed): a state diagram, a
 * flowchart with organisations as lanes, a timeline of the time windows, and the sequence diagram
 * of a persona's klantroute. The optional entry 'zorgpaden/render' builds one self-contained HTML
 * report (it needs `npm install mermaid`). Run: node --import tsx examples/05-export-diagrams.ts
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { routeToMermaid, simulate, timelineToMermaid, toMermaid, validatePath } from 'zorgpaden';
import { loadPath, loadRoute } from 'zorgpaden/node';

// the content shipped in the package, found wherever zorgpaden is installed
const shipped = (file: string) => fileURLToPath(import.meta.resolve(`zorgpaden/paths/${file}`));

const path = await loadPath(shipped('national/zwangerschap.json'));
const out = mkdtempSync(join(tmpdir(), 'zorgpaden-diagrams-'));
const diagrams = {
  'zwangerschap.state.mmd': toMermaid(path),
  'zwangerschap.lanes.mmd': toMermaid(path, { kind: 'flowchart', groupBy: 'organisation', lang: 'en' }),
  'zwangerschap.timeline.mmd': timelineToMermaid(path),
  // a klantroute is drawn on the path it follows: Sanne's route follows the 1000-day path
  'sanne.sequence.mmd': routeToMermaid(await loadRoute(shipped('routes/sanne.json')), await loadPath(shipped('national/eerste-1000-dagen.json')), { kind: 'sequence' }),
};
for (const [name, text] of Object.entries(diagrams)) {
  writeFileSync(join(out, name), text);
  // after the front matter (---…---) comes the diagram type: stateDiagram-v2, flowchart, gantt, …
  const type = text.split('---\n')[2]?.split('\n')[0];
  console.log(`${name}: ${type}, ${text.split('\n').length} lines`);
}

// the HTML report: diagrams drawn in the reader's browser, findings and a simulation overlay
try {
  const { renderReport } = await import('zorgpaden/render');
  const simulation = await simulate(path, { cohort: 2_000, seed: 1 });
  const html = renderReport({ path, diagnostics: validatePath(path).diagnostics, simulation, lang: 'en' });
  writeFileSync(join(out, 'report.html'), html);
  console.log(`report.html: ${Math.round(html.length / 1024)} kB, self-contained: ${!/<script[^>]+src=/.test(html)}`);
} catch (error) {
  console.log(`no HTML report: ${(error as Error).message}`);
}
console.log(`written to ${out}`);
