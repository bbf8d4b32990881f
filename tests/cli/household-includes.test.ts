import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, ROOT, runBuilt, tempDir } from './built-cli.js';

const DIR = 'tests/fixtures/household/includes';
const MAIN = join(DIR, 'gezin.json');
const FLAT = join(DIR, 'flat.json');

describe.skipIf(!built)('commands on a household path with includes (the built CLI)', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('checks, simulates and renders it as the same path written out by hand', () => {
    const checked = runBuilt(['check', MAIN, '--lang', 'en']);
    expect(checked.stderr).toBe('');
    expect(checked.status).toBe(0);
    for (const command of [['simulate', '--cohort', '200', '--seed', '3', '--json'], ['render', '--kind', 'flowchart']]) {
      const composed = runBuilt([command[0]!, MAIN, ...command.slice(1)]);
      const flat = runBuilt([command[0]!, FLAT, ...command.slice(1)]);
      expect(composed.status, composed.stderr).toBe(0);
      expect(composed.stdout).toBe(flat.stdout);
    }
  });

  it('writes the report', () => {
    const out = join(dir, 'rapport.html');
    const ran = runBuilt(['report', MAIN, '-o', relative(ROOT, out)]);
    expect(ran.status, ran.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Schuldhulpverlening');
  });

  it('shows a mistake inside an included file at its file and line', () => {
    mkdirSync(join(dir, 'gedeeld'), { recursive: true });
    for (const file of ['gezin.json', 'gedeeld/jgz.yaml', 'gedeeld/consultaties.json']) writeFileSync(join(dir, file), readFileSync(join(DIR, file), 'utf8'));
    const broken = readFileSync(join(DIR, 'gedeeld/schuldhulp.json'), 'utf8').replace('"to": "klaar", "after": 120', '"to": "klaarr", "after": 120');
    writeFileSync(join(dir, 'gedeeld/schuldhulp.json'), broken);
    const line = broken.split('\n').findIndex((l) => l.includes('"klaarr"')) + 1;
    const ran = runBuilt(['check', relative(ROOT, join(dir, 'gezin.json')), '--lang', 'en']);
    expect(ran.status).toBe(1);
    expect(ran.stdout + ran.stderr).toContain(`${relative(ROOT, join(dir, 'gedeeld', 'schuldhulp.json'))}:${line}:`);
    expect(ran.stdout + ran.stderr).toContain('unknown-target');
  });
});
