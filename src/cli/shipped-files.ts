import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// the package root seen from this module: src/cli/ in a source checkout, dist/bin/ when built
const SHIPPED_POPULATION = '../../paths/populations/default.json';

/** The file of the shipped default population, in the source tree or the installed package. */
export function defaultPopulationFile(): string | undefined {
  const file = fileURLToPath(new URL(SHIPPED_POPULATION, import.meta.url));
  return existsSync(file) ? file : undefined;
}
