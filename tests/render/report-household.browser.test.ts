import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HouseholdPath } from '../../src/model/index.js';
import { loadHouseholdPath, safeLoadCoalition, safeLoadMenukaart } from '../../src/node/index.js';
import { CHROMIUM_FLAGS, renderHouseholdReport } from '../../src/render/index.js';
import { defaultPopulation, simulateHousehold } from '../../src/simulate/index.js';
import { risksOfHousehold } from '../../src/simulate/household-risks.js';
import { validateHouseholdPath } from '../../src/validate/validate-household.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const OUT = resolve('test-output');

describe.skipIf(!hasChromium)('the household report in Debian’s Chromium, offline', () => {
  let browser: Browser;
  let path: HouseholdPath;
  const file = join(OUT, 'report-household.html');

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    path = await loadHouseholdPath(resolve('paths/households/huishouden-1000-dagen.json'));
    const simulation = simulateHousehold(path, { cohort: 2000, seed: 1 });
    const html = renderHouseholdReport({ path, simulation, diagnostics: validateHouseholdPath(path).diagnostics, risks: risksOfHousehold(path), lang: 'nl', names: { risks: defaultPopulation().risks }, date: new Date(Date.UTC(2026, 11, 6)) });
    writeFileSync(file, html);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS] });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('draws the overview of the tracks, a flowchart per track, the region diagram and the simulation per track without network', async () => {
    const context = await browser.newContext({ offline: true, deviceScaleFactor: 1, viewport: { width: 1280, height: 900 } });
    const url = pathToFileURL(file).href;
    const requests: string[] = [];
    const errors: string[] = [];
    await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : (requests.push(route.request().url()), route.abort())));
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.waitForSelector('body[data-diagrams="done"]', { timeout: 90_000 });
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    const figures = await page.$$eval('figure[data-diagram]', (fs) => fs.map((f) => [(f as HTMLElement).dataset['diagram'], (f as HTMLElement).dataset['rendered']]));
    const tracks = Object.keys(path.tracks);
    expect(figures).toEqual([['tracks', 'true'], ...tracks.map(() => ['track', 'true']), ['regions', 'true'], ...tracks.map(() => ['overlay', 'true'])]);
    const steps = Object.keys(path.steps).length;
    // the overview: a box per track
    expect(await page.$$eval('figure[data-diagram="tracks"] g.node', (ns) => ns.length)).toBe(tracks.length);
    // per track: every step of the track a node, no lanes, and the steps of other tracks it joins in dashed boxes that name their track
    for (const track of tracks) {
      const own = Object.values(path.steps).filter((s) => s.track === track).length;
      const lanes = await page.$$eval(`#spoor-${track} g.cluster`, (cs) => cs.length);
      const nodes = await page.$$eval(`#spoor-${track} g.node`, (ns) => ns.filter((n) => /-flowchart-s\d+-/.test(n.id)).length);
      const boxes = await page.$$eval(`#spoor-${track} g.node`, (ns) => ns.filter((n) => /-flowchart-x\d+-/.test(n.id)).map((n) => n.textContent ?? ''));
      expect(nodes, track).toBe(own);
      expect(lanes, track).toBe(0);
      expect(boxes.length, track).toBeGreaterThanOrEqual(1);
      for (const text of boxes) expect(Object.values(path.tracks).some((t) => text.includes(t.label.nl!)), `${track}: ${text}`).toBe(true);
    }
    // the birth-care track's screening refers into five tracks: one box lists them, each with its track, step and warm referral
    const list = await page.$$eval('#spoor-geboortezorg g.node', (ns) => ns.map((n) => n.textContent ?? '').filter((t) => t.includes('\u21e2')));
    expect(list).toHaveLength(1);
    expect(list[0]!.match(/\u21e2/g)).toHaveLength(5);
    for (const name of ['Sociaal domein', 'Psychische zorg', 'Zorg voor de partner', 'Veiligheid (meldcode, Veilig Thuis)', 'Prenataal huisbezoek']) expect(list[0]).toContain(`\u21e2 ${name}`);
    expect(list[0]!.match(/verwijzing warm/g)).toHaveLength(5);
    const perTrackNodes = await page.$$eval('#sporen-stroomschema section', (ss) => ss.map((s) => new Set([...s.querySelectorAll('g.node')].map((n) => n.querySelector('.nodeLabel')?.textContent ?? ''))));
    expect(perTrackNodes).toHaveLength(tracks.length);
    const lanes = page.locator('#spoor-geboortezorg figure');
    // the chart opens on its first step, not on an empty corner
    const first = await lanes.locator('g.node').filter({ hasText: 'Aanmelding bij de verloskundigenpraktijk' }).first().boundingBox();
    const frame = await lanes.locator('.diagram-output').boundingBox();
    expect(first!.x).toBeGreaterThanOrEqual(frame!.x);
    expect(first!.x + first!.width).toBeLessThanOrEqual(frame!.x + frame!.width);
    expect(first!.y).toBeGreaterThanOrEqual(frame!.y);
    const stateNodes = await page.$$eval('figure[data-diagram="regions"] g.node', (ns) => new Set(ns.map((n) => /-state-(s\d+)-/.exec(n.id)?.[1]).filter(Boolean)).size);
    expect(stateNodes).toBe(steps);
    // the simulation drawn on each track's flowchart: each of its steps with the share of households that reached it
    const overlay = page.locator('#simulatie-geboortezorg figure');
    const overlayTexts = await page.$$eval('#overlay g.node', (ns) => ns.filter((n) => /-flowchart-s\d+-/.test(n.id)).map((n) => n.textContent ?? ''));
    expect(overlayTexts.length).toBeGreaterThanOrEqual(steps);
    for (const text of overlayTexts) expect(text).toMatch(/\(\d{1,3},\d%\)/);
    const firstShare = await overlay.locator('g.node').filter({ hasText: 'Aanmelding bij de verloskundigenpraktijk' }).first().textContent();
    expect(firstShare).toContain('(100,0%)');
    expect(await page.$$('.diagram-error, svg[aria-roledescription="error"], .error-icon')).toHaveLength(0);
    // zoom works as in every report: a click on + makes the chart larger
    const width = () => lanes.locator('.diagram-output svg').first().evaluate((s) => s.getBoundingClientRect().width);
    const before = await width();
    await lanes.locator('.diagram-zoom[data-factor="1.25"]').click();
    expect(await width()).toBeCloseTo(before * 1.25, 0);
    await page.screenshot({ path: join(OUT, 'report-household.png') });
    await page.locator('#samenvatting').screenshot({ path: join(OUT, 'report-household-samenvatting.png') });
    await lanes.screenshot({ path: join(OUT, 'report-household-spoor.png') });
    await overlay.screenshot({ path: join(OUT, 'report-household-simulatie.png') });
    await context.close();
  }, 180_000);

  it('shows every table of a coalition’s report whole at 1280×800, its local steps too', async () => {
    const file = resolve('paths/coalitions/haarlem-huishouden.json');
    const coalition = await safeLoadCoalition(file);
    const menukaart = await safeLoadMenukaart(resolve('paths/menukaart/menukaart.json'));
    if (!coalition.ok || !menukaart.ok) throw new Error('the shipped coalition or menukaart does not load');
    const applied = await loadHouseholdPath(file);
    const simulation = simulateHousehold(applied, { cohort: 2000, seed: 1 });
    const out = join(OUT, 'report-household-coalition.html');
    writeFileSync(out, renderHouseholdReport({ path: applied, simulation, coalition: coalition.value, interventions: menukaart.value.interventions, lang: 'nl', date: new Date(Date.UTC(2026, 11, 6)) }));
    const context = await browser.newContext({ offline: true, deviceScaleFactor: 1, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(pathToFileURL(out).href);
    await page.waitForSelector('body[data-diagrams="done"]', { timeout: 90_000 });
    expect(await page.$$('[data-table="coalitie-lokale-stappen"]')).toHaveLength(1);
    // a table wider than its box hides its last columns behind a sideways scroll
    const cut = await page.$$eval('.figure-table', (ts) => ts.filter((t) => t.scrollWidth > t.clientWidth + 1).map((t) => t.querySelector('h3, h4')?.textContent ?? '?'));
    expect(cut).toEqual([]);
    await context.close();
  }, 180_000);

  it('opens the overview and each track’s flowchart with labels readable on a beamer (1280×800)', async () => {
    const context = await browser.newContext({ offline: true, deviceScaleFactor: 1, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('body[data-diagrams="done"]', { timeout: 90_000 });
    // the smallest label of a fitted diagram in screen pixels: its font size times the scale the diagram is shown at
    const smallest = await page.$$eval('figure[data-diagram="tracks"], figure[data-diagram="track"]', (fs) =>
      fs.map((f) => {
        const svg = f.querySelector('.diagram-output svg') as SVGSVGElement;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const sizes = [...svg.querySelectorAll('.nodeLabel, .edgeLabel span, .cluster-label span')].filter((e) => (e.textContent ?? '').trim()).map((e) => parseFloat(getComputedStyle(e).fontSize) * scale);
        return [f.closest('section[data-track]')?.getAttribute('data-track') ?? 'overzicht', Math.min(...sizes)] as const;
      }),
    );
    expect(smallest).toHaveLength(Object.keys(path.tracks).length + 1);
    const unreadable = smallest.filter(([, px]) => px < 10).map(([track]) => track);
    // the birth-care track too (20 steps, referrals into five other tracks and a start of the child's track)
    expect(unreadable).toEqual([]);
    // what the beamer shows of the birth-care track: its first screen, and the whole chart as fitted
    const birthCare = page.locator('#spoor-geboortezorg .diagram-output');
    await birthCare.evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: join(OUT, 'report-household-beamer-geboortezorg.png') });
    await birthCare.screenshot({ path: join(OUT, 'report-household-beamer-geboortezorg-chart.png') });
    // the state diagram of every region is a wall chart: it opens at natural size, readable, with a
    // state of its first region in view; the button fits it whole, far smaller
    const regions = page.locator('figure[data-diagram="regions"]');
    const scale = () => regions.locator('.diagram-output svg').evaluate((svg) => (svg as SVGSVGElement).getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width);
    expect(await scale()).toBeCloseTo(1, 2);
    const inView = await regions.evaluate((f) => {
      const frame = f.querySelector('.diagram-output')!.getBoundingClientRect();
      return [...f.querySelectorAll('g.node')].map((n) => n.getBoundingClientRect()).filter((r) => r.width > 0 && r.left >= frame.left && r.right <= frame.right && r.top >= frame.top && r.bottom <= frame.bottom).length;
    });
    expect(inView).toBeGreaterThan(0);
    const button = regions.locator('.diagram-fit');
    expect(await button.textContent()).toBe('Passend maken');
    await button.click();
    expect(await scale()).toBeLessThan(0.5);
    await regions.locator('.diagram-output').screenshot({ path: join(OUT, 'report-household-beamer-gebieden.png') });
    await context.close();
  }, 180_000);
});
