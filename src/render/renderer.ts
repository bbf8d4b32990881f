import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZorgpadenError } from '../diagnostics/index.js';
import { loadChromium, mermaidBundle } from './optional.js';

/** Where the browser is and how it starts. */
export interface RendererOptions {
  /** The Chromium binary; Debian's `/usr/bin/chromium` by default (or `$CHROMIUM_PATH`). */
  executablePath?: string;
  /** Extra command-line flags for Chromium. */
  args?: string[];
  /** Milliseconds a single diagram may take (default 30 s). */
  timeout?: number;
}

/** Options of one rendering. */
export interface RenderSvgOptions extends RendererOptions {
  /** Mermaid theme; the diagram's own front matter wins. */
  theme?: 'default' | 'neutral' | 'dark' | 'forest' | 'base';
}

/** A browser kept open to render many diagrams; close it when done. */
export interface Renderer {
  /** Renders Mermaid text to an SVG string; invalid text rejects with Mermaid's parse error. */
  renderSvg(text: string, options?: { theme?: RenderSvgOptions['theme'] }): Promise<string>;
  /** Saves a PNG screenshot of the rendered diagram. */
  renderPng(text: string, file: string): Promise<void>;
  close(): Promise<void>;
}

/** The flags that keep Chromium from reaching the network or the user's profile. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

/** The Chromium used when no path is given. */
export function defaultChromiumPath(): string {
  return process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
}

/**
 * Starts headless Chromium with Mermaid loaded from the local bundle, for rendering many diagrams
 * with one browser.
 *
 * @example
 * const renderer = await createRenderer();
 * try { const svg = await renderer.renderSvg(toMermaid(path)); } finally { await renderer.close(); }
 */
export async function createRenderer(options: RendererOptions = {}): Promise<Renderer> {
  const chromium = await loadChromium();
  const bundle = mermaidBundle();
  const executablePath = options.executablePath ?? defaultChromiumPath();
  const profile = mkdtempSync(join(tmpdir(), 'zorgpaden-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [...CHROMIUM_FLAGS, ...(options.args ?? [])],
      deviceScaleFactor: 2,
      offline: true,
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw new ZorgpadenError(
      `Cannot start Chromium at "${executablePath}": ${(error as Error).message.split('\n')[0]}. Install it (Debian: \`apt-get install chromium\`) or pass executablePath.`,
    );
  }
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(options.timeout ?? 30_000);
  // nothing may leave the page: the bundle and the diagrams are all inline
  await page.route('**/*', (route) => route.abort());
  await page.setContent('<!doctype html><html><body style="margin:0;background:white"><div id="c"></div></body></html>');
  await page.addScriptTag({ content: bundle });
  let counter = 0;
  const render = async (text: string, theme?: string): Promise<string> => {
    counter += 1;
    return page.evaluate(
      async ({ text, id, theme }) => {
        const m = (globalThis as unknown as { mermaid: { initialize(config: object): void; render(id: string, text: string, container: Element): Promise<{ svg: string }> } }).mermaid;
        m.initialize({ startOnLoad: false, securityLevel: 'strict', maxTextSize: 50_000_000, maxEdges: 500_000, ...(theme ? { theme } : {}) });
        const container = document.getElementById('c') as HTMLElement;
        try {
          const { svg } = await m.render(id, text, container);
          container.innerHTML = svg;
          return svg as string;
        } catch (error) {
          // Mermaid leaves its error drawing behind; remove it before the next diagram
          document.getElementById(`d${id}`)?.remove();
          throw new Error(String((error as Error)?.message ?? error), { cause: error });
        }
      },
      { text, id: `zp${counter}`, theme },
    );
  };
  return {
    renderSvg: (text, opts) => render(text, opts?.theme),
    async renderPng(text, file) {
      await render(text);
      await page.locator('#c svg').screenshot({ path: file });
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Renders one Mermaid diagram to SVG in headless Chromium (starts and closes a browser). */
export async function renderSvg(text: string, options: RenderSvgOptions = {}): Promise<string> {
  const renderer = await createRenderer(options);
  try {
    return await renderer.renderSvg(text, options.theme ? { theme: options.theme } : {});
  } finally {
    await renderer.close();
  }
}
