import { beforeAll, describe, expect, it } from 'vitest';
import { safeApplyCoalition } from '../../src/load/index.js';
import { CoalitionSchema, type CarePath, type Coalition, type Menukaart, type Route } from '../../src/model/index.js';
import { checkRoute } from '../../src/simulate/coverage/index.js';
import { validatePath } from '../../src/validate/index.js';
import { filesOfKind, loadCoalitionContentPath, loadContentMenukaart, loadContentPath } from './content-files.js';

const coalitionFile = (name: string) => filesOfKind('coalition').find((f) => f.file === `coalitions/${name}.json`)!;
const haarlem: Coalition = CoalitionSchema.parse(coalitionFile('haarlem').data);
const voorbeeldstad: Coalition = CoalitionSchema.parse(coalitionFile('voorbeeldstad').data);
// the three interventions Haarlem chose from the national menukaart (seed 003)
const HAARLEM_MEMO = ['centering-pregnancy', 'phb-jgz', 'nu-niet-zwanger'];
// the national klantroutes: routes through a household path (format version 2) are not Haarlem's to adapt
const ROUTES = filesOfKind('route')
  .map((f) => ({ file: f.file, route: f.data as unknown as Route }))
  .filter(({ route }) => !route.path.startsWith('../households/'));

let menukaart: Menukaart;
let national: CarePath;
let haarlemPath: CarePath;
let voorbeeldstadPath: CarePath;

beforeAll(async () => {
  menukaart = await loadContentMenukaart();
  national = await loadContentPath('national/eerste-1000-dagen.json');
  haarlemPath = await loadCoalitionContentPath('coalitions/haarlem.json');
  voorbeeldstadPath = await loadCoalitionContentPath('coalitions/voorbeeldstad.json');
});

/** The interventions the steps of a path name. */
function interventionsIn(path: CarePath): Set<string> {
  return new Set(Object.values(path.steps).flatMap((s) => (s.intervention ? [s.intervention] : [])));
}

/** Interventions a coalition neither offers nor replaces with a local step. */
function notOffered(coalition: Coalition, path: CarePath): string[] {
  return [...interventionsIn(path)].filter((i) => !coalition.offers.includes(i) && !(coalition.replaces[i] ?? null)).sort();
}

describe('the coalitions', () => {
  it('name only menukaart entries, and decide on every intervention the national path uses', () => {
    for (const coalition of [haarlem, voorbeeldstad]) {
      const named = [...coalition.offers, ...Object.keys(coalition.replaces)];
      expect(named.filter((k) => !Object.hasOwn(menukaart.interventions, k)), coalition.id).toEqual([]);
      expect([...interventionsIn(national)].filter((i) => !named.includes(i)), coalition.id).toEqual([]);
    }
  });

  it('give Haarlem the three interventions the memo names, and nothing else from the menu', () => {
    for (const i of HAARLEM_MEMO) expect(haarlem.offers).toContain(i);
    // beyond the memo only regular care, and the national pledge of the central question
    const beyond = haarlem.offers.filter((i) => !HAARLEM_MEMO.includes(i) && i !== 'central-question');
    expect(beyond.filter((i) => menukaart.interventions[i]!.recognition !== 'regular-care')).toEqual([]);
    expect(Object.values(haarlem.replaces).every((r) => r === null)).toBe(true);
    expect(notOffered(haarlem, national)).toEqual(Object.keys(haarlem.replaces).sort());
  });

  it('show what the Haarlem overlay changes: partners only; nothing is removed without a named replacement', () => {
    const overlay = safeApplyCoalition(national, haarlem, { menukaart });
    expect(overlay.ok).toBe(true);
    if (!overlay.ok) return;
    const types = new Set(overlay.value.changes.map((c) => c.type));
    expect([...types]).toEqual(['actor-updated']);
    expect(overlay.value.changes.map((c) => ('actor' in c ? c.actor : '')).sort()).toEqual(Object.keys(haarlem.partners).sort());
    expect(Object.keys(overlay.value.path.steps).sort()).toEqual(Object.keys(national.steps).sort());
  });

  it('report intervention-not-offered on exactly the routes into interventions Haarlem did not choose', () => {
    const missing = new Set(notOffered(haarlem, national));
    const expected: string[] = [];
    for (const [from, step] of Object.entries(haarlemPath.steps)) {
      step.transitions.forEach((t) => {
        const intervention = haarlemPath.steps[t.to]?.intervention;
        if (intervention && missing.has(intervention)) expected.push(`${from} → ${t.to}`);
      });
    }
    const { ok, diagnostics } = validatePath(haarlemPath, { menukaart });
    expect(ok, 'Haarlem validates with no error').toBe(true);
    const warnings = diagnostics.filter((d) => d.severity === 'warning');
    expect(warnings.every((d) => d.code === 'intervention-not-offered'), warnings.map((d) => d.code).join(', ')).toBe(true);
    expect(warnings.map((d) => `${String(d.params?.from)} → ${String(d.params?.to)}`).sort()).toEqual(expected.sort());
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.pointer}`)).toEqual([]);
  });

  it('show which steps of each national klantroute Haarlem does not offer', () => {
    const missing = new Set(notOffered(haarlem, national));
    const flagged = new Set(validatePath(haarlemPath, { menukaart }).diagnostics.map((d) => String(d.params?.to)));
    for (const { file, route } of ROUTES) {
      expect(checkRoute(haarlemPath, route).fits, file).toBe(true);
      const unmet = route.steps.map((s) => s.step).filter((id) => missing.has(haarlemPath.steps[id]!.intervention ?? ''));
      for (const id of unmet) expect(flagged.has(id), `${file}: ${id}`).toBe(true);
    }
    const sanne = ROUTES.find((r) => r.file === 'routes/sanne.json')!.route;
    const sanneUnmet = sanne.steps.filter((s) => haarlemPath.steps[s.step]!.intervention === 'voorzorg').map((s) => s.step);
    expect(sanneUnmet).toEqual(['zwangerschap/voorzorg-selectie', 'zwangerschap/voorzorg']);
  });

  it('tell Haarlem, which does not offer VoorZorg, at every route into the VoorZorg selection', () => {
    expect(notOffered(haarlem, national)).toContain('voorzorg');
    const into = Object.entries(haarlemPath.steps).filter(([, step]) => step.transitions.some((t) => t.to === 'zwangerschap/voorzorg-selectie')).map(([id]) => id);
    expect(into.length).toBeGreaterThan(0);
    const warned = validatePath(haarlemPath, { menukaart })
      .diagnostics.filter((d) => d.code === 'intervention-not-offered' && d.params?.to === 'zwangerschap/voorzorg-selectie')
      .map((d) => String(d.params?.from));
    expect(warned.sort()).toEqual(into.sort());
  });

  it('let the fictional municipality offer the whole menu and validate clean, with its local step reachable', () => {
    expect(voorbeeldstad.municipality).toMatch(/fictief/);
    expect(notOffered(voorbeeldstad, national)).toEqual([]);
    const result = validatePath(voorbeeldstadPath, { menukaart });
    expect(result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.pointer}`)).toEqual([]);
    for (const id of Object.keys(voorbeeldstad.steps)) {
      expect(voorbeeldstadPath.steps[id], id).toBeDefined();
      const into = Object.values(voorbeeldstadPath.steps).some((s) => s.transitions.some((t) => t.to === id));
      expect(into, `a transition into ${id}`).toBe(true);
    }
    expect(Object.keys(voorbeeldstadPath.steps).length).toBe(Object.keys(national.steps).length + Object.keys(voorbeeldstad.steps).length);
  });
});
