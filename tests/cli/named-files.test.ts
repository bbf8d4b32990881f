import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
    writeFileSync(join(project, 'gezin.json'), JSON.stringify(gezin, null, 2));
    // coalitions that adapt a file outside the root: by its name, and through a link inside the root
    const coalition = JSON.parse(readFileSync(join(ROOT, 'paths/coalitions/voorbeeldstad.json'), 'utf8')) as Record<string, unknown>;
    delete coalition.$schema;
    writeFileSync(join(project, 'c-up.json'), JSON.stringify({ ...coalition, adapts: '../secret.json' }, null, 2));
    writeFileSync(join(project, 'c-link.json'), JSON.stringify({ ...coalition, adapts: 'link.json' }, null, 2));
    symlinkSync(join(base, 'secret.json'), join(project, 'link.json'));
    // a version 1 path that includes a file outside the root
    writeFileSync(join(project, 'v1-up.json'), JSON.stringify({ schemaVersion: 1, id: 'test/up', version: '1.0.0', title: { nl: 'Omhoog' }, initial: 'sub/a', steps: {}, includes: [{ path: '../secret.json', as: 'sub' }] }, null, 2));
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

  it.each([
    ['report', '-o', 'r.html'],
    ['apply', '-o', 'applied.json'],
    ['simulate', '--cohort', '10'],
    ['coverage'],
    ['render'],
    ['diff'],
  ])('%s names a file a coalition adapts outside the root as written, as validate does, never by its absolute name', (command, ...flags) => {
    for (const [file, named] of [['c-up.json', '../secret.json'], ['c-link.json', 'link.json']] as const) {
      const ran = runBuilt([command, file, ...flags], project);
      const output = ran.stdout + ran.stderr;
      // diff says 2 for a file it cannot compare, as diff(1) does; the others 1 for an error in the files
      expect(ran.status, output).toBe(command === 'diff' ? 2 : 1);
      const line = lineOf(readFileSync(join(project, file), 'utf8'), '"adapts"');
      expectPrintedAt(output, file, line, 'outside-root', `File "${named}" lies outside the root folder "${project}", so it is not read.`, `"adapts": "${named}"`);
      expect(output).not.toContain(join(base, 'secret.json'));
      expect(output).not.toContain(join(project, 'link.json'));
    }
  });

  it.each([['simulate', '--cohort', '10'], ['report', '-o', 'r.html']])('%s names an include outside the root as written', (command, ...flags) => {
    const ran = runBuilt([command, 'v1-up.json', ...flags], project);
    expect(ran.status).toBe(1);
    expect(ran.stderr).toContain(`v1-up.json:${lineOf(readFileSync(join(project, 'v1-up.json'), 'utf8'), '"path"')}:7 - error outside-root: File "../secret.json" lies outside the root folder`);
    expect(ran.stderr).not.toContain(join(base, 'secret.json'));
  });

  it('simulate prints a household warning as validate does: the file as given, the source line and a caret', () => {
    const ran = runBuilt(['simulate', 'gezin.json', '--cohort', '10'], project);
    expect(ran.status).toBe(0);
    const line = lineOf(readFileSync(join(project, 'gezin.json'), 'utf8'), '"schulden": {');
    expect(ran.stderr).toContain(`gezin.json:${line}:5 - warning risk-not-in-population: The risk "schulden"`);
    expect(ran.stderr).toContain(`${line}     "schulden": {`);
    expect(ran.stderr).not.toContain(project);
  });
});
