import { isAbsolute, relative, sep } from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { edgeNotes, phaseLabel, timelineToMermaid, toMermaid, type ExportLang, type ToMermaidOptions } from '../export/index.js';
import { labelText, type CarePath, type Coalition, type Phase } from '../model/index.js';
import { formatDate } from './format.js';
import { escapeHtml, reportPolicy } from './html.js';
import { mermaidBundle } from './optional.js';
import { overviewDiagram, stateDiagrams, type StateDiagramPart } from './report-diagrams.js';
import { riskSection } from './report-risks.js';
import { REPORT_STYLE } from './report-style.js';
import { comparisonSection, type ReportComparison } from './report-compare.js';
import type { SummaryNames } from '../simulate/summary-names.js';
import { calibrationSection, type ReportCalibration } from './report-targets.js';
import { choiceTables, identityLines, inWords, notOffered, summaryTables, timeToSupportText, topFindings, intervalOf, type NamedPath, type ReportSimulation } from './report-summary.js';
import { tableHtml, type ReportTable } from './report-table.js';
import { REPORT_WORDS, type ReportWords } from './report-words.js';

/** What goes into an HTML report. */
export interface ReportInput {
  path: CarePath;
  /** Validation findings to list (e.g. from `validatePath`). */
  diagnostics?: readonly Diagnostic[];
  /**
   * A simulation result: adds the key figures of the summary, an overlay diagram and tables. Only
   * cohort, visits, clients and transitionCounts are required; every other figure of `simulate`'s
   * result is shown when present.
   */
  simulation?: ReportSimulation;
  lang?: ExportLang;
  /** The report's title; the coalition's title, else the path's title by default. */
  title?: string;
  /** The coalition applied to the path (its document): names it in the title and lists its choices. */
  coalition?: Coalition;
  /** The report's date; today by default. */
  date?: Date;
  /** Labels for keys the path does not label itself, such as the population's risks (a path or population fits as it is). */
  names?: SummaryNames;
  /** Differences from another scenario simulated on the same households: a section after the summary. */
  comparison?: ReportComparison;
  /** Targets observed in the simulation against their published values: a section after the summary. */
  calibration?: ReportCalibration;
  /** Findings name their files relative to this folder (the user's working folder); absolute paths are shown as given otherwise. */
  baseDir?: string;
}

// reads each diagram's source as text (never as HTML) and lets Mermaid draw it; a diagram larger
// than its box opens fitted to it (the whole drawing on one screen), an overview is fitted to the
// screen at a readable scale; every other diagram can be zoomed and dragged; fixed, so its hash is too
const BOOT_SCRIPT = `(async () => {
  const m = window.mermaid;
  const failed = document.body.dataset.failed || '';
  m.initialize({ startOnLoad: false, securityLevel: 'strict', maxTextSize: 50000000, maxEdges: 500000, state: { useMaxWidth: false }, flowchart: { useMaxWidth: false } });
  // printable width of an A4 page with 12 mm margins, in CSS px; below 7 pt a label is not legible
  const PRINT_WIDTH = 186 / 25.4 * 96, MIN_PRINT_SCALE = 7 / 12;
  // dagre may put the labels of parallel or crossing edges on top of one another: move each
  // label that overlaps an earlier one down (in the SVG's own units) until none overlap
  const separateLabels = (el) => {
    const scale = el.getBoundingClientRect().width / (el.viewBox.baseVal.width || el.getBoundingClientRect().width || 1);
    const labels = [...el.querySelectorAll('g.edgeLabel')].filter((g) => g.textContent.trim() && g.getBoundingClientRect().width > 0);
    for (let pass = 0; pass < 8; pass++) {
      let moved = false;
      const boxes = labels.map((g) => [g, g.getBoundingClientRect()]).sort((a, b) => a[1].top - b[1].top || a[1].left - b[1].left);
      for (let a = 0; a < boxes.length; a++) {
        for (let b = a + 1; b < boxes.length; b++) {
          const r = boxes[a][1], q = boxes[b][1];
          const w = Math.min(r.right, q.right) - Math.max(r.left, q.left);
          const h = Math.min(r.bottom, q.bottom) - Math.max(r.top, q.top);
          if (w > 0.5 && h > 0.5) {
            const g = boxes[b][0];
            g.setAttribute('transform', (g.getAttribute('transform') || '') + ' translate(0,' + ((r.bottom - q.top + 2) / scale) + ')');
            boxes[b][1] = g.getBoundingClientRect();
            moved = true;
          }
        }
      }
      if (!moved) break;
    }
  };
  let i = 0;
  for (const figure of document.querySelectorAll('figure[data-diagram]')) {
    const source = figure.querySelector('.diagram-source').textContent;
    const output = figure.querySelector('.diagram-output');
    const button = figure.querySelector('.diagram-fit');
    // the box the diagram is shown in, measured before the drawing fills it: its width, and the
    // height of the window part it may take (its max-height)
    const boxWidth = output.clientWidth;
    const boxHeight = parseFloat(getComputedStyle(output).maxHeight) || window.innerHeight * 0.85;
    try {
      const { svg } = await m.render('zpd' + i++, source);
      output.innerHTML = svg;
      figure.dataset.rendered = 'true';
      const el = output.querySelector('svg');
      separateLabels(el);
      const box = el.viewBox.baseVal;
      const natural = box && box.width ? box.width : el.getBoundingClientRect().width;
      const naturalHeight = box && box.height ? box.height : el.getBoundingClientRect().height;
      if (natural * MIN_PRINT_SCALE > PRINT_WIDTH) figure.dataset.print = 'too-large';
      if (figure.dataset.fit === 'screen') {
        const scale = Math.min(1.6, output.clientWidth / natural, (window.innerHeight - 150) / naturalHeight);
        el.style.width = (natural * scale) + 'px';
        el.style.height = (naturalHeight * scale) + 'px';
        continue;
      }
      // a diagram larger than its box opens whole, shrunk to fit the box (on a beamer too); the
      // button switches to its natural size and back, a click in the fitted diagram shows that
      // spot at natural size, the zoom buttons and dragging work from either
      // a diagram fitted to the width (one track of a household) keeps its labels readable and
      // grows downwards with the page instead of shrinking to the window's height
      const fitScale = figure.dataset.fit === 'width' ? Math.min(1, boxWidth / natural) : Math.min(1, boxWidth / natural, boxHeight / naturalHeight);
      let zoom = 1;
      const size = (z) => {
        zoom = Math.max(Math.min(0.1, fitScale), Math.min(4, z));
        el.style.width = (natural * zoom) + 'px';
        el.style.height = (naturalHeight * zoom) + 'px';
        const fitted = zoom === fitScale && fitScale < 1;
        figure.classList.toggle('fit', fitted);
        if (button) { button.textContent = fitted ? button.dataset.natural : button.dataset.fit; button.setAttribute('aria-pressed', String(fitted)); }
      };
      // at natural size, show the spot at (x, y) of the drawing, as fractions of its size, in the middle of the box
      const showAt = (x, y) => {
        size(1);
        output.scrollTo(x * natural - output.clientWidth / 2, y * naturalHeight - output.clientHeight / 2);
      };
      // at natural size, open where the drawing starts (the topmost node, centred), not on an empty corner
      const openAtStart = () => {
        size(1);
        const frame = output.getBoundingClientRect();
        const first = [...el.querySelectorAll('g.node')].map((n) => n.getBoundingClientRect()).filter((r) => r.width > 0).sort((a, b) => a.top - b.top || a.left - b.left)[0];
        if (first) output.scrollTo(output.scrollLeft + first.left - frame.left + first.width / 2 - output.clientWidth / 2, output.scrollTop + first.top - frame.top - 16);
      };
      for (const b of figure.querySelectorAll('.diagram-zoom')) {
        b.hidden = false;
        b.addEventListener('click', () => size(zoom * Number(b.dataset.factor)));
      }
      let drag = null;
      output.addEventListener('pointerdown', (e) => { drag = { x: e.clientX, y: e.clientY, startX: e.clientX, startY: e.clientY }; });
      output.addEventListener('pointermove', (e) => {
        if (!drag) return;
        output.scrollBy(drag.x - e.clientX, drag.y - e.clientY);
        drag.x = e.clientX; drag.y = e.clientY;
      });
      output.addEventListener('pointerup', (e) => {
        if (drag && Math.abs(drag.startX - e.clientX) + Math.abs(drag.startY - e.clientY) <= 3 && figure.classList.contains('fit')) {
          const r = el.getBoundingClientRect();
          showAt(Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)), Math.min(1, Math.max(0, (e.clientY - r.top) / r.height)));
        }
        drag = null;
      });
      output.addEventListener('pointerleave', () => { drag = null; });
      if (fitScale < 1) {
        if (figure.dataset.fit === 'natural') openAtStart();
        else size(fitScale);
        if (button) {
          button.hidden = false;
          button.addEventListener('click', () => {
            if (figure.classList.contains('fit')) openAtStart();
            else size(fitScale);
          });
        }
      }
    } catch (error) {
      output.textContent = failed + ' ' + String(error && error.message || error);
      output.classList.add('diagram-error');
      figure.dataset.rendered = 'error';
    }
  }
  document.body.dataset.diagrams = 'done';
})();`;

/** A numbered part of a report: its heading and body. */
export function section(id: string, heading: string, body: string): string {
  return `<section id="${id}"><h2>${escapeHtml(heading)}</h2>\n${body}\n</section>`;
}

// Dutch names for the CSV files of the phase diagrams' conditions
const PHASE_FILE: Record<Phase, string> = { preconception: 'voor-de-zwangerschap', pregnancy: 'zwangerschap', postpartum: 'na-de-geboorte' };

export interface FigureOptions {
  phase?: string;
  /**
   * `screen`: drawn to fit the window (an overview), without zoom controls. `width`: fitted to the
   * width of the page only, as tall as it then is (zoom controls kept). `natural`: a wall chart
   * that no screen shows whole at a readable size: it opens at natural size where the drawing
   * starts, and the button fits it.
   */
  fit?: 'screen' | 'width' | 'natural';
}

/** A diagram of a report: its Mermaid source, drawn in the reader's browser with zoom and drag, and the source to read. */
export function figure(kind: string, source: string, w: ReportWords, options: FigureOptions = {}): string {
  const text = escapeHtml(source);
  const controls =
    options.fit === 'screen'
      ? ''
      : `<div class="diagram-controls"><button type="button" class="diagram-fit" hidden aria-pressed="false" data-fit="${escapeHtml(w.fit)}" data-natural="${escapeHtml(w.natural)}">${escapeHtml(w.fit)}</button>` +
        `<button type="button" class="diagram-zoom" hidden data-factor="0.8" aria-label="${escapeHtml(w.zoomOut)}" title="${escapeHtml(w.zoomOut)}">−</button>` +
        `<button type="button" class="diagram-zoom" hidden data-factor="1.25" aria-label="${escapeHtml(w.zoomIn)}" title="${escapeHtml(w.zoomIn)}">+</button></div>`;
  const attrs = `${options.phase ? ` data-phase="${escapeHtml(options.phase)}"` : ''}${options.fit ? ` data-fit="${options.fit}"` : ''}`;
  return `<figure data-diagram="${escapeHtml(kind)}"${attrs}>${controls}<pre class="diagram-source" hidden>${text}</pre><div class="diagram-output">${escapeHtml(w.loading)}</div>
<p class="print-note">${escapeHtml(w.tooLargeToPrint)}</p>
<details><summary>${escapeHtml(w.source)}</summary><pre>${text}</pre></details></figure>`;
}

/** The conditions behind the numbers on a diagram's arrows, as a table below it. */
function conditionsTable(path: CarePath, options: ToMermaidOptions, id: string, w: ReportWords, lang: ExportLang, tables: ReportTable[]): string {
  const notes = edgeNotes(path, options);
  if (notes.length === 0) return '';
  const t: ReportTable = { id, title: w.conditions, headers: w.conditionHeaders.slice(), rows: notes.map((n) => [`[${n.note}]`, n.from, n.to, n.condition]) };
  tables.push(t);
  return `<details class="conditions"><summary>${escapeHtml(w.conditions)} (${notes.length})</summary>${tableHtml(t, lang, 'conditions')}</details>`;
}

function stateSection(path: CarePath, diagrams: readonly StateDiagramPart[], w: ReportWords, lang: ExportLang, tables: ReportTable[]): string {
  const one = (d: StateDiagramPart) => figure(d.kind, d.source, w, d.phase ? { phase: d.phase } : {}) + conditionsTable(path, d.options, d.phase ? `voorwaarden-fase-${PHASE_FILE[d.phase]}` : 'voorwaarden-toestandsdiagram', w, lang, tables);
  if (diagrams.length === 1 && !diagrams[0]?.id) return one(diagrams[0]!);
  const parts = diagrams.map((d) => `<section id="${escapeHtml(d.id ?? d.kind)}"><h3>${escapeHtml(d.heading ?? '')}</h3>\n${one(d)}</section>`);
  return [`<p>${escapeHtml(w.bigPath)}</p>`, ...parts].join('\n');
}

/** Where a finding is, relative to the user's folder; files inside an installed package by their package path. */
function where(d: Diagnostic, baseDir: string | undefined): string {
  if (!d.file) return '';
  let file = d.file;
  const modules = file.lastIndexOf(`node_modules${sep}`);
  if (modules >= 0) file = file.slice(modules + `node_modules${sep}`.length);
  else if (baseDir !== undefined && isAbsolute(file)) file = relative(baseDir, file) || file;
  return `${file}${d.line !== undefined ? `:${d.line}` : ''}`;
}

/** The validation findings as a table, each in words, with its code and pointer on hover. */
export function findings(path: NamedPath, diagnostics: readonly Diagnostic[], lang: ExportLang, w: ReportWords, baseDir: string | undefined, tables: ReportTable[]): string {
  if (diagnostics.length === 0) return `<p class="ok">${escapeHtml(w.noFindings)}</p>`;
  const rows = diagnostics.map((d) => {
    const text = lang === 'nl' ? d.nl : { message: d.message, hint: d.hint };
    return [w.severity[d.severity], inWords(text.message, path, lang), where(d, baseDir), inWords(text.hint ?? '', path, lang)];
  });
  const t: ReportTable = { id: 'bevindingen', title: w.findings, headers: w.headers.finding.slice(), rows };
  tables.push(t);
  // the stable code and JSON pointer stay available on hover and in the CSV, not in the reading text
  const html = tableHtml(t, lang, 'findings');
  let row = 0;
  return html.replace(/<tr>(?=<td)/g, () => {
    const d = diagnostics[row++]!;
    return `<tr title="${escapeHtml([d.code, d.pointer].filter(Boolean).join(' '))}">`;
  });
}

function simulationTables(path: CarePath, sim: ReportSimulation, lang: ExportLang, w: ReportWords, tables: ReportTable[]): string {
  const label = (id: string) => (path.steps[id] ? labelText(path.steps[id].label, lang) : id);
  const share = (part: number, whole: number) => ({ share: whole > 0 ? part / whole : 0 });
  const stepRows = Object.entries(path.steps).map(([id, step]) => [label(id), phaseLabel(step.phase, lang), sim.visits[id] ?? 0, sim.clients[id] ?? 0, share(sim.clients[id] ?? 0, sim.cohort)]);
  const transitionRows: ReportTable['rows'] = [];
  for (const [id, step] of Object.entries(path.steps)) {
    step.transitions.forEach((t, i) => {
      const count = sim.transitionCounts[id]?.[i] ?? 0;
      transitionRows.push([label(id), label(t.to), count, share(count, sim.visits[id] ?? 0)]);
    });
  }
  const outcomeRows = Object.entries(path.steps)
    .filter(([, s]) => s.kind === 'outcome')
    .map(([id]) => [label(id), sim.clients[id] ?? 0, share(sim.clients[id] ?? 0, sim.cohort)]);
  const own: ReportTable[] = [
    { id: 'simulatie-uitkomsten', title: w.outcomes, headers: w.headers.outcome.slice(), rows: outcomeRows },
    { id: 'simulatie-stappen', title: w.steps, headers: w.headers.step.slice(), rows: stepRows },
    { id: 'simulatie-overgangen', title: w.transitions, headers: w.headers.transition.slice(), rows: transitionRows },
  ];
  tables.push(...own);
  return [`<p>${escapeHtml(w.cohort)}: <strong>${escapeHtml(new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB').format(sim.cohort))}</strong></p>`, ...own.map((t) => `<h3>${escapeHtml(t.title)}</h3>\n${tableHtml(t, lang)}`)].join('\n');
}

/** The whole HTML page of a report around its body: Mermaid and the boot script inline, under a strict policy. */
export function page(lang: ExportLang, title: string, w: ReportWords, body: string): string {
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

function summarySection(input: ReportInput, lang: ExportLang, w: ReportWords, tables: ReportTable[]): string {
  const { path, simulation: sim } = input;
  const s = w.summary;
  const parts: string[] = [];
  if (sim) {
    const figures = summaryTables(path, sim, lang, w);
    tables.push(...figures);
    const tts = timeToSupportText(sim, lang, w);
    if (tts) parts.push(`<p class="key-figure">${escapeHtml(tts)}</p>`);
    const marked = Object.values(sim.interventions ?? {}).some((r) => notOffered(path, r.intervention));
    const note = (t: ReportTable) => (t.id === 'samenvatting-bereik' && marked ? `<p class="note">${escapeHtml(s.notOfferedNote)}</p>` : '');
    parts.push(`<div class="figures">${figures.map((t) => `<div class="figure-table"><h3>${escapeHtml(t.title)}</h3>\n${tableHtml(t, lang, 'summary')}${note(t)}</div>`).join('\n')}</div>`);
    const anyInterval = Object.values(sim.interventions ?? {}).some(intervalOf) || Object.values(sim.unmetNeed ?? {}).some(intervalOf);
    if (!anyInterval) parts.push(`<p class="note">${escapeHtml(s.noIntervals)}</p>`);
  } else parts.push(`<p class="note">${escapeHtml(s.noSimulation)}</p>`);
  if (input.coalition) {
    const choices = choiceTables(path, input.coalition, lang, w);
    tables.push(...choices);
    parts.push(`<h3>${escapeHtml(w.choices.heading)}</h3><div class="figures">${choices.map((t) => `<div class="figure-table"><h4>${escapeHtml(t.title)}</h4>\n${tableHtml(t, lang, 'summary')}</div>`).join('\n')}</div>`);
  }
  if (input.diagnostics) {
    const top = topFindings(input.diagnostics, path, lang);
    parts.push(`<h3>${escapeHtml(s.topFindings)}</h3>`, top.length > 0 ? `<ol class="top-findings">${top.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ol>` : `<p class="ok">${escapeHtml(s.noTopFindings)}</p>`);
  }
  return parts.join('\n');
}

interface Part {
  id: string;
  heading: string;
  body: string;
  subsections?: { id: string; heading: string }[];
}

/** The report's body and every table in it, in reading order. */
function buildReport(input: ReportInput): { title: string; lang: ExportLang; w: ReportWords; body: string; tables: ReportTable[] } {
  const lang = input.lang ?? 'nl';
  const w = REPORT_WORDS[lang];
  const { path } = input;
  const tables: ReportTable[] = [];
  const title = input.title ?? (input.coalition ? labelText(input.coalition.title, lang) : labelText(path.title, lang));
  // the figures name risks the path does not label (the population's) by the labels given for them
  const labelled: CarePath = input.names?.risks ? { ...path, risks: { ...input.names.risks, ...path.risks } as CarePath['risks'] } : path;
  // the summary is for the coalition meeting when the report is a coalition's
  const parts: Part[] = [{ id: 'samenvatting', heading: input.coalition ? w.summaryHeading : w.summaryHeadingPlain, body: summarySection({ ...input, path: labelled }, lang, w, tables) }];
  if (input.comparison) parts.push({ id: 'vergelijking', heading: w.compare.heading, body: comparisonSection(labelled, input.comparison, lang, w, tables) });
  if (input.calibration) parts.push({ id: 'kalibratie', heading: w.calibration.heading, body: calibrationSection(input.calibration, lang, w, tables) });
  const localSteps = input.coalition ? Object.keys(input.coalition.steps) : [];
  const common: Partial<ToMermaidOptions> = localSteps.length > 0 ? { localSteps } : {};
  const localNote = localSteps.length > 0 ? `<p class="note">${escapeHtml(w.localMark)}</p>` : '';
  const overview = overviewDiagram(path, lang, common);
  if (overview) {
    parts.push({ id: 'overzicht', heading: w.overviewHeading, body: `<p>${escapeHtml(w.overviewIntro)}</p>\n${figure('overview', overview.source, w, { fit: 'screen' })}${localNote}` });
  }
  const risks = riskSection(path, lang, w);
  tables.push(risks.table);
  parts.push({ id: 'risicos', heading: w.risks.heading, body: risks.html, subsections: risks.subsections });
  const diagrams = stateDiagrams(path, lang, w, common);
  parts.push({ id: 'state', heading: diagrams.length > 1 ? w.detailHeading : w.state, body: localNote + stateSection(path, diagrams, w, lang, tables), subsections: diagrams.filter((d) => d.id && d.heading) as { id: string; heading: string }[] });
  const flow: ToMermaidOptions = { ...common, kind: 'flowchart', groupBy: 'organisation', lang, edgeLabels: 'short' };
  parts.push({ id: 'flowchart', heading: w.flowchart, body: figure('flowchart', toMermaid(path, flow), w) + conditionsTable(path, flow, 'voorwaarden-stroomschema', w, lang, tables) });
  if (input.simulation) {
    const options: ToMermaidOptions = { ...common, kind: 'flowchart', groupBy: 'phase', lang, overlay: input.simulation, overlayMode: 'relative', edgeLabels: 'short' };
    parts.push({ id: 'overlay', heading: w.overlay, body: figure('overlay', toMermaid(path, options), w) + conditionsTable(path, options, 'voorwaarden-simulatie', w, lang, tables) });
  }
  parts.push({ id: 'timeline', heading: w.timeline, body: figure('timeline', timelineToMermaid(path, { lang }), w) });
  if (input.diagnostics) parts.push({ id: 'findings', heading: w.findings, body: findings(path, input.diagnostics, lang, w, input.baseDir, tables) });
  if (input.simulation) parts.push({ id: 'simulation', heading: w.simulation, body: simulationTables(path, input.simulation, lang, w, tables) });

  const link = (p: { id: string; heading: string }) => `<a href="#${escapeHtml(p.id)}">${escapeHtml(p.heading)}</a>`;
  const toc = parts.map((p) => `<li>${link(p)}${p.subsections?.length ? `<ol>${p.subsections.map((q) => `<li>${link(q)}</li>`).join('')}</ol>` : ''}</li>`).join('');
  const date = formatDate(input.date ?? new Date(), lang);
  const identity = identityLines(path, input.coalition, input.simulation, date, lang, w);
  const header = `<header><h1>${escapeHtml(title)}</h1>
<ul class="identity">${identity.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>
<p class="note">${escapeHtml(w.offline)}</p>
<nav aria-label="${escapeHtml(w.contents)}"><details><summary>${escapeHtml(w.contents)}</summary><ol>${toc}</ol></details></nav></header>`;
  return { title, lang, w, body: `${header}\n<main>\n${parts.map((p) => section(p.id, p.heading, p.body)).join('\n')}\n</main>`, tables };
}

/**
 * Builds one self-contained, offline HTML report of a path for a coalition meeting: a summary with
 * the key figures, the coalition's choices and the main findings; an overview of the phases; the
 * route of every risk from signal to support; the diagrams (drawn in the reader's browser by the
 * Mermaid bundled inside) with short edge labels and their conditions listed below; the findings
 * and, when given, the simulation tables. A strict Content-Security-Policy lets only the two inline
 * scripts run.
 *
 * @example
 * writeFileSync('report.html', renderReport({ path, diagnostics: validatePath(path).diagnostics, lang: 'nl' }));
 */
export function renderReport(input: ReportInput): string {
  const { title, lang, w, body } = buildReport(input);
  return page(lang, title, w, body);
}

/** Every table of the report `renderReport` would write, for CSV or a spreadsheet; needs no Mermaid. */
export function reportTables(input: ReportInput): ReportTable[] {
  return buildReport(input).tables;
}
