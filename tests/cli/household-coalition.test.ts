import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { built, ROOT, runBuilt, tempDir } from './built-cli.js';

// these cases read the English messages; every command speaks Dutch unless told otherwise
beforeAll(() => void vi.stubEnv('ZORGPADEN_LANG', 'en'));
afterAll(() => void vi.unstubAllEnvs());

const COALITION = 'paths/coalitions/haarlem-huishouden.json';
const BROKEN = 'tests/fixtures/load/household-coalition/broken.json';
const LOCAL_STEP = 'haarlem/kennismaking-centering';

describe.skipIf(!built)('a coalition over a household path (the built CLI)', () => {
  let dir: string;
  beforeAll(() => void (dir = tempDir()));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('apply writes the household path with the coalition applied, its files named from where it is written', () => {
    const out = relative(ROOT, join(dir, 'haarlem-huishouden.json'));
    const ran = runBuilt(['apply', COALITION, '-o', out]);
    expect(ran.status).toBe(0);
    expect(ran.stderr).toContain('coalition kansrijke-start/coalities/haarlem-huishouden over kansrijke-start/huishouden-1000-dagen');
    const written = JSON.parse(readFileSync(join(ROOT, out), 'utf8')) as { schemaVersion: number; menukaart: string; coalition: { id: string }; steps: Record<string, { track: string }>; actors: Record<string, { organisation?: string }> };
    expect(written.schemaVersion).toBe(2);
    expect(written.coalition.id).toBe('kansrijke-start/coalities/haarlem-huishouden');
    expect(written.steps[LOCAL_STEP]!.track).toBe('geboortezorg');
    expect(written.actors.wijkteam!.organisation).toBe('Sociaal wijkteam, buurtteam of CJG (niet genoemd in het memo)');
    expect(join(dir, written.menukaart)).toBe(join(ROOT, 'paths/menukaart/menukaart.json'));
    // the written path is a household path like any other
    const validated = runBuilt(['validate', out]);
    expect(validated.stdout + validated.stderr).toContain('No problems found.');
    expect(validated.status).toBe(0);
  });

  it('apply says when the path it wrote names a menukaart outside the root of the folder it was written to, and how to read it', () => {
    // within the repository the written file's root holds the menukaart: no hint
    expect(runBuilt(['apply', COALITION, '-o', relative(ROOT, join(dir, 'inside.json'))]).stderr).not.toMatch(/hint/);
    const elsewhere = mkdtempSync(join(tmpdir(), 'zorgpaden-apply-'));
    try {
      const out = join(elsewhere, 'applied.json');
      const ran = runBuilt(['apply', COALITION, '-o', out]);
      expect(ran.status, ran.stderr).toBe(0);
      const hint = ran.stderr.split('\n').find((line) => line.startsWith('hint: '));
      expect(hint).toContain(`names the menukaart "${relative(elsewhere, join(ROOT, 'paths/menukaart/menukaart.json'))}", which lies outside the file's root "${elsewhere}"`);
      const root = /--root (\S+)/.exec(hint!)![1]!;
      // the root it advises reads the written file as written
      expect(runBuilt(['validate', out, '--root', root], elsewhere).status).toBe(0);
      expect(runBuilt(['validate', out], elsewhere).stdout).toContain('outside-root');
      expect(runBuilt(['apply', COALITION, '-o', join(elsewhere, 'nl.json'), '--lang', 'nl']).stderr).toContain('tip: ');
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('validate checks the shipped coalition over the household path, and points into a broken one with file, line and hint', () => {
    const ok = runBuilt(['validate', COALITION]);
    expect(ok.stdout).toContain('No problems found.');
    expect(ok.status).toBe(0);
    const broken = runBuilt(['validate', BROKEN]);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain(`${BROKEN}:12:5 - error local-step-without-track`);
    expect(broken.stdout).toContain(`${BROKEN}:16:39 - error transition-across-tracks`);
    expect(broken.stdout).toContain('hint: A transition stays inside its track, and a coalition cannot add a referral ("refers")');
    expect(broken.stdout).toContain(`${BROKEN}:10:17 - error replacement-other-track`);
    const nl = runBuilt(['validate', BROKEN, '--lang', 'nl']);
    expect(nl.stdout).toContain('fout replacement-other-track: Interventie "gezinsprogramma" wordt vervangen door "lokaal/zorgcoach" in spoor "zorg"');
  });

  it('simulate runs the coalition as its applied household path: the same figures for the same seed', () => {
    const applied = relative(ROOT, join(dir, 'applied.json'));
    expect(runBuilt(['apply', COALITION, '-o', applied]).status).toBe(0);
    const args = ['--cohort', '3000', '--seed', '7', '--json'];
    const fromCoalition = runBuilt(['simulate', COALITION, ...args]);
    const fromFile = runBuilt(['simulate', applied, ...args]);
    expect(fromCoalition.status).toBe(0);
    expect(fromFile.status).toBe(0);
    const a = JSON.parse(fromCoalition.stdout) as { visits: Record<string, number> };
    expect(a).toEqual(JSON.parse(fromFile.stdout));
    // the local step is walked, and it differs from the path without the coalition
    expect(a.visits[LOCAL_STEP]).toBeGreaterThan(0);
    const national = JSON.parse(runBuilt(['simulate', 'paths/households/huishouden-1000-dagen.json', ...args]).stdout) as { visits: Record<string, number> };
    expect(national.visits[LOCAL_STEP]).toBeUndefined();
    // --coalition over the household path is the same scenario
    const flagged = runBuilt(['simulate', 'paths/households/huishouden-1000-dagen.json', '--coalition', COALITION, ...args]);
    expect(flagged.status).toBe(0);
    expect(JSON.parse(flagged.stdout)).toEqual(a);
  });

  it('report writes the household report of the coalition, with its local step', () => {
    const out = relative(ROOT, join(dir, 'report.html'));
    const ran = runBuilt(['report', COALITION, '-o', out]);
    expect(ran.status).toBe(0);
    const html = readFileSync(join(ROOT, out), 'utf8');
    expect(html).toContain('Introduction to CenteringPregnancy by the midwife');
  });

  it('route and compare name the coalition over the household path, as for a version 1 path', () => {
    const route = 'paths/routes/romy-en-kevin-huishouden.json';
    for (const argv of [['route', COALITION, route], ['route', 'paths/households/huishouden-1000-dagen.json', route, '--coalition', COALITION]]) {
      const ran = runBuilt(argv);
      expect(ran.status, ran.stderr).toBe(0);
      expect(ran.stdout).toMatch(/^Route kansrijke-start\/routes\/romy-en-kevin-huishouden fits kansrijke-start\/huishouden-1000-dagen \(coalition kansrijke-start\/coalities\/haarlem-huishouden\) \(/);
    }
    expect(JSON.parse(runBuilt(['route', COALITION, route, '--json']).stdout).path.coalition).toBe('kansrijke-start/coalities/haarlem-huishouden');
    const compared = runBuilt(['compare', 'paths/households/huishouden-1000-dagen.json', COALITION, '--cohort', '400', '--lang', 'nl']);
    expect(compared.status, compared.stderr).toBe(0);
    expect(compared.stdout).toContain(`Basis: paths/households/huishouden-1000-dagen.json (kansrijke-start/huishouden-1000-dagen 1.2.0)`);
    expect(compared.stdout).toContain(`Scenario: ${COALITION} (coalitie kansrijke-start/coalities/haarlem-huishouden over kansrijke-start/huishouden-1000-dagen 1.2.0)`);
  });

  it('render draws the coalition over the household path, and check accepts it', () => {
    const ran = runBuilt(['render', COALITION, '--kind', 'flowchart']);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain('Introduction to CenteringPregnancy by the midwife');
    const checked = runBuilt(['check', COALITION, BROKEN]);
    expect(checked.status).toBe(1);
    expect(checked.stdout).toContain(`${BROKEN}:13:`);
    expect(checked.stdout).not.toContain(`${COALITION}:`);
  });
});
