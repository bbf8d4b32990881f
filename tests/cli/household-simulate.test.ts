import { rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PopulationSchema } from '../../src/model/index.js';
import { simulateHousehold, type HouseholdSimulationResult } from '../../src/simulate/index.js';
import { householdUncertainty } from '../../src/simulate/household-intervals.js';
import { GEZIN_FILE, gezinInput, parseHousehold } from '../household/fixtures.js';
import { built, ROOT, runBuilt, tempDir } from './built-cli.js';

// these cases read the English messages; every command speaks Dutch unless told otherwise
beforeAll(() => void vi.stubEnv('ZORGPADEN_LANG', 'en'));
afterAll(() => void vi.unstubAllEnvs());

const POPULATION = {
  schemaVersion: 1, kind: 'population', id: 'test/huishoudens', version: '1.0.0', title: { nl: 'Huishoudens' },
  risks: { schulden: { label: { nl: 'Schulden' }, prevalence: 0.4 } },
};

describe.skipIf(!built)('zorgpaden simulate on a household path (the built CLI)', () => {
  let dir: string;
  let populationFile: string;
  const gezin = relative(ROOT, GEZIN_FILE);
  beforeAll(() => {
    dir = tempDir();
    populationFile = join(dir, 'population.json');
    writeFileSync(populationFile, JSON.stringify(POPULATION));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the household result as JSON, the same as simulateHousehold gives', () => {
    const ran = runBuilt(['simulate', gezin, '--cohort', '2000', '--seed', '5', '--population', populationFile, '--json']);
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    const printed = JSON.parse(ran.stdout) as HouseholdSimulationResult;
    const expected = simulateHousehold(parseHousehold(gezinInput()), { cohort: 2000, seed: 5, population: PopulationSchema.parse(POPULATION) });
    expect(printed).toEqual({ ...expected, uncertainty: householdUncertainty(expected) });
    expect(printed.risks.schulden!.signalled).toBeGreaterThan(0);
  });

  it('summarises missed signals, signals without follow-up, handoffs per household and children, in English and Dutch', () => {
    const json = JSON.parse(runBuilt(['simulate', gezin, '--cohort', '2000', '--seed', '5', '--population', populationFile, '--json']).stdout) as HouseholdSimulationResult;
    const debts = json.risks.schulden!;
    const share = (count: number, comma: boolean) => {
      const text = (Math.round((count / 2000) * 1000) / 10).toFixed(1);
      return `${comma ? text.replace('.', ',') : text}%`;
    };
    const en = runBuilt(['simulate', gezin, '--cohort', '2000', '--seed', '5', '--population', populationFile, '--lang', 'en']);
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('Simulated 2,000 households through test/gezin 1.0.0');
    // every share with its 95% Wilson interval, the bounds printed as the JSON gives them
    const u = (JSON.parse(runBuilt(['simulate', gezin, '--cohort', '2000', '--seed', '5', '--population', populationFile, '--json']).stdout) as { uncertainty: ReturnType<typeof householdUncertainty> }).uncertainty.risks.schulden!;
    const range = (f: { interval: [number, number] }, comma = false) => `[${share(f.interval[0] * 2000, comma)}${comma ? ';' : ','} ${share(f.interval[1] * 2000, comma)}]`;
    expect(en.stdout).toContain('Risks (share of households, with its 95% interval: Wilson, households are independent):');
    expect(en.stdout).toContain(`Debts: present ${share(debts.present, false)} ${range(u.present)} (${debts.present}), signalled ${share(debts.signalled, false)} ${range(u.signalled)} (${debts.signalled}), addressed ${share(debts.addressed, false)} ${range(u.addressed)} (${debts.addressed})`);
    expect(en.stdout).toContain(`missed signal (present, never signalled) ${share(debts.neverSignalled, false)} ${range(u.neverSignalled)} (${debts.neverSignalled}); signalled without follow-up ${share(debts.signalledNotAddressed, false)} ${range(u.signalledNotAddressed)} (${debts.signalledNotAddressed})`);
    expect(en.stdout).toContain(`signal to support: median ${debts.timeToSupport.median} days`);
    const perHousehold = (n: number, comma = false) => (comma ? (n / 2000).toFixed(2).replace('.', ',') : (n / 2000).toFixed(2));
    expect(en.stdout).toContain(`referrals made: ${perHousehold(json.handoffs.referrals.made)} (${perHousehold(json.handoffs.referrals.warm)} warm, 0.00 cold, 0.00 unmarked), accepted ${perHousehold(json.handoffs.referrals.accepted)}`);
    expect(en.stdout).toContain(`Children: ${json.births.children.toLocaleString('en')} born in ${json.births.households.toLocaleString('en')} households (${json.births.multiple} multiple births).`);
    // risks of the population that the path is not about are left out
    expect(en.stdout).not.toContain('smoking');

    const nl = runBuilt(['simulate', gezin, '--cohort', '2000', '--seed', '5', '--population', populationFile, '--lang', 'nl']);
    expect(nl.status).toBe(0);
    expect(nl.stdout).toContain('2.000 huishoudens gesimuleerd door test/gezin 1.0.0');
    expect(nl.stdout).toContain(`gemist signaal (aanwezig, nooit gesignaleerd) ${share(debts.neverSignalled, true)} ${range(u.neverSignalled, true)}`);
    expect(nl.stdout).toContain(`gesignaleerd zonder vervolg ${share(debts.signalledNotAddressed, true)}`);
    expect(nl.stdout).toContain(`verwijzingen gedaan: ${perHousehold(json.handoffs.referrals.made, true)}`);
    expect(nl.stdout).toContain('Kinderen:');
  });

  it('spreads the households over --workers threads with the same result as one thread, and refuses a bad count', () => {
    const args = ['simulate', 'paths/households/huishouden-1000-dagen.json', '--cohort', '3001', '--seed', '7', '--json'];
    const one = runBuilt([...args, '--workers', '1']);
    expect(one.stderr).toBe('');
    expect(one.status).toBe(0);
    const result = JSON.parse(one.stdout) as HouseholdSimulationResult;
    expect(result.cohort).toBe(3001);
    expect(result.births.children).toBeGreaterThan(0);
    for (const workers of ['2', '3']) {
      const ran = runBuilt([...args, '--workers', workers]);
      expect(ran.stderr, `--workers ${workers}`).toBe('');
      expect(ran.status).toBe(0);
      expect(ran.stdout, `--workers ${workers}`).toBe(one.stdout);
    }
    const refused = runBuilt([...args, '--workers', '0']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--workers');
    expect(refused.stderr).not.toMatch(/\n\s+at /);
  });

  it('keeps the version 1 summary for a version 1 file', () => {
    const ran = runBuilt(['simulate', 'paths/national/zwangerschap.json', '--cohort', '200', '--lang', 'en']);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain('Simulated 200 journeys through');
    expect(ran.stdout).toContain('Unmet need');
    expect(ran.stdout).not.toContain('households');
  });

  it('refuses flags a household path does not take yet, in plain words', () => {
    const ran = runBuilt(['simulate', gezin, '--cohort', '10', '--batches', '2']);
    expect(ran.status).toBe(2);
    expect(ran.stderr).toContain('--batches is not available for a household path');
    expect(ran.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports an invalid household path with file, line and code, and does not simulate it', () => {
    const data = gezinInput();
    (data.steps as Record<string, { track: string }>).controles!.track = 'onbekend';
    const file = join(dir, 'kapot.json');
    writeFileSync(file, JSON.stringify(data, null, 2));
    const ran = runBuilt(['simulate', file, '--cohort', '10', '--json']);
    expect(ran.status).toBe(1);
    expect(ran.stderr).toMatch(/kapot\.json:\d+:\d+ - error unknown-track/);
    expect((JSON.parse(ran.stdout) as { ok: boolean }).ok).toBe(false);
  });
});
