import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { built, ROOT, runBuilt, tempDir } from './built-cli.js';

// these cases read the English messages; every command speaks Dutch unless told otherwise
beforeAll(() => void vi.stubEnv('ZORGPADEN_LANG', 'en'));
afterAll(() => void vi.unstubAllEnvs());

const SECRET = 'geheim-7391';
const GEZIN = 'tests/fixtures/household/gezin.json';

/** The 1-based line of `file`'s text that holds `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  expect(index, needle).toBeGreaterThanOrEqual(0);
  return index + 1;
}

/**
 * A finding printed as validate prints it: `file:line:col - error code: message`, the source line
 * under it, and a caret under the column.
 */
function expectPrintedAt(output: string, file: string, line: number, code: string, message: string, source: string): void {
  expect(output).toContain(`${file}:${line}:3 - error ${code}: ${message}`);
  expect(output).toContain(`${line}   ${source}`);
  expect(output).toMatch(new RegExp(`\\n${' '.repeat(String(line).length + 3)}\\^\\n`));
}

describe.skipIf(!built)('the files a document names, in the messages of every command (the built CLI)', () => {
  let base: string;
  let project: string;
  beforeAll(() => {
    base = tempDir();
    project = join(base, 'project');
    mkdirSync(project);
    // beside the project, outside its root: a menukaart that must never be read or shown
    writeFileSync(join(base, 'secret.json'), JSON.stringify({ schemaVersion: 1, kind: 'menukaart', id: 'x/geheim', version: '1.0.0', title: { nl: SECRET }, interventions: {} }, null, 2));
    const gezin = JSON.parse(readFileSync(join(ROOT, GEZIN), 'utf8')) as Record<string, unknown>;
    delete gezin.$schema;
    writeFileSync(join(project, 'h-outside.json'), JSON.stringify({ ...gezin, menukaart: '../secret.json' }, null, 2));
    writeFileSync(join(project, 'h-missing.json'), JSON.stringify({ ...gezin, menukaart: 'nergens.json' }, null, 2));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it.each([['validate'], ['simulate', '--cohort', '10'], ['report', '-o', 'r.html']])(
    '%s: a household path whose menukaart lies outside the root is refused at its "menukaart" line, with the name as written',
    (command, ...flags) => {
      const ran = runBuilt([command, 'h-outside.json', ...flags], project);
      const output = ran.stdout + ran.stderr;
      expect(ran.status, output).toBe(1);
      const line = lineOf(readFileSync(join(project, 'h-outside.json'), 'utf8'), '"menukaart"');
      expectPrintedAt(output, 'h-outside.json', line, 'outside-root', `File "../secret.json" lies outside the root folder "${project}", so it is not read.`, '"menukaart": "../secret.json"');
      expect(output).not.toContain(SECRET);
      expect(output).not.toContain(join(base, 'secret.json'));
    },
  );

  it('validate: a household path whose menukaart does not exist is told so at its "menukaart" line, resolved from the path', () => {
    const ran = runBuilt(['validate', 'h-missing.json'], project);
    expect(ran.status).toBe(1);
    const line = lineOf(readFileSync(join(project, 'h-missing.json'), 'utf8'), '"menukaart"');
    expectPrintedAt(ran.stdout, 'h-missing.json', line, 'file-not-found', 'File "nergens.json" does not exist.', '"menukaart": "nergens.json"');
    expect(ran.stdout).toContain('relative paths are resolved from the file that names it');
    const nl = runBuilt(['validate', 'h-missing.json', '--lang', 'nl'], project);
    expect(nl.stdout).toContain(`h-missing.json:${line}:3 - fout file-not-found: Bestand "nergens.json" bestaat niet.`);
  });
});
