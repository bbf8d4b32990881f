import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { safeParseCarePathData, type CarePath } from '../../src/model/index.js';

/** Reads a fixture path from tests/fixtures/machine and parses it like a loaded file. */
export function fixturePath(name: string): CarePath {
  const file = fileURLToPath(new URL(`../fixtures/machine/${name}.json`, import.meta.url));
  const result = safeParseCarePathData(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.ok) throw new Error(`Fixture ${name} is not valid: ${result.diagnostics.map((d) => d.message).join('; ')}`);
  return result.value;
}

export const FIXTURES = ['basic', 'loop'] as const;
