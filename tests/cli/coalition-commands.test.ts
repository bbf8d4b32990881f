import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { built, ROOT, runBuilt, tempDir } from './built-cli.js';

// these cases read the English messages; every command speaks Dutch unless told otherwise
beforeAll(() => void vi.stubEnv('ZORGPADEN_LANG', 'en'));
afterAll(() => void vi.unstubAllEnvs());

const HAARLEM = join(ROOT, 'paths', 'coalitions', 'haarlem.json');
const NATIONAL = join(ROOT, 'paths', 'national', 'eerste-1000-dagen.json');
const SANNE = join(ROOT, 'paths', 'routes', 'sanne.json');

describe.skipIf(!built)('coalitions in every command (the built CLI)', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('apply writes the adapted path, which loads to the same path as the coalition itself', () => {
    const out = join(dir, 'haarlem-pad.json');
    const ran = runBuilt(['apply', HAARLEM, '-o', out]);
    expect(ran.status, ran.stderr).toBe(0);
    expect(ran.stderr).toBe(`Adapted path written: ${out} (coalition kansrijke-start/coalities/haarlem over kansrijke-start/eerste-1000-dagen)\n`);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.coalition.id).toBe('kansrijke-start/coalities/haarlem');
    // its references are rewritten for its new folder and still name the same files
    expect(resolve(dirname(out), written.menukaart)).toBe(join(ROOT, 'paths', 'menukaart', 'menukaart.json'));
    expect(existsSync(resolve(dirname(out), written.$schema))).toBe(true);
    const diff = JSON.parse(runBuilt(['diff', out, HAARLEM, '--json']).stdout);
    // the references, written from the new folder, name the same schema and menukaart: no change at all
    expect(diff.changes.map((c: { field?: string }) => c.field)).toEqual([]);
    // applying again replaces its own output; the national path is never overwritten
    expect(runBuilt(['apply', HAARLEM, '-o', out]).status).toBe(0);
    const copy = join(dir, 'national-copy.json');
    writeFileSync(copy, readFileSync(join(ROOT, 'paths', 'national', 'zwangerschap.json')));
    const refused = runBuilt(['apply', HAARLEM, '-o', copy]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('it is a zorgpaden content file');
  });

  it('apply takes a path with --coalition, and refuses a path alone', () => {
    const ran = runBuilt(['apply', NATIONAL, '--coalition', HAARLEM]);
    expect(ran.status, ran.stderr).toBe(0);
    expect(JSON.parse(ran.stdout).coalition.municipality).toBe('Haarlem');
    const alone = runBuilt(['apply', NATIONAL]);
    expect(alone.status).toBe(2);
    expect(alone.stderr).toContain('is a path; give a coalition file');
    const twice = runBuilt(['apply', HAARLEM, '--coalition', HAARLEM]);
    expect(twice.status).toBe(2);
  });

  it('route takes the coalition file as the path, or --coalition, and names the coalition', () => {
    for (const argv of [['route', HAARLEM, SANNE], ['route', NATIONAL, SANNE, '--coalition', HAARLEM]]) {
      const ran = runBuilt(argv);
      expect(ran.status, ran.stdout + ran.stderr).toBe(0);
      expect(ran.stdout).toMatch(/^Route kansrijke-start\/routes\/sanne fits kansrijke-start\/eerste-1000-dagen \(coalition kansrijke-start\/coalities\/haarlem\) \(\d+ steps\)\.\n$/);
    }
    const json = JSON.parse(runBuilt(['route', HAARLEM, SANNE, '--json']).stdout);
    expect(json.path.coalition).toBe('kansrijke-start/coalities/haarlem');
  });

  it('coverage takes the coalition file as the path, or --coalition', () => {
    const one = runBuilt(['coverage', HAARLEM, '--json']);
    const two = runBuilt(['coverage', NATIONAL, '--coalition', HAARLEM, '--json']);
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    expect(JSON.parse(one.stdout)).toEqual(JSON.parse(two.stdout));
    expect(JSON.parse(one.stdout).path.coalition).toBe('kansrijke-start/coalities/haarlem');
  });

  it('calibrate takes the coalition file as the path, or --coalition; a household coalition is refused as a household path', () => {
    const targets = join(ROOT, 'paths', 'targets', 'monitor.json');
    const quick = ['--targets', targets, '--cohort', '2000', '--max-evaluations', '3', '--json'];
    const one = runBuilt(['calibrate', HAARLEM, ...quick]);
    const two = runBuilt(['calibrate', NATIONAL, '--coalition', HAARLEM, ...quick]);
    // 1: a few evaluations do not bring every target within its tolerance; 2 would be a refusal
    expect(one.status, one.stderr).toBeLessThan(2);
    expect(two.status, two.stderr).toBe(one.status);
    expect(JSON.parse(one.stdout).evaluations).toBeGreaterThan(0);
    expect(JSON.parse(one.stdout)).toEqual(JSON.parse(two.stdout));
    const household = runBuilt(['calibrate', 'paths/coalitions/haarlem-huishouden.json', '--targets', targets]);
    expect(household.status).toBe(2);
    expect(household.stderr).toContain('zorgpaden calibrate does not support household paths (format version 2) yet, and "paths/households/huishouden-1000-dagen.json" is one');
    expect(household.stderr).toContain('`compare`, `route`, `diff` and `apply`.');
  }, 120_000);

  it('simulate takes a coalition file, and -o says where it wrote', () => {
    const out = join(dir, 'sim.json');
    const ran = runBuilt(['simulate', HAARLEM, '--cohort', '2000', '-o', out, '--lang', 'nl']);
    expect(ran.status, ran.stderr).toBe(0);
    expect(ran.stderr).toBe(`Simulatieresultaat geschreven: ${out}\n`);
    expect(JSON.parse(readFileSync(out, 'utf8')).cohort).toBe(2000);
    const same = runBuilt(['simulate', NATIONAL, '--coalition', HAARLEM, '--cohort', '2000', '--json']);
    expect(JSON.parse(same.stdout)).toEqual(JSON.parse(readFileSync(out, 'utf8')));
  });

  it('render refuses an organisation that no actor has, with a did-you-mean', () => {
    const ran = runBuilt(['render', HAARLEM, '--kind', 'flowchart', '--collapse-organisation', 'gdd', '--lang', 'nl']);
    expect(ran.status).toBe(2);
    expect(ran.stderr).toBe('zorgpaden: --collapse-organisation: geen actor hoort bij "gdd"; bedoelde je "ggd"?\n');
    const english = runBuilt(['render', NATIONAL, '--collapse-organisation', 'Bibliotheek', '--lang', 'en']);
    expect(english.status).toBe(2);
    expect(english.stderr).toMatch(/^zorgpaden: --collapse-organisation: no actor belongs to "Bibliotheek"; the path's organisations are "[^"]+"(, "[^"]+")*\.\n$/);
    const known = runBuilt(['render', HAARLEM, '--kind', 'flowchart', '--collapse-organisation', 'ggd']);
    expect(known.status, known.stderr).toBe(0);
  });
});
