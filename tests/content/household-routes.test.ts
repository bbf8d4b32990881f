import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Route } from '../../src/model/index.js';
import { loadHouseholdPath, loadMenukaart, loadRoute } from '../../src/node/index.js';
import { checkHouseholdRoute } from '../../src/simulate/coverage/index.js';
import { filesOfKind, PATHS_DIR } from './content-files.js';

// the klantroutes through a household path (format version 2); chain.test.ts checks the others
const HOUSEHOLD_FILES = new Set(filesOfKind('household').map((f) => f.file));
const target = (file: string, route: Route) => relative(PATHS_DIR, join(PATHS_DIR, dirname(file), route.path)).split('\\').join('/');
const ROUTES = filesOfKind('route').filter((f) => HOUSEHOLD_FILES.has(target(f.file, f.data as unknown as Route)));

describe('the klantroutes through the household path', () => {
  it('include at least one, across the tracks of more than one member and of the child', async () => {
    expect(ROUTES.length).toBeGreaterThanOrEqual(1);
    for (const f of ROUTES) {
      const route = await loadRoute(f.absolute);
      const path = await loadHouseholdPath(join(PATHS_DIR, target(f.file, route)));
      const members = new Set(route.steps.map((s) => path.tracks[path.steps[s.step]!.track]!.member));
      expect(members.size, f.file).toBeGreaterThanOrEqual(3);
      expect([...members].some((m) => path.members[m]?.role === 'child'), f.file).toBe(true);
    }
  });

  it('fit their path, with a break point on the route and a persona marked as fictional', async () => {
    for (const f of ROUTES) {
      const route = await loadRoute(f.absolute);
      const path = await loadHouseholdPath(join(PATHS_DIR, target(f.file, route)));
      const fit = checkHouseholdRoute(path, route);
      expect(fit.diagnostics, f.file).toEqual([]);
      expect(fit.fits).toBe(true);
      expect(route.steps.map((s) => s.step), f.file).toContain(route.breakPoint?.step);
      expect(route.persona.assumption ?? '', f.file).toMatch(/fictional/);
    }
  });

  it('take the household to support for at least one of its risks', async () => {
    const menukaart = await loadMenukaart(join(PATHS_DIR, 'menukaart/menukaart.json'));
    for (const f of ROUTES) {
      const route = await loadRoute(f.absolute);
      const path = await loadHouseholdPath(join(PATHS_DIR, target(f.file, route)));
      const addressed = new Set(route.steps.flatMap((s) => [...(path.steps[s.step]!.addresses ?? []), ...(menukaart.interventions[path.steps[s.step]!.intervention ?? '']?.addresses ?? [])]));
      expect(route.client.risks.filter((r) => addressed.has(r)).length, f.file).toBeGreaterThan(0);
    }
  });
});
