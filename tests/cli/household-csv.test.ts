import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { labelText, type HouseholdPath } from '../../src/model/index.js';
import { loadHouseholdPath } from '../../src/node/index.js';
import { defaultPopulation } from '../../src/simulate/index.js';
import type { HouseholdSimulationResult } from '../../src/simulate/household-result.js';
import { GEZIN_FILE } from '../household/fixtures.js';
import { built, ROOT, runBuilt, tempDir } from './built-cli.js';

const SHIPPED = 'paths/households/huishouden-1000-dagen.json';

/** Reads CSV as RFC 4180 has it (quoted fields, doubled quotes, CRLF), written apart from the code under test. */
function readCsv(text: string, separator: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  expect(field).toBe('');
  return rows;
}

/** A table of the folder as rows of cells, without its header row. */
function table(folder: string, id: string, separator: string): string[][] {
  return readCsv(readFileSync(join(folder, `${id}.csv`), 'utf8'), separator).slice(1);
}

const whole = (cell: string) => Number(cell);
/** A share in percent, written with a decimal comma in Dutch. */
const percent = (cell: string) => Number(cell.replace(',', '.'));

describe.skipIf(!built)('zorgpaden simulate --csv on a household path (the built CLI)', () => {
  let dir: string;
  let path: HouseholdPath;
  beforeAll(async () => {
    dir = tempDir();
    path = await loadHouseholdPath(join(ROOT, SHIPPED));
    vi.stubEnv('ZORGPADEN_LANG', 'nl');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    vi.unstubAllEnvs();
  });

  it('writes tables per step, transition, track and risk whose figures are those of the JSON result', () => {
    const folder = join(dir, 'tabellen');
    const sim = join(dir, 'sim.json');
    const ran = runBuilt(['simulate', SHIPPED, '--cohort', '1500', '--seed', '9', '--csv', folder, '-o', sim]);
    expect(ran.status).toBe(0);
    expect(ran.stderr).toContain('9 tabellen geschreven');
    expect(ran.stderr).not.toMatch(/fout|waarschuwing/i);
    const result = JSON.parse(readFileSync(sim, 'utf8')) as HouseholdSimulationResult;
    expect(readdirSync(folder).sort()).toEqual(
      ['kinderen', 'overdrachten', 'overgangen', 'risicos', 'signaal-tot-steun', 'sporen-gesimuleerd', 'stappen', 'uitkomsten', 'vastgelopen'].map((t) => `huishouden-${t}.csv`),
    );

    const steps = table(folder, 'huishouden-stappen', ';');
    const ids = Object.keys(path.steps);
    expect(steps).toHaveLength(ids.length);
    ids.forEach((id, i) => {
      const [label, , visits, households, share] = steps[i]!;
      expect(label).toBe(labelText(path.steps[id]!.label, 'nl'));
      expect(whole(visits!)).toBe(result.visits[id]);
      expect(whole(households!)).toBe(result.households[id]);
      expect(Math.abs(percent(share!) - (100 * result.households[id]!) / result.cohort)).toBeLessThanOrEqual(0.05 + 1e-9);
    });

    const transitions = table(folder, 'huishouden-overgangen', ';');
    expect(transitions.map((row) => whole(row[2]!))).toEqual(ids.flatMap((id) => result.transitionCounts[id]!));

    const tracks = table(folder, 'huishouden-sporen-gesimuleerd', ';');
    expect(tracks.map((row) => [row[0], whole(row[1]!), whole(row[2]!)])).toEqual(Object.entries(result.tracks).map(([id, t]) => [labelText(path.tracks[id]!.label, 'nl'), t.instances, t.households]));

    const riskLabel = new Map(Object.entries({ ...defaultPopulation().risks, ...path.risks }).map(([key, r]) => [labelText(r.label, 'nl'), key]));
    const risks = table(folder, 'huishouden-risicos', ';');
    expect(risks.length).toBeGreaterThan(5);
    for (const [label, present, signalled, addressed, missed, unfollowed] of risks) {
      const figures = result.risks[riskLabel.get(label!)!]!;
      expect([present, signalled, addressed, missed, unfollowed].map((c) => whole(c!)), label).toEqual([figures.present, figures.signalled, figures.addressed, figures.neverSignalled, figures.signalledNotAddressed]);
    }

    const { transfers, referrals } = result.handoffs;
    expect(table(folder, 'huishouden-overdrachten', ';').map((row) => whole(row[1]!))).toEqual([transfers.warm, transfers.cold, referrals.made, referrals.warm, referrals.cold, referrals.unmarked, referrals.accepted, referrals.started]);
    expect(table(folder, 'huishouden-kinderen', ';').map((row) => whole(row[1]!))).toEqual([result.births.households, result.births.children, result.births.multiple]);
    expect(table(folder, 'huishouden-uitkomsten', ';').map((row) => whole(row[2]!))).toEqual(Object.values(result.outcomes));
  });

  it('writes English tables with a comma and decimal points with --lang en, and refuses a file where the folder should be', () => {
    const folder = join(dir, 'tables');
    const gezin = relative(ROOT, GEZIN_FILE);
    const ran = runBuilt(['simulate', gezin, '--cohort', '300', '--csv', folder, '--json', '--lang', 'en']);
    expect(ran.status).toBe(0);
    const result = JSON.parse(ran.stdout) as HouseholdSimulationResult;
    const [header, ...rows] = readCsv(readFileSync(join(folder, 'huishouden-stappen.csv'), 'utf8'), ',');
    expect(header).toEqual(['Step', 'Track', 'Visits', 'Households', 'Share of households', '95% interval: lower bound', '95% interval: upper bound']);
    expect(rows.map((row) => whole(row[2]!))).toEqual(Object.values(result.visits));
    expect(rows.every((row) => /^\d+\.\d$/.test(row[4]!))).toBe(true);
    // the interval columns hold the Wilson interval of the JSON's uncertainty, as numbers in per cent
    const { visited } = (result as HouseholdSimulationResult & { uncertainty: { visited: Record<string, { interval: [number, number] }> } }).uncertainty;
    rows.forEach((row, i) => {
      const interval = visited[Object.keys(result.visits)[i]!]?.interval;
      if (interval) expect(row.slice(5)).toEqual([(100 * interval[0]).toFixed(1), (100 * interval[1]).toFixed(1)]);
    });

    const file = join(dir, 'een-bestand');
    writeFileSync(file, 'x');
    const refused = runBuilt(['simulate', gezin, '--cohort', '10', '--csv', file, '--lang', 'en']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('is a file; the CSV tables go into a folder');
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});
