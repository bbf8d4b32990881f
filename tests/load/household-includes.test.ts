import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceOf } from '../../src/diagnostics/index.js';
import { safeParseHouseholdPath } from '../../src/load/index.js';
import { safeParseHouseholdPathData } from '../../src/model/index.js';
import { safeLoadHouseholdPath } from '../../src/node/index.js';
import { simulateHousehold } from '../../src/simulate/household-simulate.js';
import { validateHouseholdPath } from '../../src/validate/validate-household.js';

const DIR = 'tests/fixtures/household/includes';
const MAIN = join(DIR, 'gezin.json');
const FLAT = join(DIR, 'flat.json');
const SCHULD = join(DIR, 'gedeeld', 'schuldhulp.json');
const JGZ = join(DIR, 'gedeeld', 'jgz.yaml');
const OUT = join('test-output', 'household-includes');

function lineContaining(file: string, needle: string, after = 0): number {
  const lines = readFileSync(file, 'utf8').split('\n');
  return lines.findIndex((line, i) => i >= after && line.includes(needle)) + 1;
}

/** Writes a variant of the fixture folder under test-output and returns the main file's name. */
function variant(name: string, edit: (files: Record<string, string>) => void): string {
  const files: Record<string, string> = {
    'gezin.json': readFileSync(MAIN, 'utf8'),
    'gedeeld/schuldhulp.json': readFileSync(SCHULD, 'utf8'),
    'gedeeld/jgz.yaml': readFileSync(JGZ, 'utf8'),
    'gedeeld/consultaties.json': readFileSync(join(DIR, 'gedeeld', 'consultaties.json'), 'utf8'),
  };
  edit(files);
  const dir = join(OUT, name);
  mkdirSync(join(dir, 'gedeeld'), { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return join(dir, 'gezin.json');
}

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe('includes in a household path', () => {
  it('gives the same path as the one with the included steps written out by hand', async () => {
    const composed = await safeLoadHouseholdPath(MAIN);
    const flat = await safeLoadHouseholdPath(FLAT);
    expect(composed.diagnostics).toEqual([]);
    if (!composed.ok || !flat.ok) throw new Error('fixtures did not load');
    expect(composed.value.includes).toBeUndefined();
    expect(composed.value.steps).toEqual(flat.value.steps);
    expect(composed.value.actors).toEqual(flat.value.actors);
    expect(composed.value.tracks).toEqual(flat.value.tracks);
    // and so it validates and simulates the same, visit for visit
    expect(validateHouseholdPath(composed.value).diagnostics).toEqual(validateHouseholdPath(flat.value).diagnostics);
    const a = simulateHousehold(composed.value, { cohort: 300, seed: 7 });
    const b = simulateHousehold(flat.value, { cohort: 300, seed: 7 });
    expect(a.visits).toEqual(b.visits);
    expect(a.visits['jgz/consult/consultatie']).toBeGreaterThan(0);
  });

  it('maps pointers into the included files, nested ones too, and a step’s track to its include', async () => {
    const result = await safeLoadHouseholdPath(MAIN);
    if (!result.ok) throw new Error('fixture did not load');
    const locator = sourceOf(result.value)!;
    expect(locator.locate('/steps/schuld~1schuldhulp/addresses')).toMatchObject({ file: SCHULD, pointer: '/steps/schuldhulp/addresses', line: lineContaining(SCHULD, '"addresses"') });
    const consult = join(DIR, 'gedeeld', 'consultaties.json');
    expect(locator.locate('/steps/jgz~1consult~1consultatie/label')).toMatchObject({ file: consult, pointer: '/steps/consultatie/label', line: lineContaining(consult, '"label": { "nl": "Consultatie"') });
    // a transition rerouted by connect points at the connect entry in the file that wrote it
    expect(locator.locate('/steps/jgz~1consult~1consultatie/transitions/0/to')).toMatchObject({ file: JGZ, pointer: '/includes/0/connect/klaar', line: lineContaining(JGZ, 'connect:') });
    expect(locator.locate('/steps/jgz~1hielprik/track')).toMatchObject({ file: MAIN, pointer: '/includes/1/track', line: lineContaining(MAIN, '"as": "jgz"') });
    expect(locator.locate('/steps/intake/refers/0/to')).toMatchObject({ file: MAIN, line: lineContaining(MAIN, '"schuld/wijkteam-intake"') });
  });

  it('reports an unknown track once, at the include, with the closest track', async () => {
    const file = variant('unknown-track', (f) => (f['gezin.json'] = f['gezin.json']!.replace('"track": "sociaal" }', '"track": "sociaall" }')));
    const result = await safeLoadHouseholdPath(file);
    expect(result.ok).toBe(false);
    const tracks = result.diagnostics.filter((d) => d.code === 'unknown-track');
    expect(tracks).toHaveLength(1);
    expect(tracks[0]).toMatchObject({ file, pointer: '/includes/0/track', line: lineContaining(file, '"sociaall"') });
    expect(tracks[0]!.hint).toContain('"sociaal"');
  });

  it('reports a problem inside an included file at that file, with its line', async () => {
    const file = variant('bad-actor', (f) => (f['gedeeld/schuldhulp.json'] = f['gedeeld/schuldhulp.json']!.replace('"actor": "wijkteam",\n      "label": { "nl": "Schuldhulpverlening"', '"actor": "wijkteem",\n      "label": { "nl": "Schuldhulpverlening"')));
    const result = await safeLoadHouseholdPath(file);
    const included = join(OUT, 'bad-actor', 'gedeeld', 'schuldhulp.json');
    expect(result.diagnostics.map((d) => [d.code, d.file, d.pointer, d.line])).toEqual([['unknown-actor', included, '/steps/schuldhulp/actor', lineContaining(included, '"wijkteem"')]]);
    const syntax = variant('bad-syntax', (f) => (f['gedeeld/jgz.yaml'] = f['gedeeld/jgz.yaml']!.replace('kind: screening', 'kind: screenning')));
    const shaped = await safeLoadHouseholdPath(syntax);
    expect(shaped.diagnostics[0]).toMatchObject({ file: join(OUT, 'bad-syntax', 'gedeeld', 'jgz.yaml'), pointer: '/steps/hielprik/kind' });
  });

  it('refuses a missing file, a cycle, too deep nesting and a file outside the root at the include', async () => {
    const missing = variant('missing', (f) => (f['gezin.json'] = f['gezin.json']!.replace('gedeeld/jgz.yaml', 'gedeeld/jgz.yml')));
    expect((await safeLoadHouseholdPath(missing)).diagnostics.map((d) => [d.code, d.pointer, d.file])).toEqual([['include-not-found', '/includes/1/path', missing]]);

    const cycle = variant('cycle', (f) => (f['gedeeld/consultaties.json'] = f['gedeeld/consultaties.json']!.replace('"initial"', '"includes": [{ "path": "../gezin.json", "as": "terug" }],\n  "initial"')));
    const cycled = await safeLoadHouseholdPath(cycle);
    expect(cycled.ok).toBe(false);
    expect(cycled.diagnostics.map((d) => d.code)).toEqual(['include-cycle']);
    expect(cycled.diagnostics[0]!.message).toContain('gezin.json');
    expect(cycled.diagnostics[0]!.file).toBe(join(OUT, 'cycle', 'gedeeld', 'consultaties.json'));

    const deep = await safeLoadHouseholdPath(MAIN, { limits: { maxIncludeDepth: 1 } });
    expect(deep.diagnostics.map((d) => [d.code, d.file, d.pointer])).toEqual([['include-too-deep', JGZ, '/includes/0/path']]);

    const outside = variant('outside', (f) => (f['gezin.json'] = f['gezin.json']!.replace('gedeeld/schuldhulp.json', '../../../../tests/fixtures/household/includes/gedeeld/schuldhulp.json')));
    const refused = await safeLoadHouseholdPath(outside, { root: join(OUT, 'outside') });
    expect(refused.diagnostics.map((d) => [d.code, d.pointer, d.file])).toEqual([['outside-root', '/includes/0/path', outside]]);
  });

  it('refuses two includes under one prefix, and an included step that clashes with a step of the household', async () => {
    const twice = variant('twice', (f) => (f['gezin.json'] = f['gezin.json']!.replace('"as": "jgz"', '"as": "schuld"')));
    expect((await safeLoadHouseholdPath(twice)).diagnostics.map((d) => [d.code, d.pointer])).toEqual([['include-conflict', '/includes/1/as']]);
    const clash = variant('clash', (f) => (f['gezin.json'] = f['gezin.json']!.replace('"zorg-klaar": {', '"schuld/klaar": { "kind": "outcome", "phase": "postpartum", "track": "sociaal", "label": { "nl": "x" } },\n    "zorg-klaar": {')));
    expect((await safeLoadHouseholdPath(clash)).diagnostics.map((d) => [d.code, d.pointer])).toContainEqual(['include-conflict', '/includes/0/as']);
  });

  it('parses text without a file system into a clear diagnostic, not a crash', () => {
    const result = safeParseHouseholdPath(readFileSync(MAIN, 'utf8'), { filename: MAIN });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['file-unreadable', 'file-unreadable']);
  });

  it('leaves a household path without includes as it was', async () => {
    const result = await safeLoadHouseholdPath(FLAT);
    expect(result.ok).toBe(true);
    const data = safeParseHouseholdPathData(JSON.parse(readFileSync(FLAT, 'utf8')));
    expect(result.ok && result.value).toEqual(data.ok && data.value);
  });
});
