import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument, parsePath, simulateSync, toMermaid, validatePath } from '../../src/index.js';
import { CHROMIUM_FLAGS } from '../../src/render/index.js';

// The main entry is bundled for the browser exactly as an app's bundler would (platform "browser":
// any Node built-in in its module graph fails the build) and then run in Chromium.
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`[zorgpaden] skipping the browser core test: no Chromium at ${CHROMIUM}.`);

const ROOT = join(__dirname, '..', '..');
const PATH_TEXT = readFileSync(join(ROOT, 'paths', 'national', 'zwangerschap.json'), 'utf8');
// the path names its menukaart by file; a web app has no files, so it passes the parsed document
const MENUKAART_TEXT = readFileSync(join(ROOT, 'paths', 'menukaart', 'menukaart.json'), 'utf8');

// what the page runs: every step an embedding web app takes, from text to diagram
const APP = `
import { parseDocument, parsePath, validatePath, createJourney, simulateSync, toMermaid, isZorgpadenError } from 'zorgpaden';
window.runZorgpaden = (text, menukaartText) => {
  const menukaart = parseDocument(menukaartText, 'menukaart', { filename: 'menukaart.json' });
  const path = parsePath(text, { filename: 'zwangerschap.json', menukaart });
  const validation = validatePath(path);
  const journey = createJourney(path, { risks: ['financial-stress'] });
  const start = journey.step;
  const first = journey.available()[0];
  journey.send({ type: first.event });
  const result = simulateSync(path, { cohort: 200, seed: 7 });
  let error;
  try { parsePath('{ "id": ', { filename: 'broken.json' }); } catch (e) { error = { recognised: isZorgpadenError(e), code: e.code }; }
  return {
    steps: Object.keys(path.steps).length,
    valid: validation.ok,
    start, next: journey.step, moved: first.to,
    outcomes: result.outcomes,
    cohort: result.cohort,
    diagram: toMermaid(path),
    error,
    hasProcess: typeof process !== 'undefined',
  };
};
`;

async function bundleCore(): Promise<string> {
  const result = await build({
    stdin: { contents: APP, resolveDir: ROOT, loader: 'js' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    minify: true,
    write: false,
    logLevel: 'silent',
    // resolve the package's own name to its source entry, like the app's bundler resolves the build
    alias: { zorgpaden: join(ROOT, 'src', 'index.ts') },
  });
  return result.outputFiles[0]!.text;
}

describe.skipIf(!hasChromium)('the core in Chromium', () => {
  let browser: Browser;
  let code: string;
  beforeAll(async () => {
    code = await bundleCore();
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS] });
  });
  afterAll(async () => browser?.close());

  it('bundles for the browser with no Node built-in left in it', () => {
    expect(code.length).toBeGreaterThan(10_000);
    expect(code).not.toMatch(/require\(["']node:|from["']node:/);
  });

  it('parses, validates, runs a journey, simulates a cohort and draws a diagram, as in Node', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.setContent('<!doctype html><title>zorgpaden</title>');
    await page.addScriptTag({ content: code });
    const inBrowser = await page.evaluate(([text, menukaart]) => (window as unknown as { runZorgpaden(t: string, m: string): unknown }).runZorgpaden(text!, menukaart!), [PATH_TEXT, MENUKAART_TEXT]);
    await page.close();
    expect(errors).toEqual([]);

    // the same steps in Node give the same answers: the browser build is the same library
    const menukaart = parseDocument(MENUKAART_TEXT, 'menukaart', { filename: 'menukaart.json' });
    const path = parsePath(PATH_TEXT, { filename: 'zwangerschap.json', menukaart });
    const simulated = simulateSync(path, { cohort: 200, seed: 7 });
    expect(inBrowser).toMatchObject({
      steps: Object.keys(path.steps).length,
      valid: validatePath(path).ok,
      start: path.initial,
      outcomes: simulated.outcomes,
      cohort: 200,
      diagram: toMermaid(path),
      error: { recognised: true, code: 'invalid-json' },
      hasProcess: false,
    });
    const result = inBrowser as { next: string; moved: string };
    expect(result.next).toBe(result.moved);
  });
});
