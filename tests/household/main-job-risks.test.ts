import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultPopulation } from '../../src/index.js';
import { loadHouseholdPath, loadMenukaart } from '../../src/node/index.js';
import { risksOfHousehold } from '../../src/simulate/household-risks.js';

const ROOT = resolve(__dirname, '..', '..');
const TSX = pathToFileURL(createRequire(join(ROOT, 'package.json')).resolve('tsx')).href;

describe('npm start, the household part', () => {
  it('lists per risk only the risks the household path is about, as the household report does', async () => {
    const out = join('test-output', 'main-job-risks');
    const run = spawnSync(process.execPath, ['--import', TSX, 'scripts/main-job.ts', '--cohort', '400', '--seed', '3', '--lang', 'en', '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    const start = lines.findIndex((l) => l.includes('per risk: present, never signalled'));
    expect(start).toBeGreaterThan(0);
    const end = lines.indexOf('', start);
    const printed = lines.slice(start + 1, end).map((l) => l.trim().replace(/: [\d,]+, .*$/, ''));
    expect(printed.length).toBeGreaterThan(0);
    const path = await loadHouseholdPath(join(ROOT, 'paths/households/huishouden-1000-dagen.json'));
    const menukaart = await loadMenukaart(join(ROOT, 'paths/menukaart/menukaart.json'));
    const population = defaultPopulation();
    const label = (risk: string) => (path.risks?.[risk]?.label ?? population.risks[risk]?.label)?.en ?? risk;
    const about = new Set(risksOfHousehold(path, menukaart).map(label));
    // the population has risks the path does not name: they were printed as 100% missed before
    const others = Object.keys(population.risks).map(label).filter((l) => !about.has(l));
    expect(others).toContain('Unintended pregnancy');
    for (const name of printed) expect(about, name).toContain(name);
    expect(printed.filter((name) => others.includes(name))).toEqual([]);
  }, 120_000);
});
