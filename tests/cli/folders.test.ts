import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { built, ROOT, runBuilt, tempDir } from './built-cli.js';

// these cases read the English messages; every command speaks Dutch unless told otherwise
beforeAll(() => void vi.stubEnv('ZORGPADEN_LANG', 'en'));
afterAll(() => void vi.unstubAllEnvs());

describe.skipIf(!built)('validate and check on a folder (the built CLI)', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    const path = JSON.parse(readFileSync(join(ROOT, 'paths', 'national', 'zwangerschap.json'), 'utf8'));
    path.menukaart = join(ROOT, 'paths', 'menukaart', 'menukaart.json');
    delete path.$schema;
    mkdirSync(join(dir, 'werk', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'werk', 'pad.json'), JSON.stringify(path, null, 2));
    writeFileSync(join(dir, 'werk', 'zorgpaden.config.json'), '{ "rules": { "cold-handoff": "off" } }');
    writeFileSync(join(dir, 'werk', 'package.json'), '{ "name": "werk", "version": "1.0.0" }');
    // a path that lost its schemaVersion is still content with a mistake, not something to skip
    const broken = { ...path };
    delete broken.schemaVersion;
    writeFileSync(join(dir, 'werk', 'sub', 'kapot.json'), JSON.stringify(broken, null, 2));
    writeFileSync(join(dir, 'werk', 'notities.txt'), 'not read');
    expect(runBuilt(['simulate', join(dir, 'werk', 'pad.json'), '--cohort', '100', '-o', join(dir, 'werk', 'sim.json')]).status).toBe(0);
    expect(runBuilt(['validate', join(dir, 'werk', 'pad.json'), '--format', 'sarif', '-o', join(dir, 'werk', 'findings.sarif.json')]).status).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every JSON and YAML file below the folder and skips each non-content file with one line', () => {
    for (const command of ['validate', 'check']) {
      const ran = runBuilt([command, 'werk', '--root', ROOT], dir);
      expect(ran.status, `${command}\n${ran.stdout}`).toBe(1);
      expect(ran.stderr.split('\n').filter(Boolean).sort()).toEqual([
        'skipped: werk/findings.sarif.json is a SARIF report, not a content file.',
        'skipped: werk/package.json is an npm package manifest, not a content file.',
        'skipped: werk/sim.json is a simulation result (zorgpaden simulate -o), not a content file.',
        'skipped: werk/zorgpaden.config.json is a validate config, not a content file.',
      ]);
      // the one real mistake, and nothing from the skipped files
      expect(ran.stdout).toContain('werk/sub/kapot.json');
      expect(ran.stdout).not.toMatch(/sim\.json|package\.json|sarif|config\.json/);
    }
    expect(runBuilt(['check', 'werk', '--root', ROOT], dir).stdout).toMatch(/^2 files checked: 1 error, 0 warnings\.$/m);
  });

  it('refuses a folder without content files', () => {
    mkdirSync(join(dir, 'leeg'));
    const ran = runBuilt(['validate', 'leeg', '--lang', 'nl'], dir);
    expect(ran.status).toBe(2);
    expect(ran.stderr).toBe('zorgpaden: "leeg" is een map zonder JSON- of YAML-bestanden; geef een map met inhoudsbestanden, of de bestanden zelf.\n');
  });
});
