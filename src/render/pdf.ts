import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZorgpadenError } from '../diagnostics/index.js';
import { loadChromium } from './optional.js';
import { CHROMIUM_FLAGS, defaultChromiumPath, type RendererOptions } from './renderer.js';

/**
 * Prints an HTML report to an A4 PDF in headless Chromium, after its diagrams are drawn, with the
 * report's print stylesheet (diagrams too large to print legibly give way to a note).
 */
export async function renderPdf(html: string, options: RendererOptions = {}): Promise<Uint8Array> {
  const chromium = await loadChromium();
  const executablePath = options.executablePath ?? defaultChromiumPath();
  const profile = mkdtempSync(join(tmpdir(), 'zorgpaden-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: [...CHROMIUM_FLAGS, ...(options.args ?? [])], offline: true, viewport: { width: 1280, height: 720 } });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw new ZorgpadenError(
      `Cannot start Chromium at "${executablePath}": ${(error as Error).message.split('\n')[0]}. Install it (Debian: \`apt-get install chromium\`) or pass executablePath.`,
    );
  }
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(options.timeout ?? 120_000);
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html);
    await page.waitForSelector('body[data-diagrams="done"]');
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
