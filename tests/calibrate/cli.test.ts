import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { targetNames } from '../../src/cli/commands/calibrate.js';
import type { CliContext } from '../../src/cli/context.js';
import { simulateSync } from '../../src/simulate/index.js';
import { stressPopulation, supportPath, supportTargets } from './fixtures.js';

// these cases read the English messages; every command speaks Dutch unless told otherwise
beforeAll(() => void vi.stubEnv('ZORGPADEN_LANG', 'en'));
afterAll(() => void vi.unstubAllEnvs());

const dir = mkdtempSync(join(tmpdir(), 'zorgpaden-calibrate-'));
const label = (text: string) => ({ nl: text, en: text });
writeFileSync(join(dir, 'path.json'), JSON.stringify(supportPath(0.5)));
writeFileSync(join(dir, 'population.json'), JSON.stringify(stressPopulation(0.4)));
writeFileSync(join(dir, 'targets.json'), JSON.stringify(supportTargets()));
writeFileSync(
  join(dir, 'wrong-targets.json'),
  JSON.stringify({ ...supportTargets(), targets: { x: { label: label('x'), measure: { numerator: { reached: 'suport' } }, value: 0.1, tolerance: 0.01, status: 'assumption' } } }),
);

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const context: CliContext = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), interactive: false, cwd: dir };
  const code = await runCli(args, context);
  return { code, stdout, stderr };
}

describe('zorgpaden calibrate', () => {
  it('fits, prints observed against target with intervals and a trace, and writes an overlay simulate can use', async () => {
    const { code, stdout } = await run(['calibrate', 'path.json', '--targets', 'targets.json', '--population', 'population.json', '--cohort', '10000', '--seed', '4', '-o', 'overlay.json']);
    expect(code).toBe(0);
    // the path's condition reads only stress, drawn independently: the exact engine computes both targets
    expect(stdout).toMatch(/\n {2}Support among stressed: (59|60)\.\d% \(exact\) vs 60\.0% ± 2\.0% \(assumption\); before 3\d\.\d% {2}within/);
    expect(stdout).toContain("Exact (the path's Markov chain over the client profiles of the population): stress-share, support-reach.");
    expect(stdout).toContain('Convergence (the best loss so far by iteration;');
    const counted = await run(['calibrate', 'path.json', '--targets', 'targets.json', '--population', 'population.json', '--cohort', '2000', '--max-evaluations', '5', '--max-exact-states', '0']);
    expect(counted.stdout).toContain('The exact engine was not used (its chain would exceed --max-exact-states): the targets are counted in the simulation.');
    expect(counted.stdout).toMatch(/Support among stressed: \d+\.\d% \[/);
    const overlay = JSON.parse(readFileSync(join(dir, 'overlay.json'), 'utf8'));
    expect(overlay.kind).toBe('overlay');
    expect(overlay.values.map((v: { parameter: string }) => v.parameter)).toEqual(['support-weight', 'stress-prevalence']);
    // simulate --overlay gives the run of a path edited by hand
    const sim = await run(['simulate', 'path.json', '--population', 'population.json', '--overlay', 'overlay.json', '--cohort', '2000', '--json']);
    expect(sim.code).toBe(0);
    const [weight, prevalence] = overlay.values.map((v: { value: number }) => v.value);
    const byHand = simulateSync(supportPath(weight), { population: stressPopulation(prevalence), cohort: 2000, seed: 1 });
    expect(JSON.parse(sim.stdout).clients).toEqual(byHand.clients);
    // and the overlay may be written again
    expect((await run(['calibrate', 'path.json', '--targets', 'targets.json', '--population', 'population.json', '--cohort', '1000', '--max-evaluations', '5', '-o', 'overlay.json'])).code).toBeLessThan(2);
  });

  it('records the tuned values in the result of simulate --overlay and report --tuned, by file name and value id', async () => {
    // a value without a parameter key is named by its file and pointer
    const values = [
      { file: 'path', pointer: '/steps/screening/transitions/0/weight', value: 1.5, parameter: 'support-weight' },
      { file: 'population', pointer: '/risks/stress/prevalence', value: 0.2 },
    ];
    writeFileSync(join(dir, 'tuned.json'), JSON.stringify({ kind: 'overlay', targets: supportTargets().id, values }));
    const expected = { file: 'tuned.json', targets: supportTargets().id, values: { 'support-weight': 1.5, 'population:/risks/stress/prevalence': 0.2 } };
    const sim = await run(['simulate', 'path.json', '--population', 'population.json', '--overlay', 'tuned.json', '--cohort', '500', '--json']);
    expect(JSON.parse(sim.stdout).meta.tuned).toEqual(expected);
    const plain = await run(['simulate', 'path.json', '--population', 'population.json', '--cohort', '500', '--json']);
    expect(JSON.parse(plain.stdout).meta.tuned).toBeUndefined();
    const text = await run(['simulate', 'path.json', '--population', 'population.json', '--overlay', 'tuned.json', '--cohort', '500', '--lang', 'nl']);
    expect(text.stdout.split('\n')[0]).toBe('Met afgestelde waarden uit tuned.json: support-weight, population:/risks/stress/prevalence.');
    expect(text.stdout.match(/afgestelde waarden/g)).toHaveLength(1);
    // an overlay outside the working folder is named by its file name alone, never by a folder of the machine
    mkdirSync(join(dir, 'work'), { recursive: true });
    let outside = '';
    const context: CliContext = { stdout: (t) => void (outside += t), stderr: () => undefined, interactive: false, cwd: join(dir, 'work') };
    expect(await runCli(['simulate', '../path.json', '--population', '../population.json', '--overlay', join(dir, 'tuned.json'), '--cohort', '500', '--json'], context)).toBe(0);
    expect(JSON.parse(outside).meta.tuned.file).toBe('tuned.json');
    expect(outside).not.toContain(dir);
    // the report's run says so too, in its identity lines and in the --json summary
    const report = await run(['report', 'path.json', '--population', 'population.json', '--simulate', '--tuned', 'tuned.json', '--cohort', '500', '--batches', '0', '-o', 'tuned-report.html', '--json']);
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout).tuned).toEqual(expected);
    expect(readFileSync(join(dir, 'tuned-report.html'), 'utf8')).toMatch(/Simulation: 500 clients, seed 1, tuned values of tuned\.json/);
  });

  it('speaks Dutch, shows a tornado with --sensitivity, and gives JSON with --json', async () => {
    const { stdout } = await run(['calibrate', 'path.json', '--targets', 'targets.json', '--population', 'population.json', '--cohort', '2000', '--max-evaluations', '20', '--sensitivity', '--lang', 'nl']);
    expect(stdout).toContain('Streefwaarden (waargenomen');
    // the status of a target in words of the language, not the file's key
    expect(stdout).toMatch(/± 2,0% \(aanname\)/);
    expect(stdout).not.toContain('(assumption)');
    expect(stdout).toMatch(/Gevoeligheid \(\d+ simulaties/);
    expect(stdout).toMatch(/stress-prevalence +\d+,\d% … \d+,\d% +█+/);
    // the targets by their labels, as the report names them, in the tornado tables as well
    expect(stdout).toMatch(/\n {2}Share with stress \(\d+,\d%\):\n/);
    expect(stdout).not.toMatch(/^ {2}(stress-share|support-reach)\b/m);
    const json = await run(['calibrate', 'path.json', '--targets', 'targets.json', '--population', 'population.json', '--cohort', '1000', '--max-evaluations', '10', '--sobol', '8', '--json']);
    const parsed = JSON.parse(json.stdout);
    expect(Object.keys(parsed.sensitivity.sobol)).toEqual(['stress-share', 'support-reach']);
    expect(parsed.overlay.kind).toBe('overlay');
  });

  it('starts and ends the trace with the loss the header gives, in the language asked', async () => {
    for (const lang of ['en', 'nl'] as const) {
      const { stdout } = await run(['calibrate', 'path.json', '--targets', 'targets.json', '--population', 'population.json', '--cohort', '2000', '--max-evaluations', '12', '--max-exact-states', '0', '--lang', lang]);
      const [, start, end] = /(?:loss|verlies) (\S+) → (\S+)\.\n/.exec(stdout)!;
      const trace = stdout.slice(stdout.indexOf(lang === 'en' ? 'Convergence' : 'Convergentie')).trim().split('\n').slice(1);
      expect(trace[0]).toBe(`  start: ${start}`);
      expect(trace.at(-1)).toMatch(new RegExp(`^  ${lang === 'en' ? 'fitted' : 'gefit'}: ${end!.replace(/[.]/g, '\\.')} \\(\\d+ ${lang === 'en' ? 'evaluations' : 'evaluaties'}\\)$`));
      expect(trace.slice(1, -1).every((l) => /^ {2}\d+: /.test(l))).toBe(true);
    }
  });

  it('names the targets by their label in the language asked, with the key only where two labels are the same', () => {
    const names = targetNames({ a: { label: { nl: 'Bereik', en: 'Reach' } }, b: { label: { nl: 'Zelfde', en: 'Same' } }, c: { label: { nl: 'Zelfde', en: 'Other' } }, d: {} }, 'nl');
    expect(['a', 'b', 'c', 'd'].map(names)).toEqual(['Bereik', 'Zelfde (b)', 'Zelfde (c)', 'd']);
    const en = targetNames({ a: { label: { nl: 'Bereik', en: 'Reach' } }, b: { label: { nl: 'Zelfde', en: 'Same' } }, c: { label: { nl: 'Zelfde', en: 'Other' } } }, 'en');
    expect(['a', 'b', 'c'].map(en)).toEqual(['Reach', 'Same', 'Other']);
  });

  it('writes each target’s tornado as an SVG whose bars are the figures --json reports', async () => {
    const { code, stdout, stderr } = await run(['calibrate', 'path.json', '--targets', 'targets.json', '--population', 'population.json', '--cohort', '1000', '--max-evaluations', '10', '--tornado', 'tornado', '--json']);
    expect(code).toBeLessThan(2);
    expect(stderr).toContain('Tornado diagrams written: tornado (2 files)');
    const tornado = (JSON.parse(stdout) as { sensitivity: { tornado: Record<string, { rows: { name: string; atMin: number; atMax: number }[] }> } }).sensitivity.tornado;
    for (const [target, title] of [['stress-share', 'Share with stress'], ['support-reach', 'Support among stressed']] as const) {
      const svg = readFileSync(join(dir, 'tornado', `${target}.svg`), 'utf8');
      expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
      expect(svg).toContain(`<title>${title}</title>`);
      const drawn = [...svg.matchAll(/data-parameter="([^"]+)">[\s\S]*?class="atMin"[^>]*data-value="([^"]+)"[\s\S]*?class="atMax"[^>]*data-value="([^"]+)"/g)].map((m) => ({ name: m[1], atMin: Number(m[2]), atMax: Number(m[3]) }));
      expect(drawn).toEqual(tornado[target]!.rows.map((r) => ({ name: r.name, atMin: r.atMin, atMax: r.atMax })));
      expect(drawn).toHaveLength(2);
    }
  });

  it('reports a target that names an unknown step as a diagnostic in the targets file', async () => {
    const { code, stderr } = await run(['calibrate', 'path.json', '--targets', 'wrong-targets.json', '--population', 'population.json']);
    expect(code).toBe(1);
    expect(stderr).toContain('wrong-targets.json');
    expect(stderr).toContain('target-unknown-step');
    expect(stderr).toContain('Did you mean "support"?');
  });

  it('refuses a wrong --cohort and a missing --targets as usage errors', async () => {
    expect((await run(['calibrate', 'path.json', '--targets', 'targets.json', '--cohort', '0'])).code).toBe(2);
    expect((await run(['calibrate', 'path.json'])).code).toBe(2);
    expect((await run(['calibrate', 'path.json', '--targets', 'missing.json'])).code).toBe(2);
  });
});

describe('zorgpaden simulate --batches', () => {
  it('adds the Monte-Carlo error of every figure to the text and the JSON', async () => {
    const text = await run(['simulate', 'path.json', '--population', 'population.json', '--cohort', '4000', '--batches', '20']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Monte-Carlo error (95% intervals from 20 independent batches of about 200 journeys):');
    expect(text.stdout).toMatch(/ {2}Support: \d+\.\d% \[\d+\.\d%, \d+\.\d%\]/);
    const json = JSON.parse((await run(['simulate', 'path.json', '--population', 'population.json', '--cohort', '4000', '--batches', '20', '--json'])).stdout);
    expect(json.uncertainty.batches).toBe(20);
    expect(json.uncertainty.outcomes.birth.estimate).toBe(1);
    const plain = JSON.parse((await run(['simulate', 'path.json', '--population', 'population.json', '--cohort', '4000', '--json'])).stdout);
    expect({ ...json, uncertainty: undefined }).toEqual({ ...plain, uncertainty: undefined });
  });

  it('refuses fewer than 2 batches or more batches than journeys', async () => {
    expect((await run(['simulate', 'path.json', '--cohort', '10', '--batches', '1'])).code).toBe(2);
    expect((await run(['simulate', 'path.json', '--cohort', '10', '--batches', '11'])).code).toBe(2);
  });
});

describe('zorgpaden simulate --by', () => {
  it('reports subgroups with differences against the first, refuses small ones, and adds them to the JSON', async () => {
    const shipped = join(__dirname, '..', '..', 'paths', 'national', 'eerste-1000-dagen.json');
    const text = await run(['simulate', shipped, '--cohort', '3000', '--by', 'language', '--min-group', '500']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Subgroups (reference speaks Dutch;');
    expect(text.stdout).toMatch(/other language: \d+ clients, fewer than 500: not reported/);
    const json = JSON.parse((await run(['simulate', shipped, '--cohort', '3000', '--by', 'age', '--json'])).stdout);
    expect(Object.keys(json.subgroups.groups)).toEqual(['20-34', 'under-20', '35-plus']);
    expect(json.subgroups.groups['35-plus'].unmetNeed.difference.interval).toHaveLength(2);
  });

  it('refuses an unknown set and a population without the attribute', async () => {
    expect((await run(['simulate', 'path.json', '--cohort', '100', '--by', 'income'])).code).toBe(2);
    const missing = await run(['simulate', 'path.json', '--population', 'population.json', '--cohort', '100', '--by', 'language']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('speaksDutch');
  });
});
