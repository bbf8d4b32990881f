import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { coverageCommand } from '../../src/cli/commands/coverage.js';
import { routeCommand } from '../../src/cli/commands/route.js';
import type { CliContext } from '../../src/cli/context.js';
import { applyConfiguredLang, configuredLang } from '../../src/cli/lang.js';

// these cases read the English messages; every command speaks Dutch unless told otherwise
beforeAll(() => void vi.stubEnv('ZORGPADEN_LANG', 'en'));
afterAll(() => void vi.unstubAllEnvs());

const fixtures = fileURLToPath(new URL('../fixtures/machine/', import.meta.url));

/** Runs one command in a small Commander program, as the CLI does; returns exit code and output. */
async function run(argv: string[]) {
  let out = '';
  let err = '';
  let code = 0;
  const context: CliContext = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), interactive: false, cwd: fixtures };
  const program = new Command('zorgpaden').exitOverride().configureOutput({ writeOut: (s) => void (out += s), writeErr: (s) => void (err += s) });
  for (const command of [coverageCommand, routeCommand]) command.register(program, context, (c) => void (code = Math.max(code, c)));
  // as runCli does: the language of ZORGPADEN_LANG or the config file
  applyConfiguredLang(program, configuredLang(process.cwd()));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    code = 2;
    err += String(error);
  }
  return { code, out, err };
}

describe('zorgpaden coverage', () => {
  it('reports full transition coverage for the fixtures and exits 0', async () => {
    for (const file of ['basic.json', 'loop.json']) {
      const { code, out } = await run(['coverage', file, '--min', '1']);
      expect(code, out).toBe(0);
      expect(out).toMatch(/transitions\s+\d+\/\d+\s+100\.0%/);
    }
  });

  it('prints JSON with the report and the test paths', async () => {
    const { code, out } = await run(['coverage', 'basic.json', '--json', '--strategy', 'shortest']);
    expect(code).toBe(0);
    const data = JSON.parse(out);
    expect(data.coverage.steps.ratio).toBe(1);
    expect(data.testPaths).toHaveLength(9);
    expect(data.rejected).toEqual([]);
  });

  it('exits 1 below --min and 2 on a bad --min or a missing file', async () => {
    const low = await run(['coverage', 'basic.json', '--strategy', 'shortest', '--min', '90%', '--lang', 'nl']);
    expect(low.code).toBe(1);
    expect(low.out).toMatch(/overgangen/);
    expect(low.err).toMatch(/minimum van 90,0%/);
    expect((await run(['coverage', 'basic.json', '--min', '2'])).code).toBe(2);
    expect((await run(['coverage', 'nergens.json'])).code).toBe(2);
  });
});

describe('zorgpaden route', () => {
  it('exits 0 for a route that fits', async () => {
    const { code, out, err } = await run(['route', 'basic.json', 'route-fits.yaml']);
    expect(code, out + err).toBe(0);
    expect(out).toMatch(/fits/);
  });

  it('exits 1 and names the first deviation, in Dutch when asked', async () => {
    const { code, out } = await run(['route', 'basic.json', 'route-skips-handoff.json', '--lang', 'nl']);
    expect(code).toBe(1);
    // the kind in words of the language, not its key
    expect(out).toContain('bij stap 3 ("wijkteam.steun"): de route slaat een overdracht over die in het pad zit.\n');
    expect(out).not.toMatch(/missing-handoff/);
    const json = JSON.parse((await run(['route', 'basic.json', 'route-skips-handoff.json', '--json'])).out);
    expect(json).toMatchObject({ fits: false, deviation: { kind: 'missing-handoff', index: 2, expected: ['overdracht/wijkteam'] } });
  });

  it('names the path the route belongs to when it is run on another path', async () => {
    for (const [lang, word] of [['en', 'hint: this route belongs to basic.json'], ['nl', 'tip: deze route hoort bij basic.json']] as const) {
      const { code, out } = await run(['route', 'loop.json', 'route-fits.yaml', '--lang', lang]);
      expect(code).toBe(1);
      expect(out).toContain(lang === 'en' ? '): the route does not start where the path (or this track) starts.' : '): de route begint niet waar het pad (of dit spoor) begint.');
      expect(out).not.toMatch(/wrong-start/);
      expect(out).toContain(word);
    }
  });

  it('gives no such hint when the route is run on its own path', async () => {
    const { code, out } = await run(['route', 'basic.json', 'route-skips-handoff.json']);
    expect(code).toBe(1);
    expect(out).not.toMatch(/belongs to/);
  });
});
