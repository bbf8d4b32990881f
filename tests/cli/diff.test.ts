import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
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
    // the label, the new step and the new transition: nothing more (the copy's menukaart names the
    // same file from its own folder, which is no change)
    expect(kinds.sort()).toEqual(['label-changed', 'step-added', 'transition-added']);
    for (const change of out.changes) {
      expect(change.en).toMatch(/\.$/);
      expect(change.nl).toMatch(/\.$/);
      expect(change.nl).not.toBe(change.en);
    }
    const nl = runBuilt(['diff', ZWANGERSCHAP, edited, '--lang', 'nl']);
    expect(nl.status).toBe(1);
    expect(nl.stdout).toContain('3 verschillen van kansrijke-start/zwangerschap');
    expect(nl.stdout).toContain('Stap "Extra" (extra-stap) toegevoegd.');
  });

  it('says what a second coalition offers differently, by name, and not that it lies in another folder', () => {
    const coalition = JSON.parse(readFileSync(join(ROOT, 'paths', 'coalitions', 'haarlem-huishouden.json'), 'utf8'));
    coalition.id = 'haarlem/zonder-phb';
    coalition.adapts = relative(dir, join(ROOT, 'paths', 'households', 'huishouden-1000-dagen.json'));
    coalition.offers = coalition.offers.filter((key: string) => key !== 'phb-jgz');
    coalition.replaces = { ...coalition.replaces, 'phb-jgz': null };
    const copy = join(dir, 'zonder-phb.json');
    writeFileSync(copy, JSON.stringify(coalition, null, 2));
    const ran = runBuilt(['diff', 'paths/coalitions/haarlem-huishouden.json', copy, '--lang', 'nl']);
    expect(ran.status, ran.stderr).toBe(1);
    const menukaart = JSON.parse(readFileSync(join(ROOT, 'paths', 'menukaart', 'menukaart.json'), 'utf8'));
    expect(ran.stdout).toContain(`(Haarlem): biedt niet meer ${menukaart.interventions['phb-jgz'].label.nl}.`);
    expect(ran.stdout).not.toMatch(/JSON Schema van het pad|Menukaart van het pad/);
  });

  it('reports a menukaart that names another file, and not one that names the same file another way', () => {
    const copy = join(dir, 'menukaart.json');
    writeFileSync(copy, readFileSync(join(ROOT, 'paths', 'menukaart', 'menukaart.json'), 'utf8'));
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ ...JSON.parse(readFileSync(edited, 'utf8')), menukaart: 'menukaart.json' }, null, 2));
    const changes = JSON.parse(runBuilt(['diff', ZWANGERSCHAP, other, '--json']).stdout).changes.map((c: { kind: string; pointer: string }) => `${c.kind} ${c.pointer}`);
    expect(changes).toContain('metadata-changed /menukaart');
    expect(JSON.parse(runBuilt(['diff', ZWANGERSCHAP, edited, '--json']).stdout).changes.map((c: { pointer: string }) => c.pointer)).not.toContain('/menukaart');
  });

  it('sets a coalition beside the path it adapts', () => {
    const ran = runBuilt(['diff', 'paths/coalitions/haarlem.json', '--json']);
    expect(ran.status, ran.stderr).toBe(1);
    const out = JSON.parse(ran.stdout);
    expect(out.before.file).toBe(join('paths', 'national', 'eerste-1000-dagen.json'));
    expect(out.after.file).toBe('paths/coalitions/haarlem.json');
    const coalition = out.changes.find((c: { field?: string }) => c.field === 'coalition');
    // the interventions by their names in the menukaart, not by their keys
    const menukaart = JSON.parse(readFileSync(join(ROOT, 'paths', 'menukaart', 'menukaart.json'), 'utf8'));
    const named = (key: string) => menukaart.interventions[key].label.nl as string;
    expect(coalition.nl).toContain(`biedt niet: ${named('voorzorg')}, ${named('stevig-ouderschap')}`);
    expect(coalition.nl).not.toMatch(/biedt [^;]*centering-pregnancy/);
    const household = JSON.parse(runBuilt(['diff', 'paths/coalitions/haarlem-huishouden.json', '--json']).stdout);
    expect(household.changes.find((c: { field?: string }) => c.field === 'coalition').nl).toContain(`biedt ${named('centering-pregnancy')}, ${named('phb-jgz')}`);
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

  it('writes the changes in the analyst\'s words: step labels, Dutch field names, no "NEXT"', () => {
    const nl = runBuilt(['diff', ZWANGERSCHAP, edited, '--lang', 'nl']);
    expect(nl.stdout).toContain('Naam van stap');
    expect(nl.stdout).not.toMatch(/gewijzigd: (weight|when|handoff|after)\b|bij NEXT/);
  });
});

describe.skipIf(!built)('zorgpaden diff on household paths (the built CLI)', () => {
  const HOUSEHOLD = 'paths/households/huishouden-1000-dagen.json';
  let dir: string;
  let changed: string;
  let broken: string;
  beforeAll(() => {
    dir = tempDir();
    // known edits of a copy of the shipped household path, one of each part the diff reads
    const path = JSON.parse(readFileSync(join(ROOT, HOUSEHOLD), 'utf8'));
    path.menukaart = join(ROOT, 'paths', 'menukaart', 'menukaart.json');
    path.tracks.phb.lead = 'verloskundige';
    path.members.oma = { role: 'partner', label: { nl: 'Oma', en: 'Grandma' } };
    path.steps.signalering.refers[0].accepted = 0.8;
    path.steps.signalering.refers[1].handoff = 'cold';
    path.steps.signalering.detects.debts = 0.9;
    path.steps.nacontrole.refers = [];
    path.steps.bevalling.emits = ['BIRTH', 'KRAAMZORG_START'];
    path.steps['extra-stap'] = { kind: 'outcome', phase: 'postpartum', track: 'sociaal', label: { nl: 'Extra uitkomst', en: 'Extra outcome' }, transitions: [] };
    changed = join(dir, 'huishouden-gewijzigd.json');
    writeFileSync(changed, JSON.stringify(path, null, 2));
    broken = join(dir, 'kapot.json');
    writeFileSync(broken, JSON.stringify({ ...path, tracks: { ...path.tracks, phb: { ...path.tracks.phb, member: 42 } } }, null, 2));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 for a household path against itself', () => {
    const ran = runBuilt(['diff', HOUSEHOLD, HOUSEHOLD, '--lang', 'en']);
    expect(ran.status, ran.stderr).toBe(0);
    expect(ran.stdout).toMatch(/^No differences between kansrijke-start\/huishouden-1000-dagen/);
  });

  it('lists each change of an edited copy, with its kind and pointer in JSON, and exits 1', () => {
    const ran = runBuilt(['diff', HOUSEHOLD, changed, '--json']);
    expect(ran.status, ran.stderr).toBe(1);
    const out = JSON.parse(ran.stdout);
    expect(out.before).toMatchObject({ file: HOUSEHOLD, schemaVersion: 2 });
    expect(out.after.migratedFrom).toBeUndefined();
    expect(out.changes.map((c: { kind: string; pointer: string }) => `${c.kind} ${c.pointer}`)).toEqual([
      'member-added /members/oma',
      'track-changed /tracks/phb',
      'emit-added /steps/bevalling/emits',
      'step-added /steps/extra-stap',
      'referral-removed /steps/nacontrole/refers/0',
      'referral-changed /steps/signalering/refers/0',
      'referral-changed /steps/signalering/refers/1',
      'detection-changed /steps/signalering/detects/debts',
    ]);
    for (const change of out.changes) {
      expect(change.en).toMatch(/\.$/);
      expect(change.nl).toMatch(/\.$/);
    }
  });

  it('says the changes in Dutch with labels and Dutch words, and in English with --lang en', () => {
    const nl = runBuilt(['diff', HOUSEHOLD, changed, '--lang', 'nl']);
    expect(nl.status, nl.stderr).toBe(1);
    expect(nl.stdout).toContain('8 verschillen van kansrijke-start/huishouden-1000-dagen');
    expect(nl.stdout).toContain('  Gezinslid "Oma" (oma, partner) toegevoegd.');
    expect(nl.stdout).toContain('  Spoor "Prenataal huisbezoek" gewijzigd: regie "Jeugdgezondheidszorg (jeugdverpleegkundige, jeugdarts)" → "Verloskundige".');
    expect(nl.stdout).toContain('  Stap "Extra uitkomst" (extra-stap) toegevoegd in spoor "Sociaal domein".');
    expect(nl.stdout).toContain('gewijzigd: overdracht warm → koud.');
    expect(nl.stdout).toContain('gewijzigd: kans dat het gezin de verwijzing aanneemt 70% → 80%.');
    expect(nl.stdout).toContain('meldt nu gebeurtenis KRAAMZORG_START.');
    expect(nl.stdout).toContain('risico "Problematische schulden" signaleert gewijzigd: 70% → 90%.');
    const en = runBuilt(['diff', HOUSEHOLD, changed, '--lang', 'en']);
    expect(en.stdout).toContain('  Track "Prenatal home visit" changed: lead (regie) "Youth health care (nurse, doctor)" → "Midwife".');
    expect(en.stdout).toContain('changed: handoff warm → cold.');
    expect(en.stdout).not.toMatch(/ gewijzigd[:.]|Verwijzing|toegevoegd/);
  });

  it('compares a version 1 path with a household path after migrating it, and says so', () => {
    const text = runBuilt(['diff', 'paths/national/zwangerschap.json', HOUSEHOLD, '--lang', 'en']);
    expect(text.status, text.stderr).toBe(1);
    expect(text.stdout).toMatch(/^\d+ differences from kansrijke-start\/zwangerschap 3\.0\.0 \(paths\/national\/zwangerschap\.json, version 1, migrated to a household path\) to kansrijke-start\/huishouden-1000-dagen/);
    const json = JSON.parse(runBuilt(['diff', 'paths/national/zwangerschap.json', HOUSEHOLD, '--json']).stdout);
    expect(json.before).toMatchObject({ migratedFrom: 1, schemaVersion: 2 });
    // the migration's one track "zorg" gives way to the household path's tracks
    expect(json.changes).toContainEqual(expect.objectContaining({ kind: 'track-removed', track: 'zorg' }));
  });

  it('sets a coalition over a household path beside the path it adapts', () => {
    const ran = runBuilt(['diff', 'paths/coalitions/haarlem-huishouden.json', '--json']);
    expect(ran.status, ran.stderr).toBe(1);
    const out = JSON.parse(ran.stdout);
    expect(out.before.file).toBe(join('paths', 'households', 'huishouden-1000-dagen.json'));
    expect(out.changes.find((c: { field?: string }) => c.field === 'coalition').nl).toMatch(/^Coalitie "kansrijke-start\/coalities\/haarlem-huishouden" \(Haarlem\) toegepast/);
    const coalition = JSON.parse(readFileSync(join(ROOT, 'paths', 'coalitions', 'haarlem-huishouden.json'), 'utf8'));
    const added = out.changes.filter((c: { kind: string }) => c.kind === 'step-added').map((c: { step: string }) => c.step);
    expect(added.sort()).toEqual(Object.keys(coalition.steps ?? {}).sort());
  });

  it('refuses one household path alone, and a household path with errors (exit 2)', () => {
    const one = runBuilt(['diff', HOUSEHOLD]);
    expect(one.status).toBe(2);
    expect(one.stderr).toContain('one coalition file');
    const bad = runBuilt(['diff', HOUSEHOLD, broken, '--json']);
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, exitCode: 2 });
  });
});
