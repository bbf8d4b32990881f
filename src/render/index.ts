/*
 * The optional entry `zorgpaden/render`: Mermaid in headless Chromium, and self-contained HTML
 * reports. Its heavy dependencies (mermaid, playwright-core) load only when a function is called.
 */
export { createRenderer, renderSvg, defaultChromiumPath, CHROMIUM_FLAGS, type Renderer, type RendererOptions, type RenderSvgOptions } from './renderer.js';
export { renderReport, renderDiagramHtml, reportTables, type ReportInput } from './report.js';
export { renderHouseholdReport, householdReportTables, type HouseholdReportInput } from './report-household.js';
export { renderPdf } from './pdf.js';
export { tableCsv, tableHtml, type ReportTable, type Cell } from './report-table.js';
export { riskRoutesText } from './report-risks.js';
export type { ReportSimulation } from './report-summary.js';
export type { ReportComparison } from './report-compare.js';
export type { ReportCalibration, ReportTarget } from './report-targets.js';
export { REPORT_WORDS, type ReportWords } from './report-words.js';
export { escapeHtml, reportPolicy } from './html.js';
