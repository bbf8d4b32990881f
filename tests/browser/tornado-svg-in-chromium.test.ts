import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tornadoSvg } from '../../src/analysis.js';
import { CHROMIUM_FLAGS } from '../../src/render/index.js';

// Chromium's XML parser is strict: it refuses what a lenient DOM would repair
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);

describe.skipIf(!hasChromium)('the tornado diagram in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS] });
  });
  afterAll(async () => browser?.close());

  it('parses as XML and renders its bars where they belong, also with hostile names', async () => {
    const svg = tornadoSvg(
      {
        base: 0.4,
        rows: [
          { name: 'weight </text><script>alert(1)</script> & "x"', atMin: 0.2, atMax: 0.7, swing: 0.5 },
          { name: 'prevalence\u0001\nof debts', atMin: 0.45, atMax: 0.35, swing: 0.1 },
        ],
      },
      { lang: 'en', title: 'Unmet need <debts>', format: (v) => `${(v * 100).toFixed(0)}%` },
    );
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>tornado</title><body></body>');
    const seen = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const error = doc.getElementsByTagName('parsererror').length;
      const svgElement = document.importNode(doc.documentElement, true) as unknown as SVGSVGElement;
      document.body.appendChild(svgElement);
      const rects = [...svgElement.querySelectorAll('g.tornado-row rect')].map((r) => (r as SVGRectElement).getBBox().width);
      return { error, rects, scripts: document.querySelectorAll('script').length, names: [...svgElement.querySelectorAll('g.tornado-row')].map((g) => g.getAttribute('data-parameter')), box: svgElement.getBoundingClientRect().width };
    }, svg);
    await page.close();
    expect(seen.error).toBe(0);
    expect(seen.scripts).toBe(0);
    expect(seen.box).toBe(640);
    expect(seen.names).toEqual(['weight </text><script>alert(1)</script> & "x"', 'prevalence\nof debts']);
    // 0.2 below and 0.3 above the base for the first parameter, 0.05 either side for the second
    const [a, b, c, d] = seen.rects as [number, number, number, number];
    expect(a / b).toBeCloseTo(2 / 3, 2);
    expect(c / d).toBeCloseTo(1, 2);
    expect(a / c).toBeCloseTo(4, 2);
  });
});
