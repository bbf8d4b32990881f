import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, ROOT } from './built-cli.js';

// Mermaid is an optional peer: a project that installed zorgpaden alone has no mermaid, and the
// report says what to install, in the command's language. The project lies outside the repository,
// whose own node_modules has mermaid; zorgpaden's other dependencies are linked from there.
describe.skipIf(!built)('report in a project without mermaid', () => {
  let project: string;
  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'zorgpaden-no-mermaid-'));
    const installed = join(project, 'node_modules', 'zorgpaden');
    mkdirSync(installed, { recursive: true });
    cpSync(join(ROOT, 'dist'), join(installed, 'dist'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(installed, 'package.json'));
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const dependency of [...Object.keys(pkg.dependencies), 'xstate']) {
      const target = join(project, 'node_modules', dependency);
      mkdirSync(join(target, '..'), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules', dependency), target, 'dir');
    }
    // the path with the menukaart it names, as a copy of the shipped folder keeps them
    cpSync(join(ROOT, 'paths'), join(project, 'paths'), { recursive: true });
  }, 120_000);
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  const report = (...extra: string[]) =>
    spawnSync(process.execPath, [join(project, 'node_modules', 'zorgpaden', 'dist', 'bin', 'cli.js'), 'report', 'paths/national/zwangerschap.json', '-o', 'rapport.html', ...extra], {
      cwd: project,
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('says in Dutch to install mermaid, and writes no report', () => {
    const ran = report('--lang', 'nl');
    expect(ran.status).toBe(2);
    expect(ran.stderr).toMatch(/^zorgpaden: Het pakket "mermaid" ontbreekt\./);
    expect(ran.stderr).toContain('npm install mermaid');
    expect(ran.stderr).not.toMatch(/Cannot find "mermaid"|The HTML report/);
    expect(existsSync(join(project, 'rapport.html'))).toBe(false);
  });

  it('says it in English with --lang en', () => {
    const ran = report('--lang', 'en');
    expect(ran.status).toBe(2);
    expect(ran.stderr).toMatch(/^zorgpaden: Cannot find "mermaid"\. .*npm install mermaid/);
  });
});
