import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/context.js';
import { formatInterval, formatPercent, formatShareInterval } from '../../src/simulate/summary-interval.js';
import { stressPopulation, supportPath, supportTargets } from '../calibrate/fixtures.js';

const ROOT = join(__dirname, '..', '..');
const dir = join(ROOT, 'test-output', 'interval-notation');

/** A number as the language writes it: a decimal point in English, a decimal comma in Dutch; a minus, a percent sign or a times sign may stand with it. */
const NUMBER = { en: String.raw`[−+-]?×?\d+(?:\.\d+)?%?`, nl: String.raw`[−+-]?×?\d+(?:,\d+)?%?` };
const INTERVAL = { en: new RegExp(`^\\[${NUMBER.en}, ${NUMBER.en}\\]$`), nl: new RegExp(`^\\[${NUMBER.nl}; ${NUMBER.nl}\\]$`) };

/** Every bracketed group with a figure in it, and the places that write an interval of shares another way ("1,4–2,2%", "1.4% … 2.2%"); "aged 20–34" is a name. */
function intervalsIn(text: string): { intervals: string[]; others: string[] } {
  // two figures in brackets; a note marker ("[1]") is one
  const intervals = [...text.matchAll(/\[[^\]\n]*\d[^\]\n]*[,;–…][^\]\n]*\d[^\]\n]*\]/g)].map((m) => m[0]);
  // a tornado row goes from the share at a parameter's low end to that at its high end ("66,7% … 60,9%"): no interval
  const rows = text.split('\n').filter((line) => !/^ {4}[\w-]+ +[\d.,]+% … [\d.,]+% /.test(line));
  const others = rows.flatMap((line) => [...line.matchAll(/\d%?\s?[–…]\s?[\d.,]+%/g)].map((m) => m[0]));
  return { intervals, others };
}

async function run(args: string[]): Promise<string> {
  let out = '';
  const context: CliContext = { stdout: (t) => void (out += t), stderr: () => undefined, interactive: false, cwd: dir };
  const code = await runCli(args, context);
  expect(code, `${args.join(' ')}\n${out}`).toBeLessThan(2);
  return out;
}

describe('one notation for an interval', () => {
  it('writes both ends in the language, "[low, high]" in English and "[low; high]" in Dutch, and they read back', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        for (const lang of ['en', 'nl'] as const) {
          const text = formatShareInterval(low, high, lang);
          expect(text).toMatch(INTERVAL[lang]);
          const ends = text.slice(1, -1).split(lang === 'nl' ? '; ' : ', ').map((end) => Number(end.replace('%', '').replace(',', '.')) / 100);
          expect(ends[0]).toBeCloseTo(low, 3);
          expect(ends[1]).toBeCloseTo(high, 3);
        }
      }),
    );
    expect(formatShareInterval(-0.01, 1.2, 'nl')).toBe('[0,0%; 100,0%]');
    expect(formatInterval('−1,2', '+0,4', 'nl')).toBe('[−1,2; +0,4]');
    expect(formatInterval('−1.2', '+0.4', 'en')).toBe('[−1.2, +0.4]');
    expect(formatPercent(-0.0004, 'nl')).toBe('0,0%');
  });

  describe('in the output of the commands', () => {
    beforeAll(() => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'path.json'), JSON.stringify(supportPath(0.5)));
      writeFileSync(join(dir, 'population.json'), JSON.stringify(stressPopulation(0.4)));
      writeFileSync(join(dir, 'targets.json'), JSON.stringify(supportTargets()));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    for (const lang of ['en', 'nl'] as const) {
      it(`writes every interval as ${lang === 'en' ? '[1.4%, 2.2%]' : '[1,4%; 2,2%]'} (--lang ${lang})`, async () => {
        const household = join(ROOT, 'tests/fixtures/household/gezin.json');
        const csv = join(dir, `csv-${lang}`);
        const outputs = [
          await run(['calibrate', 'path.json', '--targets', 'targets.json', '--population', 'population.json', '--cohort', '2000', '--max-evaluations', '8', '--max-exact-states', '0', '--sensitivity', '--lang', lang]),
          await run(['simulate', 'path.json', '--population', 'population.json', '--cohort', '2000', '--batches', '10', '--lang', lang]),
          await run(['simulate', join(ROOT, 'paths/national/eerste-1000-dagen.json'), '--cohort', '2000', '--by', 'age', '--min-group', '50', '--lang', lang]),
          await run(['simulate', household, '--cohort', '400', '--by', 'multiples', '--min-group', '5', '--lang', lang]),
        ];
        await run(['report', 'path.json', '--population', 'population.json', '--simulate', '--cohort', '2000', '--batches', '10', '--format', 'csv', '-o', csv, '--lang', lang]);
        // the report's CSV tables carry an interval as two numeric columns, and no interval in another notation
        const tables = readdirSync(csv).map((file) => readFileSync(join(csv, file), 'utf8')).join('\n');
        expect(tables).toContain(lang === 'nl' ? 'Marge (95%): ondergrens' : 'lower bound');
        expect(intervalsIn(tables).others).toEqual([]);
        const all = outputs.map(intervalsIn);
        // each kind of output has intervals: shares, differences in points, ratios, parameter ranges
        for (const [i, found] of all.entries()) expect(found.intervals.length, outputs[i]).toBeGreaterThan(0);
        for (const found of all) {
          for (const interval of found.intervals) expect(interval).toMatch(INTERVAL[lang]);
          expect(found.others).toEqual([]);
        }
      });
    }
  });
});
