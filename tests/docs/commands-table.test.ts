import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';

// the README's table and the CLI reference follow the commands the CLI really has
const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const CLI_MD = readFileSync(join(ROOT, 'docs', 'reference', 'cli.md'), 'utf8');
const program = buildProgram({ stdout: () => undefined, stderr: () => undefined, interactive: false, cwd: ROOT }, () => undefined);
const commands = program.commands.map((c) => c.name());

describe('the documented commands', () => {
  it('are every command of the CLI, in the README table', () => {
    const rows = [...README.matchAll(/^\| `zorgpaden ([a-z]+)[^`]*` \|/gm)].map((m) => m[1]);
    expect(rows.sort()).toEqual([...commands].sort());
  });

  it('each have a section and a row of exit codes in the CLI reference', () => {
    for (const name of commands) {
      expect(CLI_MD, name).toMatch(new RegExp(`^## \`zorgpaden ${name}[ \`]`, 'm'));
      expect(CLI_MD, name).toMatch(new RegExp(`^\\| \`${name}\` \\|`, 'm'));
    }
  });

  it('give each option of a command in its section of the reference', () => {
    for (const command of program.commands) {
      const start = CLI_MD.search(new RegExp(`^## \`zorgpaden ${command.name()}[ \`]`, 'm'));
      const section = CLI_MD.slice(start, CLI_MD.indexOf('\n## ', start + 1));
      for (const option of command.options) expect(section, `${command.name()} ${option.long}`).toContain(`\`${option.flags.replace(/ <.*/, '')}`);
    }
  });
});
