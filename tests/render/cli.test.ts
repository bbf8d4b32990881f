import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { renderCommand } from '../../src/cli/commands/render.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import { CliError, type CliContext } from '../../src/cli/context.js';
import { routeToMermaid, toMermaid } from '../../src/export/index.js';
import { fixturePath, fixtureRoute } from '../export/helpers/fixtures.js';

const FIXTURES = resolve('tests/export/fixtures');
const PATH_FILE = join(FIXTURES, 'zwangerschap.json');

/** Runs one command in-process like the real CLI does: exit code, stdout and stderr. */
async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  let code = 0;
  const context: CliContext = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), interactive: false, cwd: process.cwd() };
  const program = new Command('zorgpaden').exitOverride().configureOutput({ writeOut: (s) => void (stdout += s), writeErr: (s) => void (stderr += s) });
  renderCommand.register(program, context, (c) => (code = Math.max(code, c)));
  reportCommand.register(program, context, (c) => (code = Math.max(code, c)));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CliError) return { code: error.exitCode, stdout, stderr: stderr + error.message };
    if ((error as { code?: string }).code?.startsWith('commander.')) return { code: 2, stdout, stderr };
    throw error;
  }
  return { code, stdout, stderr };
}

const simulation = {
  cohort: 100,
  visits: { intake: 100, signalering: 100, geboorte: 100 },
  clients: { intake: 100, signalering: 100, geboorte: 100 },
  transitionCounts: { intake: [100], signalering: [10, 5, 85] },
};

describe('zorgpaden render', () => {
  it('prints the same Mermaid text as the library', async () => {
    const result = await run(['render', PATH_FILE]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(toMermaid(fixturePath('zwangerschap.json')));
    const flow = await run(['render', PATH_FILE, '--kind', 'flowchart', '--group-by', 'organisation', '--lang', 'en']);
    expect(flow.stdout).toBe(toMermaid(fixturePath('zwangerschap.json'), { kind: 'flowchart', groupBy: 'organisation', lang: 'en' }));
  });

  it('numbers the conditions with --edge-labels short, as the report draws them', async () => {
    const result = await run(['render', PATH_FILE, '--kind', 'flowchart', '--edge-labels', 'short']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(toMermaid(fixturePath('zwangerschap.json'), { kind: 'flowchart', edgeLabels: 'short' }));
    expect(result.stdout).not.toBe(toMermaid(fixturePath('zwangerschap.json'), { kind: 'flowchart' }));
  });

  it('draws a route with --route, and says what is missing without it', async () => {
    const route = join(FIXTURES, 'route-sanne.json');
    const ok = await run(['render', PATH_FILE, '--kind', 'sequence', '--route', route]);
    expect(ok.stdout).toBe(routeToMermaid(fixtureRoute('route-sanne.json'), fixturePath('zwangerschap.json')));
    const missing = await run(['render', PATH_FILE, '--kind', 'journey']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--route <file>/);
  });

  it('warns when the route’s steps are not in the path it is drawn on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zp-render-'));
    const route = { ...JSON.parse(readFileSync(join(FIXTURES, 'route-sanne.json'), 'utf8')), steps: [{ step: 'intake' }, { step: 'nergens' }] };
    writeFileSync(join(dir, 'route.json'), JSON.stringify(route));
    const result = await run(['render', PATH_FILE, '--kind', 'journey', '--route', join(dir, 'route.json'), '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/1 step\(s\) of the route are not in this path \(nergens\)/);
  });

  it('reads an overlay and refuses a file that is not a simulation result', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zp-render-'));
    writeFileSync(join(dir, 'sim.json'), JSON.stringify(simulation));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ cohort: 'many' }));
    const ok = await run(['render', PATH_FILE, '--kind', 'flowchart', '--overlay', join(dir, 'sim.json'), '--overlay-mode', 'relative', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).text).toBe(toMermaid(fixturePath('zwangerschap.json'), { kind: 'flowchart', overlay: simulation, overlayMode: 'relative' }));
    const bad = await run(['render', PATH_FILE, '--overlay', join(dir, 'bad.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/is not a simulation result/);
  });

  it('writes a self-contained HTML page and refuses to overwrite its input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zp-render-'));
    const out = join(dir, 'd.html');
    const result = await run(['render', PATH_FILE, '--kind', 'timeline', '--format', 'html', '-o', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`Diagram geschreven: ${out}\n`);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/);
    expect(html).toContain('gantt');
    const clash = await run(['render', PATH_FILE, '-o', PATH_FILE]);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/input files/);
  });

  it('reports an unreadable path with exit code 2', async () => {
    const result = await run(['render', join(FIXTURES, 'nope.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nope\.json/);
  });

  it.skipIf(!existsSync(process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'))('renders SVG through Chromium', async () => {
    const result = await run(['render', PATH_FILE, '--format', 'svg']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^<svg[^>]*aria-roledescription="stateDiagram"/);
  });
});

describe('zorgpaden report', () => {
  it('writes one HTML report with findings and the overlay of a saved simulation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zp-report-'));
    writeFileSync(join(dir, 'sim.json'), JSON.stringify(simulation));
    const out = join(dir, 'report.html');
    const result = await run(['report', PATH_FILE, '--overlay', join(dir, 'sim.json'), '-o', out, '--json']);
    expect(result.code).toBeLessThanOrEqual(1);
    const summary = JSON.parse(result.stdout);
    expect(summary.output).toBe(out);
    expect(summary.cohort).toBe(100);
    expect(result.code).toBe(summary.findings.errors > 0 ? 1 : 0);
    const html = readFileSync(out, 'utf8');
    for (const kind of ['state', 'flowchart', 'overlay', 'timeline']) expect(html).toContain(`data-diagram="${kind}"`);
    expect(html).toContain('id="simulation"');
  });

  it('simulates a cohort with --simulate and puts its tables in the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zp-report-'));
    const out = join(dir, 'report.html');
    const result = await run(['report', PATH_FILE, '--simulate', '--cohort', '200', '--lang', 'en', '-o', out, '--json']);
    expect(JSON.parse(result.stdout).cohort).toBe(200);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Share of cohort');
  });

  it('refuses --simulate together with --overlay', async () => {
    const result = await run(['report', PATH_FILE, '--simulate', '--overlay', 'x.json']);
    expect(result.code).toBe(2);
  });
});

describe('report --json', () => {
  it('needs -o, so the report is never thrown away', async () => {
    const result = await run(['report', PATH_FILE, '--json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('give -o <file>');
    expect(result.stdout).toBe('');
  });
});
