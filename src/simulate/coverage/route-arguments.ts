import { argumentError, isRecord, requireRecord } from '../../diagnostics/index.js';
import { requireCarePath, type CarePath } from '../../model/index.js';

const ROUTE = { en: 'a route { client, steps: [{ step, at? }, …] } (as returned by loadRoute)', nl: 'een route { client, steps: [{ step, at? }, …] } (zoals loadRoute die geeft)' };

/** Checks the arguments of `checkRoute`: a care path, a route with a list of steps, and options. */
export function requireRouteArguments(path: unknown, route: unknown, options: unknown): asserts path is CarePath {
  requireCarePath('checkRoute', 'path', path);
  if (!isRecord(route)) throw argumentError('checkRoute', 'route', ROUTE, route);
  if (!Array.isArray(route.steps)) throw argumentError('checkRoute', 'route', ROUTE, { en: 'an object whose "steps" is not a list', nl: 'een object waarvan "steps" geen lijst is' });
  const wrong = route.steps.findIndex((s) => !isRecord(s) || typeof s.step !== 'string');
  if (wrong >= 0) throw argumentError('checkRoute', `route.steps[${wrong}]`, { en: 'a route step { step: "…", at? }', nl: 'een routestap { step: "…", at? }' }, route.steps[wrong]);
  if (route.client !== undefined && !isRecord(route.client)) throw argumentError('checkRoute', 'route.client', { en: 'a client object (or left out)', nl: 'een cliëntobject (of weggelaten)' }, route.client);
  requireRecord('checkRoute', 'options', options, { optional: true });
}
