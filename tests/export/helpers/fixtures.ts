import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RouteSchema, safeParseCarePathData, type CarePath, type Route } from '../../../src/model/index.js';

// not `new URL(…)`: happy-dom replaces the global URL in DOM test files
const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures') + '/';

/** Loads a fixture path through the model's own checks. */
export function fixturePath(name: string): CarePath {
  const result = safeParseCarePathData(JSON.parse(readFileSync(dir + name, 'utf8')));
  if (!result.ok) throw new Error(`fixture ${name} is invalid: ${JSON.stringify(result.diagnostics)}`);
  return result.value;
}

/** Loads a fixture route. */
export function fixtureRoute(name: string): Route {
  return RouteSchema.parse(JSON.parse(readFileSync(dir + name, 'utf8')));
}

/** The number of transitions of a path whose target exists. */
export function transitionCount(path: CarePath): number {
  let count = 0;
  for (const step of Object.values(path.steps)) for (const t of step.transitions) if (path.steps[t.to]) count++;
  return count;
}
