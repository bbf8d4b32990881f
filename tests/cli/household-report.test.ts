import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PopulationSchema } from '../../src/model/index.js';
import { householdReportTables, tableCsv } from '../../src/render/index.js';
import { simulateHousehold } from '../../src/simulate/index.js';
import { GEZIN_FILE, gezinInput, parseHousehold } from '../household/fixtures.js';
import { built, ROOT, runBuilt, tempDir } from './built-cli.js';

const POPULATION = {
  schemaVersion: 1, kind: 'population', id: 'test/huishoudens', version: '1.0.0', title: { nl: 'Huishoudens' },
  risks: { schulden: { label: { nl: 'Schulden' }, prevalence: 0.4 } },
};

describe.skipIf(!built)('zorgpaden report on a household path (the built CLI)', () => {
  let dir: string;
  let populationFile: string;
  const gezin = relative(ROOT, GEZIN_FILE);
  beforeAll(() => {
    dir = tempDir();
    populationFile = join(dir, 'population.json');
    writeFileSync(populationFile, JSON.stringify(POPULATION));
    vi.stubEnv('ZORGPADEN_LANG', 'nl');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    vi.unstubAllEnvs();
  });

  it('writes every table of the household report as CSV, with the figures simulateHousehold gives for the same run', () => {
    const folder = join(dir, 'tabellen');
    const ran = runBuilt(['report', gezin, '--simulate', '--cohort', '2000', '--seed', '5', '--population', populationFile, '--format', 'csv', '-o', folder]);
    expect(ran.stderr).toContain('tabellen geschreven');
    expect(ran.status).toBe(0);
    const path = parseHousehold(gezinInput());
    const population = PopulationSchema.parse(POPULATION);
    const simulation = simulateHousehold(path, { cohort: 2000, seed: 5, population });
    const tables = householdReportTables({ path, simulation, lang: 'nl', names: { risks: { ...population.risks, ...path.risks } }, risks: ['schulden'], diagnostics: [] });
    expect(readdirSync(folder).sort()).toEqual(tables.map((t) => `${t.id}.csv`).sort());
    for (const table of tables) expect(readFileSync(join(folder, `${table.id}.csv`), 'utf8'), table.id).toBe('\uFEFF' + tableCsv(table, 'nl'));
    expect(simulation.risks.schulden!.signalled).toBeGreaterThan(0);
  });

  it('writes the HTML report with both diagrams and prints a JSON summary', () => {
    const out = join(dir, 'rapport.html');
    const ran = runBuilt(['report', gezin, '--simulate', '--cohort', '300', '--population', populationFile, '-o', out, '--json']);
    expect(ran.status).toBe(0);
    expect(JSON.parse(ran.stdout)).toEqual({ output: out, findings: { errors: 0, warnings: 0, total: 0 }, cohort: 300 });
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<figure data-diagram="tracks"');
    expect(html).toContain('<figure data-diagram="track" data-fit="width"');
    expect(html).toContain('<figure data-diagram="regions"');
    expect(html).toContain('data-table="huishouden-risicos"');
    // the report names the population its figures come from; the default one's figures are national, and it says so
    expect(html).toContain('300 huishoudens gesimuleerd uit de populatie test/huishoudens (seed 1).');
    const national = join(dir, 'landelijk.html');
    expect(runBuilt(['report', gezin, '--simulate', '--cohort', '300', '-o', national]).status).toBe(0);
    expect(readFileSync(national, 'utf8')).toContain('300 huishoudens gesimuleerd uit de standaardpopulatie (landelijke cijfers en aannames, niet die van één gemeente) (seed 1).');
  });

  it('writes the report without a simulation when --simulate is not given', () => {
    const out = join(dir, 'zonder.html');
    const ran = runBuilt(['report', 'paths/households/huishouden-1000-dagen.json', '-o', out]);
    expect(ran.status).toBe(0);
    expect(ran.stderr).toContain('Rapport geschreven');
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Er is geen simulatie bij dit rapport');
    expect(html).toContain('<title>Een huishouden in de eerste 1000 dagen</title>');
  });

  it('refuses what needs a version 1 path, in plain words and without a stack trace', () => {
    for (const [args, text] of [
      [['--compare', gezin], 'report --compare kan nog niet bij een huishoudpad'],
      [['--format', 'risks'], 'report --format risks kan nog niet bij een huishoudpad'],
      [['--simulate', '--batches', '4'], 'report --batches kan nog niet bij een huishoudpad'],
    ] as const) {
      const ran = runBuilt(['report', gezin, '-o', join(dir, 'x.html'), ...args]);
      expect(ran.status, args.join(' ')).toBe(2);
      expect(ran.stderr).toContain(text);
      expect(ran.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('writes the report of a household path with errors, with its findings, and says it did not simulate', () => {
    const data = gezinInput();
    (data.steps as Record<string, { refers: { to: string }[] }>).intake!.refers[0]!.to = 'controles';
    const file = join(dir, 'eigen.json');
    const out = join(dir, 'eigen.html');
    writeFileSync(file, JSON.stringify(data, null, 2));
    const ran = runBuilt(['report', file, '--simulate', '--cohort', '10', '-o', out]);
    expect(ran.status).toBe(1);
    expect(ran.stderr).toContain('Niet gesimuleerd: het pad heeft fouten');
    expect(ran.stderr).toMatch(/Rapport geschreven: .*eigen\.html \(\d+ bevinding/);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('verwijst naar “Controles” in het eigen spoor “Verloskundige zorg”');
    expect(html).toContain('het pad heeft fouten (zie de bevindingen)');
    expect(html).toContain('<figure data-diagram="track"');
    const json = runBuilt(['report', file, '-o', join(dir, 'eigen2.html'), '--json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout).findings.errors).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'eigen2.html'), 'utf8')).toContain('<h2>Bevindingen van de validatie</h2>');
  });

  it('writes the report of a child track without a birth too', () => {
    const data = gezinInput();
    delete (data.steps as Record<string, { emits?: string }>).bevalling!.emits;
    const file = join(dir, 'geen-geboorte.json');
    writeFileSync(file, JSON.stringify(data, null, 2));
    const ran = runBuilt(['report', file, '-o', join(dir, 'geen-geboorte.html')]);
    expect(ran.status).toBe(1);
    expect(ran.stderr).toContain('Rapport geschreven');
    expect(readFileSync(join(dir, 'geen-geboorte.html'), 'utf8')).toContain('er wordt nooit een kind geboren');
  });

  it('says in one line that no report was written when the path cannot be read at all', () => {
    const file = join(dir, 'kapot.json');
    writeFileSync(file, '{ "schemaVersion": 2,');
    const ran = runBuilt(['report', file, '-o', join(dir, 'kapot.html')]);
    expect(ran.status).not.toBe(0);
    expect(ran.stderr).toContain('invalid-json');
    expect(ran.stderr).toMatch(/^rapport niet geschreven: het pad kan niet geladen worden \(1 fout hierboven\)\.$/m);
    expect(() => readFileSync(join(dir, 'kapot.html'))).toThrow();
    // a version 1 path whose transition leads nowhere cannot be loaded either
    const v1 = JSON.parse(readFileSync(join(ROOT, 'paths/national/zwangerschap.json'), 'utf8')) as { menukaart: string; steps: Record<string, { transitions: { to: string }[] }> };
    Object.values(v1.steps).find((s) => s.transitions.length > 0)!.transitions[0]!.to = 'nergens';
    v1.menukaart = relative(dir, join(ROOT, 'paths/menukaart/menukaart.json'));
    const v1File = join(dir, 'v1-nergens.json');
    writeFileSync(v1File, JSON.stringify(v1, null, 2));
    const v1Ran = runBuilt(['report', v1File, '--root', ROOT, '-o', join(dir, 'v1-nergens.html')]);
    expect(v1Ran.stderr).toContain('unknown-target');
    expect(v1Ran.stderr).toMatch(/^rapport niet geschreven: /m);
    expect(() => readFileSync(join(dir, 'v1-nergens.html'))).toThrow();
  });

  it('is the coalition’s report for a coalition over the household path, given either way', () => {
    for (const args of [['paths/coalitions/haarlem-huishouden.json'], ['paths/households/huishouden-1000-dagen.json', '--coalition', 'paths/coalitions/haarlem-huishouden.json']]) {
      const out = join(dir, 'haarlem.html');
      const ran = runBuilt(['report', ...args, '-o', out]);
      expect(ran.status, args.join(' ')).toBe(0);
      const html = readFileSync(out, 'utf8');
      expect(html).toContain('<h1>Coalitie Kansrijke Start Haarlem, over het huishoudpad</h1>');
      expect(html).toContain('<li>Gemeente: Haarlem</li>');
      expect(html).toContain('<h3>Keuzes van de coalitie</h3>');
      expect(html).toContain('data-table="coalitie-partners"');
      expect(html).toContain('Kennismaking met CenteringZwangerschap bij de verloskundige');
      // the partner organisations that lead, and to whom a transfer inside the track hands the family over
      expect(html).toContain('<td>Verloskundigenpraktijken (niet genoemd in het memo) (Verloskundige); overdracht aan Gynaecoloog (ziekenhuis)</td>');
      expect(html).toContain('<td>Verloskundigenpraktijken (niet genoemd in het memo) (Verloskundige); overdracht aan JGZ-organisatie (niet genoemd in het memo) (Jeugdgezondheidszorg (jeugdverpleegkundige, jeugdarts))</td>');
    }
  });
});
