import { posix } from 'node:path';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { basename, dirname, extname, join, relative, resolve } from '../../src/load/file-names.js';

// names built from the characters that matter to path arithmetic
const name = fc.array(fc.constantFrom('/', '.', '..', 'a', 'b.json', 'c.d.yaml', '', '//', '.x'), { maxLength: 8 }).map((parts) => parts.join(''));

it('agrees with node:path (POSIX) on join, dirname, basename, extname, resolve and relative', () => {
  fc.assert(
    fc.property(name, name, name, (a, b, c) => {
      expect(join(a, b, c)).toBe(posix.join(a, b, c));
      expect(dirname(a)).toBe(posix.dirname(a));
      expect(basename(a)).toBe(posix.basename(a));
      expect(extname(a)).toBe(posix.extname(a));
      expect(resolve(a, b, c)).toBe(posix.resolve(a, b, c));
      expect(relative(a, b)).toBe(posix.relative(a, b));
    }),
    { numRuns: 2000 },
  );
});

it('resolves a relative name from the working directory', () => {
  expect(resolve('paths/x.json')).toBe(posix.join(process.cwd(), 'paths/x.json'));
  expect(resolve()).toBe(process.cwd());
});
