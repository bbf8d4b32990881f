import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/context.js';
import { REPORT_WORDS, reportTables, type ReportCalibration, type ReportTable } from '../../src/render/index.js';
import { calibrationSection } from '../../src/render/report-targets.js';
import { TRUE_PREVALENCE, TRUE_WEIGHT, stressPopulation, supportPath, supportTargets } from '../calibrate/fixtures.js';

const label = (text: string) => ({ nl: text, en: text });

const known: ReportCalibration = {
  title: 'Monitor',
  targets: [
    { key: 'a', label: label('Reach'), indicator: 'Indicator 9', use: 'fit', status: 'published', value: 0.2, tolerance: 0.01, year: 2021, source: ['rivm', 'cbs'], share: 0.205, interval: [0.2, 0.21], within: true, tooWide: false },
    { key: 'b', label: label('Late start'), use: 'validate', status: 'derived', value: 0.3, tolerance: 0.02, share: 0.25, interval: [0.2, 0.3], within: false, tooWide: true },
    { key: 'c', label: label('Big2'), use: 'validate', status: 'published', value: 0.148, tolerance: 0.01, share: null, interval: null, within: null, tooWide: false, notComputable: { en: 'it needs birth outcomes', nl: 'ze heeft geboorte-uitkomsten nodig' } },
    { key: 'd', label: label('Exact one'), use: 'fit', status: 'assumption', tolerance: 0.05, share: 0.5, interval: [0.5, 0.5], exact: true, within: null, tooWide: false },
  ],
};

describe('the calibration section', () => {
  it('shows each target observed against its value, marks held-out ones and says why one cannot be computed', () => {
    const tables: ReportTable[] = [];
    const html = calibrationSection(known, 'en', REPORT_WORDS.en, tables);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.id).toBe('kalibratie');
    expect(tables[0]!.rows).toEqual([
      ['Reach', 'Indicator 9', { share: 0.205 }, '[20.0%, 21.0%]', { share: 0.2 }, '± 1.0%', '2021', 'rivm, cbs', 'within tolerance'],
      ['Late start (held out for validation)', '', { share: 0.25 }, '[20.0%, 30.0%]', { share: 0.3 }, '± 2.0%', '', '', 'outside tolerance (interval wider than the tolerance: simulate a larger cohort to tell)'],
      ['Big2 (held out for validation)', '', '', '', { share: 0.148 }, '± 1.0%', '', '', 'not computable yet'],
      ['Exact one', '', { share: 0.5 }, 'exact', '', '± 5.0%', '', '', 'no published value yet'],
    ]);
    expect(html).toContain('1 of the 2 targets with a value lie within their tolerance.');
    expect(html).toContain('Big2: it needs birth outcomes');
  });

  it('speaks Dutch and sits after the summary in the report and its tables', async () => {
    const path = supportPath(1);
    const tables = reportTables({ path, calibration: known, lang: 'nl' });
    const table = tables.find((t) => t.id === 'kalibratie')!;
    expect(table.title).toBe('Waargenomen tegenover doel: Monitor');
    expect(table.rows[2]![8]).toBe('nog niet te berekenen');
    expect(table.rows[1]![0]).toBe('Late start (achtergehouden ter validatie)');
    expect(reportTables({ path, lang: 'nl' }).some((t) => t.id === 'kalibratie')).toBe(false);
  });
});

/** A reader for the report's CSV: comma-separated, quoted fields with doubled quotes, CRLF or LF rows. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endRow = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

describe('report --targets', () => {
  mkdirSync(resolve('test-output'), { recursive: true });
  const dir = mkdtempSync(join(resolve('test-output'), 'report-targets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'path.json'), JSON.stringify(supportPath(TRUE_WEIGHT)));
  writeFileSync(join(dir, 'population.json'), JSON.stringify(stressPopulation(TRUE_PREVALENCE)));
  const targets = supportTargets({
    'usual-care': { label: label('Usual care'), measure: { numerator: { reached: 'usual' } }, tolerance: 0.05, status: 'awaiting-value', use: 'validate' },
    births: { label: label('Births'), measure: { unit: 'births', numerator: { everyone: true } }, value: 1, tolerance: 0.01, status: 'assumption' },
  });
  // without parameters calibrate only measures the files' own values: what the report shows
  writeFileSync(join(dir, 'targets.json'), JSON.stringify({ ...targets, parameters: {} }));
  const quiet: CliContext = { stdout: () => undefined, stderr: () => undefined, interactive: false, cwd: dir };
  const args = ['--population', 'population.json', '--cohort', '4000', '--seed', '7', '--lang', 'en'];

  it('shows the shares calibrate measures for the same cohort and seed, and the exact engine gives the analytic values', async () => {
    expect(await runCli(['report', 'path.json', '--simulate', '--targets', 'targets.json', '--format', 'csv', '-o', 'csv', ...args], quiet)).toBe(0);
    let json = '';
    await runCli(['calibrate', 'path.json', '--targets', 'targets.json', '--json', ...args], { ...quiet, stdout: (t) => void (json += t) });
    const calibrated = JSON.parse(json) as { targets: Record<string, { share: number | null; interval: [number, number] | null; exact?: boolean; within: boolean | null; label: { en: string } }> };
    const [headers, ...rows] = readCsv(readFileSync(join(dir, 'csv', 'kalibratie.csv'), 'utf8').replace(/^\uFEFF/, ''));
    expect(headers).toEqual(['Target', 'Indicator', 'Observed', 'Interval (95%)', 'Target value', 'Tolerance', 'Year', 'Source', 'Verdict']);
    expect(rows.map((r) => r[0])).toEqual(['Share with stress', 'Support among stressed', 'Usual care (held out for validation)', 'Births']);
    const percent = (share: number) => (Math.round(share * 1000) / 10).toFixed(1);
    const shown = Object.values(calibrated.targets);
    expect(shown).toHaveLength(4);
    shown.forEach((t, i) => {
      const row = rows[i]!;
      expect(row[2]).toBe(t.share === null ? '' : percent(t.share));
      const interval = t.exact ? 'exact' : t.interval ? `[${percent(t.interval[0])}%, ${percent(t.interval[1])}%]` : '';
      expect(row[3]).toBe(interval);
      expect(row[8]!.startsWith(t.within === true ? 'within' : t.within === false ? 'outside' : 'n')).toBe(true);
    });
    // the files hold the true values: stress in 20%, support for 1.5 / 2.5 of those with stress; the
    // path's one condition reads stress, drawn on its own, so the exact engine gives them
    expect(rows[0]![3]).toBe('exact');
    expect(Number(rows[0]![2]) / 100).toBeCloseTo(TRUE_PREVALENCE, 3);
    expect(rows[1]![3]).toBe('exact');
    expect(Number(rows[1]![2]) / 100).toBeCloseTo(TRUE_WEIGHT / (TRUE_WEIGHT + 1), 3);
    expect(rows[3]![8]).toBe('not computable yet');
    expect(rows[2]![8]).toBe('no published value yet');
  });

  it('writes the section into the HTML report, and refuses --targets without --simulate', async () => {
    let stderr = '';
    expect(await runCli(['report', 'path.json', '--simulate', '--targets', 'targets.json', '-o', 'report.html', ...args], quiet)).toBe(0);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<section id="kalibratie"><h2>Calibration: observed against target</h2>');
    expect(html).toContain('Births: Target &quot;births&quot; cannot be computed by this model yet');
    expect(await runCli(['report', 'path.json', '--targets', 'targets.json', '-o', 'x.html', ...args], { ...quiet, stderr: (t) => void (stderr += t) })).not.toBe(0);
    expect(stderr).toContain('give --simulate too');
  });

  it('with the values calibrate fitted from a perturbed start (--tuned), every fitted target lies within its tolerance', async () => {
    writeFileSync(join(dir, 'perturbed.json'), JSON.stringify(supportPath(0.5)));
    writeFileSync(join(dir, 'perturbed-population.json'), JSON.stringify(stressPopulation(0.4)));
    writeFileSync(join(dir, 'tunable.json'), JSON.stringify(supportTargets()));
    // large enough that each interval is narrower than its tolerance, so a verdict is a verdict
    const same = ['--population', 'perturbed-population.json', '--cohort', '16000', '--seed', '7', '--lang', 'en'];
    expect(await runCli(['calibrate', 'perturbed.json', '--targets', 'tunable.json', '-o', 'tuned.json', ...same], quiet)).toBe(0);
    const verdicts = async (extra: string[], folder: string) => {
      expect(await runCli(['report', 'perturbed.json', '--simulate', '--targets', 'tunable.json', '--format', 'csv', '-o', folder, ...extra, ...same], quiet)).toBe(0);
      return readCsv(readFileSync(join(dir, folder, 'kalibratie.csv'), 'utf8').replace(/^\uFEFF/, '')).slice(1).map((r) => r[8]);
    };
    expect(await verdicts([], 'before')).toEqual(['outside tolerance', 'outside tolerance']);
    expect(await verdicts(['--tuned', 'tuned.json'], 'after')).toEqual(['within tolerance', 'within tolerance']);
    const html = join(dir, 'tuned.html');
    expect(await runCli(['report', 'perturbed.json', '--simulate', '--targets', 'tunable.json', '--tuned', 'tuned.json', '-o', html, ...same], quiet)).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('with the tuned values of tuned.json');
  });
});
