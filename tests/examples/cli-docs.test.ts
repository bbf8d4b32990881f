import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/context.js';

// docs/reference/cli.md must name every command and every option the real CLI has
const DOC = readFileSync(join(__dirname, '..', '..', 'docs', 'reference', 'cli.md'), 'utf8');

async function help(argv: string[]): Promise<string> {
  let out = '';
  const context: CliContext = { stdout: (t) => void (out += t), stderr: (t) => void (out += t), interactive: false, cwd: process.cwd() };
  // the English help, whose section titles the page is matched by
  expect(await runCli([...argv, '--lang', 'en'], context)).toBe(0);
  return out;
}

const section = (command: string) => {
  const start = DOC.indexOf(`## \`zorgpaden ${command}`);
  const end = DOC.indexOf('\n## ', start + 1);
  return start < 0 ? '' : DOC.slice(start, end < 0 ? undefined : end);
};

const root = await help(['--help']);
const commands = [...root.split('Commands:')[1]!.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]!).filter((c) => c !== 'help');

describe('docs/reference/cli.md', () => {
  it('finds the commands in the help', () => {
    expect(commands).toEqual(expect.arrayContaining(['check', 'validate', 'simulate']));
  });

  it.each(commands)('documents every option of %s in its own section, and its exit codes', async (command) => {
    const text = section(command);
    expect(text, `no "## \`zorgpaden ${command}" section`).not.toBe('');
    const options = [...(await help([command, '--help'])).split('Options:')[1]!.matchAll(/^ {2}(?:(-[a-zA-Z]), )?(--[a-z-]+)/gm)];
    expect(options.length).toBeGreaterThan(1);
    for (const [, short, long] of options) {
      expect(text, `${command} ${long}`).toContain(`\`${short ? `${short}, ` : ''}${long}`);
    }
    expect(DOC).toMatch(new RegExp(`\\| \`${command}\` \\| [^|]+ \\| [^|]+ \\| [^|]+ \\|`)); // a row in the exit-code table
  });

  it('documents every option the page names for a command as a real option', async () => {
    for (const command of commands) {
      const real = await help([command, '--help']);
      for (const [, long] of section(command).matchAll(/^\| `(?:-[a-zA-Z], )?(--[a-z-]+)/gm)) expect(real, `${command} ${long}`).toContain(long);
    }
  });

  it('names the global options', () => {
    for (const [, short, long] of root.split('Commands:')[0]!.matchAll(/^ {2}(-[a-z]), (--[a-z]+)/gm)) {
      expect(DOC).toContain(short);
      expect(DOC).toContain(long);
    }
  });
});
