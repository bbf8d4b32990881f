import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { simulateCommand } from '../../src/cli/commands/simulate.js';
import type { CliContext } from '../../src/cli/context.js';
import { loadCoalition, loadMenukaart, loadPath } from '../../src/node/index.js';
import { simulate, simulateSync } from '../../src/simulate/index.js';
import { path, pathInput, population, populationInput } from './fixtures.js';
import { applyConfiguredLang, configuredLang } from '../../src/cli/lang.js';

// these cases read the English messages; every command speaks Dutch unless told otherwise
beforeAll(() => void vi.stubEnv('ZORGPADEN_LANG', 'en'));
afterAll(() => void vi.unstubAllEnvs());

const dir = mkdtempSync(join(tmpdir(), 'zorgpaden-simulate-'));
writeFileSync(join(dir, 'path.json'), JSON.stringify(pathInput));
writeFileSync(join(dir, 'population.json'), JSON.stringify(populationInput));
writeFileSync(join(dir, 'broken.json'), JSON.stringify({ ...pathInput, initial: 'nowhere' }));
// the same path, but about financial stress only: no domestic-violence or smoking branches
const { 'safe-home': _safeHome, 'quit-smoking': _quitSmoking, ...aboutMoney } = pathInput.steps;
writeFileSync(
  join(dir, 'money.json'),
  JSON.stringify({
    ...pathInput,
    id: 'test/money',
    steps: {
      ...aboutMoney,
      screening: { ...pathInput.steps.screening, signals: ['financial-stress'], transitions: pathInput.steps.screening.transitions.filter((t) => t.to !== 'safe-home' && t.to !== 'quit-smoking') },
    },
  }),
);

async function run(args: string[], interactive = false) {
  let stdout = '';
  let stderr = '';
  const context: CliContext = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), interactive, cwd: dir };
  let code = 0;
  const program = new Command('zorgpaden').exitOverride();
  simulateCommand.register(program, context, (c) => (code = Math.max(code, c)));
  // as runCli does: the language of ZORGPADEN_LANG or the config file
  applyConfiguredLang(program, configuredLang(process.cwd()));
  await program.parseAsync(['simulate', ...args], { from: 'user' });
  return { code, stdout, stderr };
}

describe('zorgpaden simulate', () => {
  const args = ['path.json', '--population', 'population.json', '--cohort', '5000', '--seed', '3'];

  it('prints the same JSON as the library, and writes it with -o', async () => {
    const { code, stdout, stderr } = await run([...args, '--json', '-o', 'sim.json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const expected = await simulate(path, { population, cohort: 5000, seed: 3 });
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(readFileSync(join(dir, 'sim.json'), 'utf8')).toBe(stdout);
  });

  it('prints a human summary, with a progress bar only on a terminal', async () => {
    const piped = await run([...args, '--lang', 'nl']);
    expect(piped.stdout).toContain('5.000 routes gesimuleerd');
    expect(piped.stderr).toBe('');
    const terminal = await run(args, true);
    expect(terminal.stdout).toContain('Simulated 5,000 journeys');
    expect(terminal.stderr).toContain('simulating');
  });

  it('lists unmet need only for the risks the path is about', async () => {
    const unmet = (text: string) => text.split('\n\n').find((b) => b.startsWith('Unmet need')) ?? '';
    const money = await run(['money.json', '--population', 'population.json', '--cohort', '5000', '--seed', '3']);
    expect(money.code, money.stderr).toBe(0);
    // risks are named by their labels in the population
    expect(unmet(money.stdout)).toContain('Financial stress:');
    expect(unmet(money.stdout)).not.toContain('Smoking:');
    expect(unmet(money.stdout)).not.toContain('Domestic violence:');
    // the full path names all three risks, so all three are listed
    const full = await run(args);
    for (const risk of ['Financial stress', 'Smoking', 'Domestic violence']) expect(unmet(full.stdout)).toContain(`${risk}:`);
  });

  it('gives the same result with 2 workers', async () => {
    const one = await run([...args, '--json']);
    const two = await run([...args, '--json', '--workers', '2']);
    expect(two.stdout).toBe(one.stdout);
  });

  it('reports a broken path with its diagnostics and exit code 1, a missing file with 2', async () => {
    const broken = await run(['broken.json', '--population', 'population.json', '--cohort', '10']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('unknown-initial');
    const missing = await run(['missing.json', '--cohort', '10']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('file-not-found');
  });

  it('applies a coalition file over the path, as the library does', async () => {
    const national = new URL('../../paths/national/eerste-1000-dagen.json', import.meta.url).pathname;
    const haarlemFile = new URL('../../paths/coalitions/haarlem.json', import.meta.url).pathname;
    const local = await run([national, '--coalition', haarlemFile, '--cohort', '500', '--json']);
    expect(local.code, local.stderr).toBe(0);
    const path = await loadPath(national);
    // the command reads the path's own menukaart for the interventions' target groups
    const menukaart = await loadMenukaart(join(dirname(national), path.menukaart!));
    const expected = simulateSync(path, { coalition: await loadCoalition(haarlemFile), menukaart, cohort: 500, seed: 1 });
    expect(local.stdout).toBe(JSON.stringify(expected, null, 2) + '\n');
  });

  it('refuses a cohort that is not a whole number', async () => {
    await expect(run(['path.json', '--cohort', '1.5'])).rejects.toThrow(/--cohort must be a whole number/);
  });
});
