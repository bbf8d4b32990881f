import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, ROOT, runBuilt, tempDir } from './built-cli.js';

const PATH = join(ROOT, 'tests', 'fixtures', 'cli-corpus', 'path.json');

describe.skipIf(!built)('a file with an error, in every command that loads a path (the built CLI)', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = tempDir();
    file = join(dir, 'kapot.json');
    writeFileSync(file, readFileSync(PATH, 'utf8').replace('"schemaVersion": 1,', '"schemaVersion": 1,\n  "bogus": 1,'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is printed as validate prints it: the name relative to the working folder, the line and a caret', () => {
    const name = relative(ROOT, file);
    const expected = runBuilt(['validate', name, '--lang', 'en']);
    expect(expected.stdout).toContain(`${name}:3:3 - error unknown-field`);
    const excerpt = '3   "bogus": 1,\n    ^';
    expect(expected.stdout).toContain(excerpt);
    for (const argv of [
      ['simulate', name, '--cohort', '10'],
      ['report', name, '-o', join(dir, 'r.html')],
      ['diff', name, PATH],
      ['apply', name, '--coalition', join(ROOT, 'paths', 'coalitions', 'haarlem.json')],
    ]) {
      const run = runBuilt([...argv, '--lang', 'en']);
      expect(run.stderr, argv[0]).toContain(`${name}:3:3 - error unknown-field`);
      expect(run.stderr, argv[0]).toContain(excerpt);
      expect(run.stderr, argv[0]).not.toContain(ROOT);
    }
  });
});
