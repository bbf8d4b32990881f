import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { built, ROOT, runBuilt, tempDir } from './built-cli.js';

// these cases read the English messages; every command speaks Dutch unless told otherwise
beforeAll(() => void vi.stubEnv('ZORGPADEN_LANG', 'en'));
afterAll(() => void vi.unstubAllEnvs());

const ZWANGERSCHAP = join(ROOT, 'paths', 'national', 'zwangerschap.json');

describe.skipIf(!built)('zorgpaden diff (the built CLI)', () => {
  let dir: string;
  let edited: string;
  beforeAll(() => {
    dir = tempDir();
    // three known edits: a label, a removed transition and a new step
    const path = JSON.parse(readFileSync(ZWANGERSCHAP, 'utf8'));
    const first = Object.keys(path.steps)[0]!;
    path.menukaart = join(ROOT, 'paths', 'menukaart', 'menukaart.json');
    path.steps[first].label = { nl: 'Nieuwe naam', en: 'New name' };
    const initial = path.steps[path.initial];
    const removed = initial.transitions.pop();
    path.steps['extra-stap'] = { kind: 'outcome', phase: 'pregnancy', label: { nl: 'Extra', en: 'Extra' }, transitions: [] };
    initial.transitions.push(removed, { to: 'extra-stap', weight: 0 });
    edited = join(dir, 'edited.json');
    writeFileSync(edited, JSON.stringify(path, null, 2));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 and says so when two versions are the same', () => {
    const ran = runBuilt(['diff', 'paths/national/zwangerschap.json', 'paths/national/zwangerschap.json']);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toMatch(/^No differences between kansrijke-start\/zwangerschap/);
  });

  it('lists each change of an edited version as a sentence and exits 1', () => {
    const ran = runBuilt(['diff', ZWANGERSCHAP, edited, '--json']);
    expect(ran.status, ran.stderr).toBe(1);
    const out = JSON.parse(ran.stdout);
    expect(out.identical).toBe(false);
    const kinds = out.changes.map((c: { kind: string }) => c.kind);
    // the menukaart field, the label, the new step and the new transition: nothing more
    expect(kinds.sort()).toEqual(['label-changed', 'metadata-changed', 'step-added', 'transition-added']);
    for (const change of out.changes) {
      expect(change.en).toMatch(/\.$/);
      expect(change.nl).toMatch(/\.$/);
      expect(change.nl).not.toBe(change.en);
    }
    const nl = runBuilt(['diff', ZWANGERSCHAP, edited, '--lang', 'nl']);
    expect(nl.status).toBe(1);
    expect(nl.stdout).toContain('4 verschillen van kansrijke-start/zwangerschap');
    expect(nl.stdout).toContain('Stap "extra-stap" (Extra) toegevoegd.');
  });

  it('sets a coalition beside the path it adapts', () => {
    const ran = runBuilt(['diff', 'paths/coalitions/haarlem.json', '--json']);
    expect(ran.status, ran.stderr).toBe(1);
    const out = JSON.parse(ran.stdout);
    expect(out.before.file).toBe(join('paths', 'national', 'eerste-1000-dagen.json'));
    expect(out.after.file).toBe('paths/coalitions/haarlem.json');
    const coalition = out.changes.find((c: { field?: string }) => c.field === 'coalition');
    expect(coalition.nl).toContain('biedt niet: voorzorg, stevig-ouderschap');
    // every partner of the coalition that fills an actor of the path changes that actor's organisation
    const haarlem = JSON.parse(readFileSync(join(ROOT, 'paths', 'coalitions', 'haarlem.json'), 'utf8'));
    const actors = out.changes.filter((c: { kind: string }) => c.kind === 'actor-changed').map((c: { actor: string }) => c.actor);
    expect(actors.sort()).toEqual(Object.keys(haarlem.partners).sort());
  });

  it('refuses one file that is not a coalition, and a file that does not exist', () => {
    const one = runBuilt(['diff', 'paths/national/zwangerschap.json']);
    expect(one.status).toBe(2);
    expect(one.stderr).toContain('one coalition file');
    const missing = runBuilt(['diff', 'paths/national/zwangerschap.json', 'nope.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.json');
  });

  it('exits 2, not 1 ("different"), for a file that cannot be compared, also with --json', () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "schemaVersion": 1,\n');
    const text = runBuilt(['diff', broken, 'paths/national/zwangerschap.json']);
    expect(text.stderr).toContain('error invalid-json');
    expect(text.status).toBe(2);
    const json = runBuilt(['diff', 'paths/national/zwangerschap.json', broken, '--json']);
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, exitCode: 2, diagnostics: [{ code: 'invalid-json' }] });
  });

  it('says that it does not read household paths yet, naming the file and the commands that do (exit 2)', () => {
    const household = 'paths/households/huishouden-1000-dagen.json';
    for (const argv of [['diff', household, household], ['diff', 'paths/national/zwangerschap.json', household]]) {
      const run = runBuilt(argv);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`zorgpaden diff does not support household paths (format version 2) yet, and "${household}" is one: diff reads care paths of format version 1 and coalitions.`);
      expect(run.stderr).toContain('Household paths are read by `validate`, `check`, `simulate`, `coverage`, `render`, `report`, `compare`, `route` and `apply`.');
      expect(run.stderr).not.toContain('reads up to 1');
    }
    const nl = runBuilt(['diff', household, household, '--lang', 'nl']);
    expect(nl.stderr).toContain('zorgpaden diff werkt nog niet met huishoudpaden (formaatversie 2)');
  });
});
