// @vitest-environment happy-dom
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HouseholdSimulationResult } from '../../src/simulate/household-result.js';
import { parseStructure } from '../export/helpers/mermaid-parser.js';
import { GEZIN_FILE } from '../household/fixtures.js';
import { built, ROOT, runBuilt, tempDir } from './built-cli.js';

const SHIPPED = 'paths/households/huishouden-1000-dagen.json';
const V1 = 'paths/national/zwangerschap.json';

describe.skipIf(!built)('render --overlay and report --overlay on a household path (the built CLI)', () => {
  let dir: string;
  let sim: string;
  let result: HouseholdSimulationResult;
  const gezin = relative(ROOT, GEZIN_FILE);
  beforeAll(() => {
    dir = tempDir();
    vi.stubEnv('ZORGPADEN_LANG', 'nl');
    sim = join(dir, 'sim.json');
    const ran = runBuilt(['simulate', SHIPPED, '--cohort', '1500', '--seed', '5', '-o', sim, '--json']);
    expect(ran.status).toBe(0);
    result = JSON.parse(readFileSync(sim, 'utf8')) as HouseholdSimulationResult;
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    vi.unstubAllEnvs();
  });

  it('draws the result’s visits on every step and its counts on every transition of the lane chart, read back through Mermaid', async () => {
    const ran = runBuilt(['render', SHIPPED, '--kind', 'flowchart', '--overlay', sim]);
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    const parsed = await parseStructure(ran.stdout);
    const ids = Object.keys(result.visits);
    ids.forEach((id, i) => {
      const label = parsed.nodes.find((n) => n.id === `s${i}`)!.label;
      const figure = /\(([\d.]+)\)(?: · |$)/.exec(label);
      expect(figure, label).not.toBeNull();
      expect(Number(figure![1]!.replaceAll('.', ''))).toBe(result.visits[id]);
      const taken = parsed.edges.filter((e) => e.from === `s${i}` && /^[\d.]+( · |$)/.test(e.label)).map((e) => Number(e.label.split(' · ')[0]!.replaceAll('.', '')));
      expect(taken, id).toEqual(result.transitionCounts[id]);
    });
    Object.entries(result.tracks).forEach(([id, track], t) => {
      const title = parsed.groups.find((g) => g.id === `t${t}`)!.label;
      expect(title, id).toMatch(/ · [\d.]+× gestart$/);
      expect(Number(/ · ([\d.]+)× gestart$/.exec(title)![1]!.replaceAll('.', ''))).toBe(track.instances);
    });
    // shaded by visits: the legend says so
    expect(ran.stdout).toContain('Bezoeken #40;licht#58; weinig#44; donker#58; veel#41;');
  });

  it('draws shares on the region diagram with --overlay-mode relative, in English', async () => {
    const ran = runBuilt(['render', SHIPPED, '--overlay', sim, '--overlay-mode', 'relative', '--lang', 'en']);
    expect(ran.status).toBe(0);
    const parsed = await parseStructure(ran.stdout);
    Object.keys(result.visits).forEach((id, i) => {
      const label = parsed.nodes.find((n) => n.id === `s${i}`)!.label;
      const share = Number(/\(([\d.]+)%\)$/.exec(label)![1]);
      expect(Math.abs(share - (100 * result.households[id]!) / result.cohort), label).toBeLessThanOrEqual(0.05 + 1e-9);
    });
  });

  it('refuses a result of another household path, another version, or a version 1 path, and draws it anyway with --force-overlay', () => {
    const other = runBuilt(['render', gezin, '--overlay', sim]);
    expect(other.status).toBe(2);
    expect(other.stderr).toContain(`hoort niet bij dit huishoudpad: het is gesimuleerd op pad "${result.meta.pathId}"`);
    expect(other.stderr).not.toMatch(/\n\s+at /);
    expect(other.stdout).toBe('');

    const bumped = join(dir, 'huishouden-nieuw.json');
    const data = JSON.parse(readFileSync(join(ROOT, SHIPPED), 'utf8')) as { version: string; menukaart?: string };
    data.version = '99.0.0';
    delete data.menukaart;
    writeFileSync(bumped, JSON.stringify(data));
    const version = runBuilt(['render', bumped, '--overlay', sim, '--lang', 'en']);
    expect(version.status).toBe(2);
    expect(version.stderr).toContain(`it was simulated on version ${result.meta.pathVersion}, not 99.0.0`);
    const forced = runBuilt(['render', bumped, '--overlay', sim, '--force-overlay', '--lang', 'en']);
    expect(forced.status).toBe(0);
    expect(forced.stderr).toContain('does not belong to this household path');
    expect(forced.stdout).toContain('stateDiagram-v2');

    const v1sim = join(dir, 'v1.json');
    expect(runBuilt(['simulate', V1, '--cohort', '200', '-o', v1sim, '--json']).status).toBe(0);
    const v1 = runBuilt(['render', SHIPPED, '--overlay', v1sim]);
    expect(v1.status).toBe(2);
    expect(v1.stderr).toContain('is het simulatieresultaat van een pad in versie 1');
    const back = runBuilt(['render', V1, '--overlay', sim, '--lang', 'en']);
    expect(back.status).toBe(2);
    expect(back.stderr).toContain('is the simulation result of a household path (format version 2)');
  });

  it('report --overlay writes the same report from the saved result as --simulate gives for the same run, and refuses a result that does not belong', () => {
    const saved = join(dir, 'opgeslagen');
    const fresh = join(dir, 'nieuw');
    expect(runBuilt(['report', SHIPPED, '--overlay', sim, '--format', 'csv', '-o', saved]).status).toBe(0);
    expect(runBuilt(['report', SHIPPED, '--simulate', '--cohort', '1500', '--seed', '5', '--format', 'csv', '-o', fresh]).status).toBe(0);
    const files = readdirSync(fresh).sort();
    expect(readdirSync(saved).sort()).toEqual(files);
    expect(files).toContain('voorwaarden-simulatie-geboortezorg.csv');
    for (const name of files) expect(readFileSync(join(saved, name), 'utf8'), name).toBe(readFileSync(join(fresh, name), 'utf8'));

    const html = join(dir, 'rapport.html');
    expect(runBuilt(['report', SHIPPED, '--overlay', sim, '-o', html]).status).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('data-diagram="overlay"');

    const other = runBuilt(['report', gezin, '--overlay', sim, '-o', html, '--lang', 'en']);
    expect(other.status).toBe(2);
    expect(other.stderr).toContain('does not belong to this household path');
    // an overlay holds enough to draw, not to report: the report names what is missing
    const partial = join(dir, 'deels.json');
    const { risks: _risks, ...rest } = result;
    writeFileSync(partial, JSON.stringify(rest));
    expect(runBuilt(['render', SHIPPED, '--overlay', partial]).status).toBe(0);
    const lacking = runBuilt(['report', SHIPPED, '--overlay', partial, '-o', html, '--lang', 'en']);
    expect(lacking.status).toBe(2);
    expect(lacking.stderr).toContain('is not a whole household simulation result: "risks" is missing');
    expect(lacking.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a file that is no result, in plain words', () => {
    const broken = join(dir, 'kapot.json');
    writeFileSync(broken, '{"cohort": 3, "visits": {}');
    const ran = runBuilt(['render', gezin, '--overlay', broken]);
    expect(ran.status).toBe(2);
    expect(ran.stderr).toContain('is geen geldige JSON');
    const shaped = join(dir, 'vorm.json');
    writeFileSync(shaped, JSON.stringify({ cohort: 3, visits: {}, households: { intake: -1 }, transitionCounts: {}, tracks: {} }));
    const bad = runBuilt(['render', gezin, '--overlay', shaped, '--lang', 'en']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('is not a household simulation result: it is an object whose "households" is not a table of counts');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    // the fixture's own result draws
    const own = join(dir, 'gezin-sim.json');
    expect(runBuilt(['simulate', gezin, '--cohort', '100', '-o', own, '--json']).status).toBe(0);
    expect(runBuilt(['render', gezin, '--overlay', own]).status).toBe(0);
  });
});
