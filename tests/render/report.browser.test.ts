import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import type { SimulationOverlay } from '../../src/export/index.js';
import type { CarePath } from '../../src/model/index.js';
import { toMermaid } from '../../src/export/index.js';
import { CHROMIUM_FLAGS, createRenderer, renderReport } from '../../src/render/index.js';
import { loadPath } from '../../src/node/index.js';
import { fixturePath } from '../export/helpers/fixtures.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`[zorgpaden] skipping the browser report test: no Chromium at ${CHROMIUM} (install it with \`apt-get install chromium\` or set CHROMIUM_PATH).`);

const OUT = resolve('test-output');
const XSS = ['<img src=x onerror=window.__pwned=1>', '<script>window.__pwned=1</script>', '"><svg onload=window.__pwned=1>', 'click s0 call alert(1)', '%%{init: {"securityLevel":"loose"}}%%'];

const path = fixturePath('zwangerschap.json');
const stepCount = Object.keys(path.steps).length;

const simulation: SimulationOverlay = {
  cohort: 1000,
  visits: { intake: 1000, signalering: 1000, huisbezoek: 150, 'wijkteam-melding': 50, buurtmoeder: 30, geboorte: 1000, 'jgz-huisbezoek': 980, goed: 900, zorgen: 80 },
  clients: { intake: 1000, signalering: 1000, huisbezoek: 150, 'wijkteam-melding': 50, buurtmoeder: 30, geboorte: 1000, 'jgz-huisbezoek': 980, goed: 900, zorgen: 80 },
  transitionCounts: { intake: [1000], signalering: [150, 50, 800], huisbezoek: [30, 120], 'wijkteam-melding': [50], buurtmoeder: [30], geboorte: [980], 'jgz-huisbezoek': [900, 80] },
};

function hostile(p: CarePath): CarePath {
  const copy = structuredClone(p);
  copy.title = { nl: XSS.join(' ') };
  Object.values(copy.steps).forEach((step, i) => {
    step.label = { nl: `${XSS[i % XSS.length]} stap ${i}` };
    step.transitions.forEach((t, j) => (t.label = { nl: XSS[(i + j) % XSS.length]! }));
  });
  for (const actor of Object.values(copy.actors)) actor.organisation = XSS[1]!;
  return copy;
}

const finding: Diagnostic = {
  code: 'cold-handoff', severity: 'warning', message: `Cold handoff ${XSS[0]}`, hint: XSS[1]!,
  nl: { message: `Koude overdracht ${XSS[0]}`, hint: XSS[1]! }, params: {}, pointer: '/steps/signalering/transitions/1', file: 'zwangerschap.json', line: 12, column: 9,
};

describe.skipIf(!hasChromium)('the HTML report in Debian’s Chromium, offline', () => {
  let browser: Browser;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    files['report'] = join(OUT, 'report.html');
    files['hostile'] = join(OUT, 'report-hostile.html');
    files['large'] = join(OUT, 'report-large.html');
    writeFileSync(files['large'], renderReport({ path: await loadPath(resolve('paths/national/eerste-1000-dagen.json')), lang: 'nl' }));
    writeFileSync(files['report'], renderReport({ path, diagnostics: [finding], simulation, lang: 'nl' }));
    writeFileSync(files['hostile'], renderReport({ path: hostile(path), diagnostics: [finding], simulation, lang: 'en', title: XSS.join(' ') }));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS] });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a report from file:// with every other request aborted and recorded. */
  async function open(file: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
    const context = await browser.newContext({ offline: true, deviceScaleFactor: 1, viewport: { width: 1280, height: 900 } });
    const url = pathToFileURL(file).href;
    const requests: string[] = [];
    const errors: string[] = [];
    await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : (requests.push(route.request().url()), route.abort())));
    const page = await context.newPage();
    page.on('request', (r) => (r.url() !== url && !requests.includes(r.url()) ? requests.push(r.url()) : undefined));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
    await page.goto(url);
    await page.waitForSelector('body[data-diagrams="done"]', { timeout: 60_000 });
    return { page, requests, errors };
  }

  it('draws every diagram without network, one state node per step, and no Mermaid error', async () => {
    const { page, requests, errors } = await open(files['report']!);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    const figures = await page.$$eval('figure[data-diagram]', (fs) => fs.map((f) => [(f as HTMLElement).dataset['diagram'], (f as HTMLElement).dataset['rendered']]));
    expect(figures).toEqual([['overview', 'true'], ['state', 'true'], ['flowchart', 'true'], ['overlay', 'true'], ['timeline', 'true']]);
    const stateNodes = await page.$$eval('figure[data-diagram="state"] g.node', (ns) => ns.filter((n) => /-state-s\d+-/.test(n.id)).length);
    expect(stateNodes).toBe(stepCount);
    const flowNodes = await page.$$eval('figure[data-diagram="flowchart"] g.node', (ns) => ns.filter((n) => /-flowchart-s\d+-/.test(n.id)).length);
    expect(flowNodes).toBe(stepCount);
    expect(await page.$$('.diagram-error, svg[aria-roledescription="error"], .error-icon')).toHaveLength(0);
    expect(await page.$$eval('table.findings tbody tr', (rows) => rows.length)).toBe(1);
    await page.screenshot({ path: join(OUT, 'report.png'), fullPage: true });
    await page.locator('figure[data-diagram="state"] svg').screenshot({ path: join(OUT, 'report-state.png') });
    await page.context().close();
  });

  it('splits a large path into phase diagrams drawn at their natural size, one state node per step in all', async () => {
    const large = await loadPath(resolve('paths/national/eerste-1000-dagen.json'));
    const { page, requests, errors } = await open(files['large']!);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    const figures = await page.$$eval('figure[data-diagram^="state"]', (fs) => fs.map((f) => [(f as HTMLElement).dataset['diagram'], (f as HTMLElement).dataset['rendered']]));
    expect(figures).toEqual(['preconception', 'pregnancy', 'postpartum'].map(() => ['state-phase', 'true']));
    // every step is a state node in exactly one phase diagram
    const ids = await page.$$eval('figure[data-diagram="state-phase"] g.node', (ns) => ns.map((n) => /-state-(s\d+)-/.exec(n.id)?.[1]).filter(Boolean));
    expect(ids).toHaveLength(Object.keys(large.steps).length);
    expect(new Set(ids).size).toBe(ids.length);
    // each phase diagram is larger than a screen: it opens whole, shrunk into its box, and the
    // button shows it at its natural size (its labels at their font size) and fits it again
    for (const phase of ['preconception', 'pregnancy', 'postpartum']) {
      const figure = page.locator(`figure[data-phase="${phase}"]`);
      const output = figure.locator('.diagram-output');
      const svg = output.locator('svg').first();
      const scale = () => svg.evaluate((s) => (s as SVGSVGElement).getBoundingClientRect().width / (s as SVGSVGElement).viewBox.baseVal.width);
      expect(await scale(), phase).toBeLessThan(1);
      expect(await output.evaluate((o) => o.scrollWidth <= o.clientWidth + 1 && o.scrollHeight <= o.clientHeight + 1), phase).toBe(true);
      expect(await figure.locator('.diagram-fit').getAttribute('aria-pressed')).toBe('true');
      const fitted = await scale();
      await figure.locator('.diagram-fit').click();
      expect(await scale(), phase).toBeCloseTo(1, 2);
      expect(await output.evaluate((o) => o.scrollHeight > o.clientHeight), phase).toBe(true);
      await figure.locator('.diagram-fit').click();
      expect(await scale(), phase).toBeCloseTo(fitted, 5);
    }
    // the contents list one item a line: no two items share a line
    const tops = await page.$$eval('nav li', (ls) => ls.map((l) => Math.round(l.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(tops.length);
    await page.screenshot({ path: join(OUT, 'report-large.png') });
    await page.locator('#state-pregnancy').screenshot({ path: join(OUT, 'report-large-pregnancy.png') });
    await page.context().close();
  });

  it('the probe works: a page without the report’s escaping and policy does run the hostile markup', async () => {
    const page = await browser.newPage();
    await page.setContent(`<main>${XSS[0]}</main>`);
    await page.waitForFunction(() => (window as unknown as { __pwned?: number }).__pwned === 1);
    await page.close();
  });

  it('runs no script from hostile labels, titles or findings, and shows them as text', async () => {
    const { page, requests } = await open(files['hostile']!);
    expect(requests).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const figures = await page.$$eval('figure[data-diagram]', (fs) => fs.map((f) => (f as HTMLElement).dataset['rendered']));
    expect(figures.every((r) => r === 'true')).toBe(true);
    // the hostile text is visible as text: in the title, the state diagram and the findings
    expect(await page.title()).toBe(XSS.join(' '));
    const stateText = await page.locator('figure[data-diagram="state"] .diagram-output').innerText();
    expect(stateText).toContain('<img src=x onerror=window.__pwned=1> stap 0');
    expect(await page.$$('figure .diagram-output img, figure .diagram-output script, main > script')).toHaveLength(0);
    const stateNodes = await page.$$eval('figure[data-diagram="state"] g.node', (ns) => ns.filter((n) => /-state-s\d+-/.test(n.id)).length);
    expect(stateNodes).toBe(stepCount);
    await page.screenshot({ path: join(OUT, 'report-hostile.png'), fullPage: true });
    await page.context().close();
  });

  it('renders SVG with one browser for many diagrams, and rejects invalid text with Mermaid’s parse error', async () => {
    const renderer = await createRenderer({ executablePath: CHROMIUM });
    try {
      const svg = await renderer.renderSvg(toMermaid(path));
      expect(svg.match(/id="[^"]*-state-s\d+-\d+"/g)).toHaveLength(stepCount);
      await expect(renderer.renderSvg('flowchart TB\n  s0["a" --> s1\n')).rejects.toThrow(/Parse error/);
      const again = await renderer.renderSvg(toMermaid(path, { kind: 'flowchart' }));
      expect(again).toMatch(/aria-roledescription="flowchart-v2"/);
    } finally {
      await renderer.close();
    }
  });
});
