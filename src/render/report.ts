import type { Diagnostic } from '../diagnostics/index.js';
import { phaseLabel, timelineToMermaid, toMermaid, type ExportLang, type SimulationOverlay } from '../export/index.js';
import { labelText, type CarePath } from '../model/index.js';
import { escapeHtml, reportPolicy, table } from './html.js';
import { mermaidBundle } from './optional.js';
import { stateDiagrams, type StateDiagramPart } from './report-diagrams.js';
import { REPORT_STYLE } from './report-style.js';
import { REPORT_WORDS, type ReportWords } from './report-words.js';

/** What goes into an HTML report. */
export interface ReportInput {
  path: CarePath;
  /** Validation findings to list (e.g. from `validatePath`). */
  diagnostics?: readonly Diagnostic[];
  /** A simulation result: adds an overlay diagram and tables (only cohort, visits, clients and transitionCounts are read). */
  simulation?: SimulationOverlay;
  lang?: ExportLang;
  /** The report's title; the path's title by default. */
  title?: string;
}

// reads each diagram's source as text (never as HTML) and lets Mermaid draw it at its natural size
// (so wide diagrams scroll instead of shrinking); fixed, so its hash is too
const BOOT_SCRIPT = `(async () => {
  const m = window.mermaid;
  const failed = document.body.dataset.failed || '';
  m.initialize({ startOnLoad: false, securityLevel: 'strict', maxTextSize: 50000000, maxEdges: 500000, state: { useMaxWidth: false }, flowchart: { useMaxWidth: false } });
  let i = 0;
  for (const figure of document.querySelectorAll('figure[data-diagram]')) {
    const source = figure.querySelector('.diagram-source').textContent;
    const output = figure.querySelector('.diagram-output');
    const button = figure.querySelector('.diagram-fit');
    try {
      const { svg } = await m.render('zpd' + i++, source);
      output.innerHTML = svg;
      figure.dataset.rendered = 'true';
      if (button && output.scrollWidth > output.clientWidth + 1) {
        button.hidden = false;
        button.addEventListener('click', () => {
          const fit = figure.classList.toggle('fit');
          button.textContent = fit ? button.dataset.natural : button.dataset.fit;
          button.setAttribute('aria-pressed', String(fit));
        });
      }
    } catch (error) {
      output.textContent = failed + ' ' + String(error && error.message || error);
      output.classList.add('diagram-error');
      figure.dataset.rendered = 'error';
    }
  }
  document.body.dataset.diagrams = 'done';
})();`;

function section(id: string, heading: string, body: string): string {
  return `<section id="${id}"><h2>${escapeHtml(heading)}</h2>\n${body}\n</section>`;
}

function figure(kind: string, source: string, w: ReportWords, phase?: string): string {
  const text = escapeHtml(source);
  const fit = `<button type="button" class="diagram-fit" hidden aria-pressed="false" data-fit="${escapeHtml(w.fit)}" data-natural="${escapeHtml(w.natural)}">${escapeHtml(w.fit)}</button>`;
  return `<figure data-diagram="${escapeHtml(kind)}"${phase ? ` data-phase="${escapeHtml(phase)}"` : ''}>${fit}<pre class="diagram-source" hidden>${text}</pre><div class="diagram-output">${escapeHtml(w.loading)}</div>
<details><summary>${escapeHtml(w.source)}</summary><pre>${text}</pre></details></figure>`;
}

function stateSection(diagrams: readonly StateDiagramPart[], w: ReportWords): string {
  if (diagrams.length === 1 && !diagrams[0]?.id) return figure(diagrams[0]!.kind, diagrams[0]!.source, w);
  const parts = diagrams.map((d) => `<section id="${escapeHtml(d.id ?? d.kind)}"><h3>${escapeHtml(d.heading ?? '')}</h3>\n${figure(d.kind, d.source, w, d.phase)}</section>`);
  return [`<p>${escapeHtml(w.bigPath)}</p>`, ...parts].join('\n');
}

function where(d: Diagnostic): string {
  const file = d.file ? `${d.file}${d.line !== undefined ? `:${d.line}:${d.column ?? 1}` : ''}` : '';
  return [file, d.pointer].filter(Boolean).join(' ');
}

function findings(diagnostics: readonly Diagnostic[], lang: ExportLang, w: ReportWords): string {
  if (diagnostics.length === 0) return `<p class="ok">${escapeHtml(w.noFindings)}</p>`;
  const rows = diagnostics.map((d) => {
    const text = lang === 'nl' ? d.nl : { message: d.message, hint: d.hint };
    return [w.severity[d.severity], d.code, text.message, where(d), text.hint ?? ''];
  });
  return table(w.headers.finding, rows, 'findings');
}

function percent(part: number, whole: number, lang: ExportLang): string {
  const text = whole > 0 ? ((part / whole) * 100).toFixed(1) : '0.0';
  return `${lang === 'nl' ? text.replace('.', ',') : text}%`;
}

function simulationTables(path: CarePath, sim: SimulationOverlay, lang: ExportLang, w: ReportWords): string {
  const label = (id: string) => (path.steps[id] ? labelText(path.steps[id].label, lang) : id);
  const stepRows = Object.entries(path.steps).map(([id, step]) => [label(id), phaseLabel(step.phase, lang), sim.visits[id] ?? 0, sim.clients[id] ?? 0, percent(sim.clients[id] ?? 0, sim.cohort, lang)]);
  const transitionRows: (string | number)[][] = [];
  for (const [id, step] of Object.entries(path.steps)) {
    step.transitions.forEach((t, i) => {
      const count = sim.transitionCounts[id]?.[i] ?? 0;
      transitionRows.push([label(id), label(t.to), count, percent(count, sim.visits[id] ?? 0, lang)]);
    });
  }
  const outcomeRows = Object.entries(path.steps)
    .filter(([, s]) => s.kind === 'outcome')
    .map(([id]) => [label(id), sim.clients[id] ?? 0, percent(sim.clients[id] ?? 0, sim.cohort, lang)]);
  return [
    `<p>${escapeHtml(w.cohort)}: <strong>${escapeHtml(String(sim.cohort))}</strong></p>`,
    `<h3>${escapeHtml(w.outcomes)}</h3>`,
    table(w.headers.outcome, outcomeRows),
    `<h3>${escapeHtml(w.steps)}</h3>`,
    table(w.headers.step, stepRows),
    `<h3>${escapeHtml(w.transitions)}</h3>`,
    table(w.headers.transition, transitionRows),
  ].join('\n');
}

function page(lang: ExportLang, title: string, w: ReportWords, body: string): string {
  const bundle = mermaidBundle();
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(reportPolicy([bundle, BOOT_SCRIPT]))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body data-failed="${escapeHtml(w.failed)}">
${body}
<script>${bundle}</script>
<script>${BOOT_SCRIPT}</script>
</body>
</html>
`;
}

/** One diagram as a self-contained, offline HTML page (Mermaid inside, the same strict policy as the report). */
export function renderDiagramHtml(mermaidText: string, options: { title?: string; lang?: ExportLang } = {}): string {
  const lang = options.lang ?? 'nl';
  const w = REPORT_WORDS[lang];
  const title = options.title ?? 'zorgpaden';
  return page(lang, title, w, `<main><h1>${escapeHtml(title)}</h1>\n${figure('diagram', mermaidText, w)}</main>`);
}

/**
 * Builds one self-contained, offline HTML report of a path: its diagrams (drawn in the reader's
 * browser by the Mermaid bundled inside), its validation findings and, when given, simulation
 * tables and an overlay. A strict Content-Security-Policy lets only the two inline scripts run.
 *
 * @example
 * writeFileSync('report.html', renderReport({ path, diagnostics: validatePath(path).diagnostics, lang: 'nl' }));
 */
export function renderReport(input: ReportInput): string {
  const lang = input.lang ?? 'nl';
  const w = REPORT_WORDS[lang];
  const { path } = input;
  const title = input.title ?? labelText(path.title, lang);
  const diagrams = stateDiagrams(path, lang, w);
  const parts: { id: string; heading: string; body: string; subsections?: { id: string; heading: string }[] }[] = [
    { id: 'state', heading: w.state, body: stateSection(diagrams, w), subsections: diagrams.filter((d) => d.id && d.heading) as { id: string; heading: string }[] },
    { id: 'flowchart', heading: w.flowchart, body: figure('flowchart', toMermaid(path, { kind: 'flowchart', groupBy: 'organisation', lang }), w) },
  ];
  if (input.simulation) {
    parts.push({ id: 'overlay', heading: w.overlay, body: figure('overlay', toMermaid(path, { kind: 'flowchart', groupBy: 'phase', lang, overlay: input.simulation, overlayMode: 'relative' }), w) });
  }
  parts.push({ id: 'timeline', heading: w.timeline, body: figure('timeline', timelineToMermaid(path, { lang }), w) });
  if (input.diagnostics) parts.push({ id: 'findings', heading: w.findings, body: findings(input.diagnostics, lang, w) });
  if (input.simulation) parts.push({ id: 'simulation', heading: w.simulation, body: simulationTables(path, input.simulation, lang, w) });

  const link = (p: { id: string; heading: string }) => `<a href="#${escapeHtml(p.id)}">${escapeHtml(p.heading)}</a>`;
  const toc = parts.map((p) => `<li>${link(p)}${p.subsections?.length ? `<ol>${p.subsections.map((q) => `<li>${link(q)}</li>`).join('')}</ol>` : ''}</li>`).join('');
  const header = `<header><h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(w.generated)} <code>${escapeHtml(path.id)}</code>, ${escapeHtml(w.version)} ${escapeHtml(path.version)}. ${escapeHtml(w.offline)}</p>
<nav aria-label="${escapeHtml(w.contents)}"><ol>${toc}</ol></nav></header>`;
  return page(lang, title, w, `${header}\n<main>\n${parts.map((p) => section(p.id, p.heading, p.body)).join('\n')}\n</main>`);
}
