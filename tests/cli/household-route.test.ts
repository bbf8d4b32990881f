import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { built, ROOT, runBuilt, tempDir } from './built-cli.js';

// these cases read the English messages; every command speaks Dutch unless told otherwise
beforeAll(() => void vi.stubEnv('ZORGPADEN_LANG', 'en'));
afterAll(() => void vi.unstubAllEnvs());

const PATH = 'paths/households/huishouden-1000-dagen.json';
const ROUTE = 'paths/routes/romy-en-kevin-huishouden.json';

describe.skipIf(!built)('zorgpaden route on a household path (the built CLI)', () => {
  let dir: string;
  beforeAll(() => void (dir = tempDir()));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The shipped route with one step changed, written where the CLI may read it; its path field still names the shipped path. */
  function broken(step: string, change: Record<string, unknown>): string {
    const route = JSON.parse(readFileSync(join(ROOT, ROUTE), 'utf8')) as { path: string; steps: Record<string, unknown>[] };
    const index = route.steps.findIndex((s) => s.step === step);
    route.steps[index] = { ...route.steps[index], ...change };
    route.path = relative(dir, join(ROOT, PATH));
    const file = join(dir, `${step}.json`);
    writeFileSync(file, JSON.stringify(route, null, 2));
    return relative(ROOT, file);
  }

  it('exits 0 for the shipped household route, with the number of tracks it follows', () => {
    const ran = runBuilt(['route', PATH, ROUTE]);
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    expect(ran.stdout).toMatch(/^Route kansrijke-start\/routes\/romy-en-kevin-huishouden fits kansrijke-start\/huishouden-1000-dagen \(38 steps in 7 tracks\)\.\n$/);
  });

  it('exits 1 for a step in the wrong track, naming the file, line, pointer and fix, in English and Dutch', () => {
    const file = broken('wijkteam-intake', { track: 'partner' });
    const line = 1 + readFileSync(join(ROOT, file), 'utf8').split('\n').findIndex((l) => l.includes('"step": "wijkteam-intake"'));
    const en = runBuilt(['route', PATH, file, '--lang', 'en']);
    expect(en.status).toBe(1);
    expect(en.stdout).toContain('does not fit kansrijke-start/huishouden-1000-dagen: at step 4 ("wijkteam-intake", track partner): the step belongs to another track.');
    // as validate prints findings: the name as given, the source line and a caret under it
    expect(en.stdout).toMatch(new RegExp(`^${file.replaceAll('.', '\\.')}:${line + 1}:\\d+ - error route-wrong-track`, 'm'));
    expect(en.stdout).toMatch(/\n\d+ +"track": "partner"\n +\^\n/);
    expect(en.stdout).toContain('error route-wrong-track: Step "wijkteam-intake" is in track "sociaal", not in "partner".');
    expect(en.stdout).toContain('hint: Leave "track" out');
    const nl = runBuilt(['route', PATH, file, '--lang', 'nl']);
    expect(nl.status).toBe(1);
    expect(nl.stdout).toContain('fout route-wrong-track: Stap "wijkteam-intake" hoort bij spoor "sociaal", niet bij "partner".');
  });

  it('gives no tip towards the route\'s own "path" when that file is not there, or is the path given under another name', () => {
    const route = JSON.parse(readFileSync(join(ROOT, ROUTE), 'utf8')) as { path: string; steps: Record<string, unknown>[] };
    route.steps[3] = { ...route.steps[3], track: 'partner' };
    // copied elsewhere: its "path" still names ../households/…, which is not beside the copy
    const copied = join(dir, 'copied.json');
    writeFileSync(copied, JSON.stringify(route, null, 2));
    expect(existsSync(join(dir, route.path))).toBe(false);
    // beside a copy of the shipped path: the same path, under another name
    const twin = join(dir, 'twin.json');
    writeFileSync(twin, JSON.stringify({ ...route, path: 'own-copy.json' }, null, 2));
    writeFileSync(join(dir, 'own-copy.json'), readFileSync(join(ROOT, PATH), 'utf8'));
    for (const file of [copied, twin]) {
      for (const lang of ['en', 'nl']) {
        const ran = runBuilt(['route', PATH, relative(ROOT, file), '--lang', lang]);
        expect(ran.status, ran.stderr).toBe(1);
        expect(ran.stdout).toContain('route-wrong-track');
        expect(ran.stdout).not.toMatch(/hint: this route belongs|tip: deze route hoort bij/);
      }
    }
  });

  it('prints the fit as JSON with the diagnostic', () => {
    const file = broken('schuldhulpverlening', { step: 'schuldhulp-verlening' });
    const ran = runBuilt(['route', PATH, file, '--json']);
    expect(ran.status).toBe(1);
    const json = JSON.parse(ran.stdout) as { fits: boolean; deviation: { kind: string; index: number }; diagnostics: { code: string; pointer: string; message: string }[]; tracks: Record<string, string> };
    expect(json.fits).toBe(false);
    expect(json.deviation).toMatchObject({ kind: 'unknown-step', index: 9 });
    expect(json.diagnostics[0]).toMatchObject({ code: 'route-unknown-step', pointer: '/steps/9/step' });
    expect(json.diagnostics[0]!.message).toContain('did you mean "schuldhulpverlening"?');
    expect(json.tracks.sociaal).toBe('wijkteam-intake');
  });

  it('accepts a route still under way with --allow-unfinished', () => {
    const route = JSON.parse(readFileSync(join(ROOT, ROUTE), 'utf8')) as { path: string; steps: { step: string }[] };
    route.steps = route.steps.slice(0, route.steps.findIndex((s) => s.step === 'bevalling') + 1);
    route.path = relative(dir, join(ROOT, PATH));
    const file = relative(ROOT, join(dir, 'under-way.json'));
    writeFileSync(join(ROOT, file), JSON.stringify(route));
    expect(runBuilt(['route', PATH, file]).status).toBe(1);
    expect(runBuilt(['route', PATH, file, '--allow-unfinished']).status).toBe(0);
  });

  it('applies --coalition over a household path, and the route is checked against the adapted path', () => {
    const ran = runBuilt(['route', PATH, ROUTE, '--coalition', 'paths/coalitions/haarlem-huishouden.json']);
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain('fits kansrijke-start/huishouden-1000-dagen');
  });
});
