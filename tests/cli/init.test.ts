import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadPath } from '../../src/node/index.js';
import { built, ROOT, runBuilt, tempDir } from './built-cli.js';

describe.skipIf(!built)('zorgpaden init (the built CLI)', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a starter coalition with every role and every menukaart intervention, which loads and validates', async () => {
    const ran = runBuilt(['init', "'s-Hertogenbosch", '-o', 'coalitie.yaml'], dir);
    expect(ran.status, ran.stderr).toBe(0);
    const national = await loadPath(join(ROOT, 'paths', 'national', 'eerste-1000-dagen.json'));
    const menukaart = JSON.parse(readFileSync(join(ROOT, 'paths', 'menukaart', 'menukaart.json'), 'utf8'));
    const roles = Object.keys(national.actors).length;
    expect(ran.stderr).toBe(`Startcoalitie geschreven: coalitie.yaml (${roles} rollen, ${Object.keys(menukaart.interventions).length} interventies in te vullen)\n`);
    const text = readFileSync(join(dir, 'coalitie.yaml'), 'utf8');
    const coalition = parse(text);
    expect(coalition).toMatchObject({ kind: 'coalition', id: 'coalities/s-hertogenbosch', municipality: "'s-Hertogenbosch", replaces: {} });
    expect(Object.keys(coalition.partners).sort()).toEqual(Object.keys(national.actors).sort());
    expect(coalition.offers).toEqual(Object.keys(menukaart.interventions).sort());
    // a comment at every partner and every intervention says what it is
    for (const key of Object.keys(national.actors)) expect(text).toMatch(new RegExp(`^  ${key}: # .+$`, 'm'));
    for (const key of Object.keys(menukaart.interventions)) expect(text).toMatch(new RegExp(`^  - ${key} # .+$`, 'm'));
    // the later commands run from the repository, which holds both the coalition and the path it adapts
    const check = runBuilt(['check', join(dir, 'coalitie.yaml')]);
    expect(check.status, check.stdout).toBe(0);
    const validate = runBuilt(['validate', join(dir, 'coalitie.yaml'), '--json']);
    expect(validate.status, validate.stdout).toBe(0);
    // applied, it changes the organisations and nothing else of the path
    const diff = JSON.parse(runBuilt(['diff', join(dir, 'coalitie.yaml'), '--json']).stdout);
    expect(new Set(diff.changes.map((c: { kind: string; field?: string }) => c.field ?? c.kind))).toEqual(new Set(['coalition', 'actor-changed']));
  });

  it('writes English comments with --lang en, and never over an existing file', () => {
    const ran = runBuilt(['init', 'Haarlem', '--lang', 'en', '--path', join(ROOT, 'paths', 'national', 'zwangerschap.json')], dir);
    expect(ran.status, ran.stderr).toBe(0);
    expect(ran.stdout).toMatch(/^# Kansrijke Start coalition Haarlem: a starter written by "zorgpaden init"\.\n/);
    expect(readFileSync(join(dir, parse(ran.stdout).adapts), 'utf8')).toBe(readFileSync(join(ROOT, 'paths', 'national', 'zwangerschap.json'), 'utf8'));
    const again = runBuilt(['init', 'Haarlem', '-o', 'coalitie.yaml'], dir);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('wordt niet overschreven');
  });

  it('refuses a name without letters or digits, and a coalition as the path', () => {
    expect(runBuilt(['init', '---'], dir).status).toBe(2);
    const ran = runBuilt(['init', 'Haarlem', '--path', join(ROOT, 'paths', 'coalitions', 'haarlem.json'), '--lang', 'en'], dir);
    expect(ran.status).toBe(2);
    expect(ran.stderr).toContain('is a coalition; give the path it adapts with --path');
  });

  it('refuses a household path by name, as calibrate does (exit 2)', () => {
    const household = join(ROOT, 'paths', 'households', 'huishouden-1000-dagen.json');
    const init = runBuilt(['init', 'Haarlem', '--path', household, '--lang', 'en'], dir);
    expect(init.status).toBe(2);
    expect(init.stderr).toContain('zorgpaden init does not support household paths (format version 2) yet');
    expect(init.stderr).toContain('init reads a care path of format version 1 to adapt.');
    const calibrate = runBuilt(['calibrate', household, '--targets', 'targets.json', '--lang', 'en'], dir);
    expect(calibrate.status).toBe(2);
    expect(calibrate.stderr).toContain('zorgpaden calibrate does not support household paths (format version 2) yet');
  });
});
