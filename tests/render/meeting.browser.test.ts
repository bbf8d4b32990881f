import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCoalition, loadPath } from '../../src/node/index.js';
import type { CarePath, Coalition } from '../../src/model/index.js';
import { CHROMIUM_FLAGS, renderPdf, renderReport } from '../../src/render/index.js';
import { simulate } from '../../src/simulate/index.js';
import { validatePath } from '../../src/validate/index.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const OUT = resolve('test-output');
// 7 pt in CSS pixels (96 per inch, 72 pt per inch)
const MIN_PRINT_PX = (7 * 96) / 72;

/** Every identifier of a path a Dutch reader should never see: events, attributes, keys, step ids. */
function identifiers(path: CarePath): Set<string> {
  const ids = new Set<string>([...Object.keys(path.steps), ...Object.keys(path.actors), ...Object.keys(path.risks ?? {}), ...Object.keys(path.protections ?? {})]);
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if ((key === 'on' || key === 'attr' || key === 'hasRisk' || key === 'intervention') && typeof v === 'string') ids.add(v);
        walk(v);
      }
    }
  };
  walk(path.steps);
  // a key that is also a Dutch word of the path's own labels (verloskundige, stress) is not a leak
  const words = new Set(JSON.stringify([path.title, Object.values(path.steps).map((s) => s.label), Object.values(path.actors).map((a) => a.label), Object.values(path.risks ?? {}).map((r) => r.label)]).split(/[^\p{L}\p{N}-]+/u));
  const lower = new Set([...words].map((w) => w.toLowerCase()));
  return new Set([...ids].filter((id) => !lower.has(id)));
}

function leaks(text: string, ids: Set<string>): string[] {
  const found: string[] = [];
  for (const id of ids) {
    const escaped = id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    if (new RegExp(`(?<![\\p{L}\\p{N}_/-])${escaped}(?![\\p{L}\\p{N}_/-])`, 'u').test(text)) found.push(id);
  }
  return found;
}

describe.skipIf(!hasChromium)('the report at meeting scale, in Debian’s Chromium', () => {
  let browser: Browser;
  let haarlem: CarePath;
  let coalition: Coalition;
  let html: string;
  const file = join(OUT, 'haarlem.html');

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    haarlem = await loadPath(resolve('paths/national/eerste-1000-dagen.json'), { coalition: resolve('paths/coalitions/haarlem.json') });
    coalition = await loadCoalition(resolve('paths/coalitions/haarlem.json'));
    const simulation = await simulate(haarlem, { cohort: 2000, seed: 1 });
    html = renderReport({ path: haarlem, coalition, simulation, diagnostics: validatePath(haarlem).diagnostics, lang: 'nl', baseDir: process.cwd(), date: new Date(Date.UTC(2026, 11, 6)) });
    writeFileSync(file, html);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(target: string, viewport = { width: 1280, height: 720 }): Promise<Page> {
    const context = await browser.newContext({ offline: true, viewport });
    const url = pathToFileURL(target).href;
    await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('body[data-diagrams="done"]', { timeout: 120_000 });
    return page;
  }

  it('names the coalition in its title and opens with the summary and its figures', async () => {
    const page = await open(file);
    expect(await page.locator('h1').innerText()).toContain('Haarlem');
    expect(await page.locator('ul.identity').innerText()).toMatch(/Gemeente: Haarlem[\s\S]*Past aan: De eerste 1000 dagen[\s\S]*6 december 2026[\s\S]*2\.000 cliënten, seed 1/);
    expect(await page.$eval('main > section', (s) => s.id)).toBe('samenvatting');
    for (const table of ['samenvatting-bereik', 'samenvatting-onvervulde-behoefte', 'samenvatting-overdrachten', 'coalitie-aanbod', 'coalitie-partners']) {
      expect(await page.locator(`#samenvatting table[data-table="${table}"] tbody tr`).count(), table).toBeGreaterThan(0);
    }
    // the summary's heading and its first figures are on the first screen
    const box = await page.locator('#samenvatting table').first().boundingBox();
    expect(box!.y).toBeLessThan(720);
    await page.screenshot({ path: join(OUT, 'meeting-summary.png') });
    await page.context().close();
  }, 180_000);

  it('shows the overview whole at 1280×720 without scrolling inside it', async () => {
    const page = await open(file);
    await page.locator('#overzicht').evaluate((e) => e.scrollIntoView());
    const svg = page.locator('figure[data-diagram="overview"] svg');
    const box = (await svg.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
    expect(box.y + box.height).toBeLessThanOrEqual(720);
    // readable on a beamer: its labels are drawn at least at their natural size
    const scale = await svg.evaluate((s) => (s as SVGSVGElement).getBoundingClientRect().width / (s as SVGSVGElement).viewBox.baseVal.width);
    expect(scale).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: join(OUT, 'meeting-overview.png') });
    // the per-risk route of debts
    const debts = page.locator('section.risk[data-risk="debts"]');
    expect(await debts.locator('h3').innerText()).toBe('De route bij problematische schulden');
    expect(await debts.locator('tbody tr').count()).toBeGreaterThan(0);
    await debts.evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: join(OUT, 'meeting-risk-route.png') });
    await page.context().close();
  }, 180_000);

  for (const viewport of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
    it(`opens every diagram whole on a ${viewport.width}×${viewport.height} screen, and at natural size on a drawn node`, async () => {
      const page = await open(file, viewport);
      const figures = page.locator('figure[data-diagram]');
      const count = await figures.count();
      expect(count).toBeGreaterThan(5);
      let large = 0;
      for (let i = 0; i < count; i++) {
        const figure = figures.nth(i);
        const name = await figure.evaluate((f) => `${(f as HTMLElement).dataset['diagram']}:${(f as HTMLElement).dataset['phase'] ?? ''}`);
        await figure.locator('.diagram-output').evaluate((e) => e.scrollIntoView());
        const svg = figure.locator('.diagram-output svg');
        const box = (await svg.boundingBox())!;
        // the whole drawing is on the screen and inside its box, with nothing to scroll
        // (within a pixel: scrolling into view rounds)
        expect(box.x, name).toBeGreaterThanOrEqual(-1);
        expect(box.y, name).toBeGreaterThanOrEqual(-1);
        expect(box.x + box.width, name).toBeLessThanOrEqual(viewport.width + 1);
        expect(box.y + box.height, name).toBeLessThanOrEqual(viewport.height + 1);
        expect(await figure.locator('.diagram-output').evaluate((o) => o.scrollWidth <= o.clientWidth + 1 && o.scrollHeight <= o.clientHeight + 1), name).toBe(true);
        const natural = await svg.evaluate((s) => (s as SVGSVGElement).viewBox.baseVal.width);
        if ((await figure.getAttribute('data-fit')) === 'screen' || box.width >= natural - 1) continue;
        large++;
        // shrunk to fit, it offers its natural size; that opens on a drawn node, not on an empty corner
        const button = figure.locator('.diagram-fit');
        expect(await button.innerText(), name).toBe('Ware grootte');
        await button.click();
        expect(await svg.evaluate((s) => s.getBoundingClientRect().width), name).toBeCloseTo(natural, 0);
        const onNode = await figure.locator('.diagram-output').evaluate((o) => {
          const frame = o.getBoundingClientRect();
          return [...o.querySelectorAll('g.node')].some((n) => {
            const r = n.getBoundingClientRect();
            return r.width > 0 && r.left >= frame.left && r.right <= frame.right && r.top >= frame.top && r.bottom <= frame.bottom;
          });
        });
        if (await figure.locator('g.node').count()) expect(onNode, name).toBe(true);
        expect(await button.innerText(), name).toBe('Passend maken');
        await button.click();
        expect((await svg.boundingBox())!.width, name).toBeCloseTo(box.width, 0);
      }
      // the phase diagrams of this path are larger than a screen: the check saw shrunk diagrams
      expect(large).toBeGreaterThanOrEqual(3);
      await page.locator('#state-pregnancy').evaluate((e) => e.scrollIntoView());
      await page.screenshot({ path: join(OUT, `meeting-pregnancy-${viewport.width}.png`) });
      // a click in a fitted diagram shows that spot at natural size
      const pregnancy = page.locator('figure[data-phase="pregnancy"]');
      const fitted = (await pregnancy.locator('.diagram-output svg').boundingBox())!;
      await page.mouse.click(fitted.x + fitted.width / 2, fitted.y + fitted.height / 2);
      const natural = await pregnancy.locator('.diagram-output svg').evaluate((s) => (s as SVGSVGElement).viewBox.baseVal.width);
      expect(await pregnancy.locator('.diagram-output svg').evaluate((s) => s.getBoundingClientRect().width)).toBeCloseTo(natural, 0);
      const [left, top, width, height] = await pregnancy.locator('.diagram-output').evaluate((o) => [o.scrollLeft, o.scrollTop, o.clientWidth, o.clientHeight]);
      const svgHeight = await pregnancy.locator('.diagram-output svg').evaluate((s) => s.getBoundingClientRect().height);
      expect(Math.abs(left! + width! / 2 - natural / 2)).toBeLessThan(width! / 2);
      expect(Math.abs(top! + height! / 2 - svgHeight / 2)).toBeLessThan(height! / 2);
      await page.context().close();
    }, 240_000);
  }

  it('shows no English identifier in the visible text of the Dutch report', async () => {
    const page = await open(file);
    const text = await page.locator('body').innerText();
    const ids = identifiers(haarlem);
    for (const d of validatePath(haarlem).diagnostics) ids.add(d.code);
    // the probe finds what it looks for
    expect(leaks('zie PREGNANCY_CONFIRMED en childWish', ids)).toEqual(expect.arrayContaining(['PREGNANCY_CONFIRMED', 'childWish']));
    expect(leaks(text, ids)).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('prints legibly on A4: every diagram it prints has text of at least 7 pt, and the PDF has pages', async () => {
    // the printable width of A4 with 12 mm margins
    const page = await open(file, { width: 703, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    const sizes = await page.$$eval('figure[data-diagram] svg', (svgs) =>
      svgs
        .filter((s) => (s as SVGSVGElement).getBoundingClientRect().width > 0)
        .map((s) => {
          const scale = (s as SVGSVGElement).getBoundingClientRect().width / (s as SVGSVGElement).viewBox.baseVal.width;
          const fonts = [...s.querySelectorAll('text, span, p')].filter((t) => t.textContent?.trim()).map((t) => parseFloat(getComputedStyle(t).fontSize));
          return fonts.length ? Math.min(...fonts) * scale : Infinity;
        }),
    );
    expect(sizes.length).toBeGreaterThan(0);
    for (const px of sizes) expect(px).toBeGreaterThanOrEqual(MIN_PRINT_PX);
    const bodyFonts = await page.$$eval('main p, main td, main th, main li', (els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => parseFloat(getComputedStyle(e).fontSize)));
    expect(Math.min(...bodyFonts)).toBeGreaterThanOrEqual(MIN_PRINT_PX);
    await page.screenshot({ path: join(OUT, 'meeting-printed-page.png') });
    await page.context().close();
    const pdf = await renderPdf(html, { executablePath: CHROMIUM });
    writeFileSync(join(OUT, 'haarlem.pdf'), pdf);
    const text = Buffer.from(pdf).toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect((text.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(2);
  }, 240_000);

  it('no two edge labels overlap in any diagram of any shipped path or coalition', async () => {
    const dir = resolve('paths/national');
    const reports: { name: string; path: CarePath; coalition?: Coalition }[] = [];
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) reports.push({ name, path: await loadPath(join(dir, name)) });
    for (const name of readdirSync(resolve('paths/coalitions'))) {
      const c = await loadCoalition(resolve('paths/coalitions', name));
      // like the household path itself, a coalition over it gets the household report, not this one
      if (c.adapts.startsWith('../households/')) continue;
      reports.push({ name, path: await loadPath(resolve('paths/national/eerste-1000-dagen.json'), { coalition: resolve('paths/coalitions', name) }), coalition: c });
    }
    const overlaps: string[] = [];
    let labels = 0;
    for (const r of reports) {
      const target = join(OUT, `overlap-${r.name.replace(/\W+/g, '-')}.html`);
      writeFileSync(target, renderReport({ path: r.path, lang: 'nl', ...(r.coalition ? { coalition: r.coalition } : {}), simulation: await simulate(r.path, { cohort: 200, seed: 1 }) }));
      const page = await open(target);
      const found = await page.$$eval('figure[data-diagram]', (figures) =>
        figures.map((f) => {
          const boxes = [...f.querySelectorAll('g.edgeLabel')]
            .filter((g) => g.textContent?.trim())
            .map((g) => ({ text: g.textContent!.trim(), r: g.getBoundingClientRect() }))
            .filter((b) => b.r.width > 0 && b.r.height > 0);
          const hits: string[] = [];
          for (let i = 0; i < boxes.length; i++)
            for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i]!.r;
              const b = boxes[j]!.r;
              const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
              const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
              if (w > 1 && h > 1) hits.push(`${boxes[i]!.text} × ${boxes[j]!.text}`);
            }
          return { diagram: `${(f as HTMLElement).dataset['diagram']}${(f as HTMLElement).dataset['phase'] ? ':' + (f as HTMLElement).dataset['phase'] : ''}`, count: boxes.length, hits };
        }),
      );
      for (const f of found) {
        labels += f.count;
        for (const hit of f.hits) overlaps.push(`${r.name} ${f.diagram}: ${hit}`);
      }
      await page.context().close();
    }
    // the check saw labels at all
    expect(labels).toBeGreaterThan(50);
    expect(overlaps).toEqual([]);
  }, 600_000);
});
