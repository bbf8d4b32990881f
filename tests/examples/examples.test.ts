import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultPopulation, loadPath, simulate, testPaths, validatePath } from '../support/everything.js';

// every example runs as a user runs it: a child process importing the BUILT package by its name
const ROOT = join(__dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');
const built = existsSync(join(ROOT, 'dist', 'index.js')) && existsSync(join(ROOT, 'dist', 'render', 'index.js'));
const required = process.env.ZORGPADEN_REQUIRE_DIST === '1';
if (!built && !required) console.warn('tests/examples skipped: no dist/ (run `npm run build` first, or `npm test`)');
const scratch = mkdtempSync(join(tmpdir(), 'zorgpaden-examples-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// from a folder outside the repository: an example must not depend on the working directory
const TSX = pathToFileURL(createRequire(join(ROOT, 'package.json')).resolve('tsx')).href;
function run(file: string): string {
  const result = spawnSync(process.execPath, ['--import', TSX, join(EXAMPLES, file)], { cwd: scratch, encoding: 'utf8' });
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}
const line = (out: string, prefix: string) => out.split('\n').find((l) => l.startsWith(prefix)) ?? '';

describe.skipIf(!built && !required)('examples/', () => {
  it('the index lists every example, and every example is in the index', () => {
    const files = readdirSync(EXAMPLES).filter((f) => /^\d\d-.*\.ts$/.test(f));
    const index = readFileSync(join(EXAMPLES, 'README.md'), 'utf8');
    expect(files.length).toBe(7);
    for (const file of files) {
      expect(index).toContain(`(${file})`);
      const text = readFileSync(join(EXAMPLES, file), 'utf8');
      expect(text).toMatch(/^\/\*\n \* \d\d — /); // the comment header
      expect(text).toContain("from 'zorgpaden'");
      expect(text).not.toMatch(/from '\.\.?\//); // imports the package as a user would
      expect(text.split('\n').length).toBeLessThanOrEqual(60);
    }
  });

  it('01 validates the shipped path and shows a located finding with a hint', async () => {
    const out = run('01-validate-a-path.ts');
    const path = await loadPath(join(ROOT, 'paths/national/zwangerschap.json'));
    const { ok, diagnostics } = validatePath(path);
    expect(line(out, 'shipped path')).toBe(
      `shipped path ${path.id}: ${Object.keys(path.steps).length} steps, ok=${ok}, errors=${diagnostics.filter((d) => d.severity === 'error').length}, findings=${diagnostics.length}`,
    );
    expect(line(out, 'finding:')).toBe('finding: unknown-target (error) at demo.json:6:25');
    expect(line(out, 'nl:')).toContain('bestaat niet');
    expect(line(out, 'hint:')).toContain('"huisbezoek"');
    expect(out).toMatch(/ {26}\^\n/); // the caret under column 25 of the excerpt
  });

  it('02 defines a typed path, routes a client with debts and reports the broken path', () => {
    const out = run('02-define-path-typed.ts');
    expect(line(out, 'steps:')).toBe('steps: intake, huisbezoek, geboorte (first: intake; rejected by the compiler: huisbezeok)');
    expect(line(out, 'a client with debts goes to:')).toBe('a client with debts goes to: huisbezoek');
    expect(line(out, 'ZorgpadenError:')).toContain('codes: invalid-value');
    expect(line(out, 'validation findings:')).not.toContain('error');
  });

  it('03 drives a journey, rejects an unknown event, and restores it from JSON in the same place', async () => {
    const out = run('03-run-a-journey-actor.ts');
    const path = await loadPath(join(ROOT, 'paths/national/zwangerschap.json'));
    expect(line(out, 'start:')).toBe(`start: ${path.initial} (pregnancy, day -252)`);
    expect(line(out, 'rejected:')).toMatch(/^rejected: [a-z-]+$/);
    const history = line(out, 'after 3 events:').split('history: ')[1]!.split(' > ');
    expect(history).toHaveLength(4);
    expect(history[0]).toBe(path.initial);
    for (let i = 1; i < history.length; i++) expect(path.steps[history[i - 1]!]!.transitions.map((t) => t.to)).toContain(history[i]);
    expect(line(out, 'restored:')).toContain(`restored: ${history[3]} `);
    expect(line(out, 'restored:')).toContain('same step: true, same history: true');
  });

  it('04 simulates the cohort and finds that more referrals lower the unmet need for debts', async () => {
    const out = run('04-simulate-and-compare.ts');
    const path = await loadPath(join(ROOT, 'paths/national/eerste-1000-dagen.json'));
    const own = await simulate(path, { population: defaultPopulation(), cohort: 20_000, seed: 1 });
    const debts = own.unmetNeed['debts']!;
    expect(line(out, 'unmet need for debts:')).toBe(`unmet need for debts: ${debts.unmet} of ${debts.withRisk} clients with debts`);
    const unmet = line(out, 'unmet:debts:');
    expect(unmet.startsWith(`unmet:debts: ${((100 * debts.unmet) / debts.withRisk).toFixed(1)}% -> `)).toBe(true);
    expect(unmet).toContain('difference -');
    expect(unmet).toContain('significant: true');
    expect(line(out, 'reach:zwangerschap/schuldhulpverlening:')).toContain('significant: true');
    expect(line(out, 'compareSimulations gives the same differences:')).toContain('true');
  });

  it('05 writes four Mermaid diagrams of the right kinds and an HTML report without external scripts', () => {
    const out = run('05-export-diagrams.ts');
    const folder = line(out, 'written to ').slice('written to '.length);
    try {
      expect(line(out, 'zwangerschap.state.mmd:')).toMatch(/^zwangerschap\.state\.mmd: stateDiagram-v2, \d+ lines$/);
      expect(line(out, 'zwangerschap.lanes.mmd:')).toContain('flowchart');
      expect(line(out, 'zwangerschap.timeline.mmd:')).toContain('gantt');
      expect(line(out, 'sanne.sequence.mmd:')).toContain('sequenceDiagram');
      expect(readFileSync(join(folder, 'zwangerschap.state.mmd'), 'utf8')).toContain('stateDiagram-v2');
      const html = readFileSync(join(folder, 'report.html'), 'utf8');
      expect(html).toMatch(/^<!doctype html>/i);
      expect(html).not.toMatch(/<script[^>]+src=/);
      expect(line(out, 'report.html:')).toContain('self-contained: true');
    } finally {
      if (folder.startsWith(tmpdir())) rmSync(folder, { recursive: true, force: true });
    }
  });

  it('06 edits, diffs, undoes, replays and refuses a broken edit', () => {
    const out = run('06-edit-and-diff.ts');
    expect(line(out, 'patches:')).toBe('patches: replace /steps/intake/window, replace /version');
    expect(line(out, 'old path untouched:')).toBe('old path untouched: {"gw":10}');
    expect(line(out, 'changes:').split(': ')[1]!.split(', ').sort()).toEqual(['metadata-changed', 'step-added', 'window-changed', 'window-changed']);
    expect(out).toContain('Step "Language café for parents-to-be" (taalcafe) added.');
    expect(line(out, 'undo gives v1 back:')).toContain('true');
    expect(line(out, 'replayed patches give the same path:')).toContain('true');
    expect(line(out, 'refused:')).toMatch(/^refused: unknown-target .*"signalering"/);
  });

  it('07 passes as a vitest suite on the shipped path and fails on a path with an unreachable step', async () => {
    const vitest = (env: Record<string, string> = {}) =>
      spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'examples/vitest.config.ts'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, ...env, ZORGPADEN_REQUIRE_DIST: '', VITEST: '', NO_COLOR: '1' },
      });
    const good = vitest();
    expect(good.status, good.stdout + good.stderr).toBe(0);
    const path = await loadPath(join(ROOT, 'paths/national/zwangerschap.json'));
    const journeys = testPaths(path, { strategy: 'transitions' }).length;
    expect(good.stdout).toMatch(new RegExp(`${journeys} test journeys: steps (\\d+)/\\1, transitions (\\d+)/\\2`));
    expect(good.stdout).toMatch(/Tests\s+3 passed/);

    const broken = join(scratch, 'onbereikbaar.json');
    writeFileSync(broken, JSON.stringify({
      schemaVersion: 1, id: 'demo/onbereikbaar', version: '1.0.0', title: { nl: 'Onbereikbaar' }, actors: {}, initial: 'a',
      steps: {
        a: { kind: 'contact', phase: 'pregnancy', label: { nl: 'A' }, transitions: [{ to: 'klaar' }] },
        vergeten: { kind: 'contact', phase: 'pregnancy', label: { nl: 'Vergeten' }, transitions: [{ to: 'klaar' }] },
        klaar: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'Klaar' } },
      },
    }));
    const bad = vitest({ ZORGPADEN_EXAMPLE_PATH: broken });
    expect(bad.status).not.toBe(0);
    expect(bad.stdout + bad.stderr).toContain('vergeten');
  });
});
