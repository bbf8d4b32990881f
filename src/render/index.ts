/*
 * The optional entry `zorgpaden/render`: Mermaid in headless Chromium, and self-contained HTML
 * reports. Its heavy dependencies (mermaid, playwright-core) load only when a function is called.
 */
export { createRenderer, renderSvg, defaultChromiumPath, CHROMIUM_FLAGS, type Renderer, type RendererOptions, type RenderSvgOptions } from './renderer.js';
export { renderReport, renderDiagramHtml, type ReportInput } from './report.js';
export { escapeHtml, reportPolicy } from './html.js';
