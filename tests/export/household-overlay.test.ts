// @vitest-environment happy-dom
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZorgpadenError } from '../../src/diagnostics/index.js';
import { escapeLabel, householdToMermaid, householdToStateDiagram, type HouseholdOverlay } from '../../src/export/index.js';
import { householdOverlayMismatches } from '../../src/export/mermaid/household-overlay.js';
import type { HouseholdPath } from '../../src/model/index.js';
import { loadHouseholdPath } from '../../src/node/index.js';
import { simulateHousehold } from '../../src/simulate/household-simulate.js';
import { GEZIN_FILE } from '../household/fixtures.js';
import { parseStructure, type ParsedDiagram } from './helpers/mermaid-parser.js';

// the fixture is small; the shipped path has steps with several transitions, referrals and child tracks
const PATHS = [
  ['the household fixture', GEZIN_FILE, 25],
  ['the shipped household path', resolve('paths/households/huishouden-1000-dagen.json'), 4],
] as const;

/** A count as the diagram writes it in Dutch ("12.345") or English ("12,345"), read back. */
const count = (text: string) => Number(text.replace(/[.,]/g, ''));

/** Random counts for every step, transition and track of a path: any overlay a diagram must draw truly. */
function overlays(path: HouseholdPath): fc.Arbitrary<HouseholdOverlay> {
  const steps = Object.keys(path.steps);
  const n = fc.nat({ max: 2_000_000 });
  return fc.record({
    cohort: fc.integer({ min: 0, max: 2_000_000 }),
    visits: fc.tuple(...steps.map(() => n)).map((v) => Object.fromEntries(steps.map((id, i) => [id, v[i]!]))),
    households: fc.tuple(...steps.map(() => n)).map((v) => Object.fromEntries(steps.map((id, i) => [id, v[i]!]))),
    transitionCounts: fc.tuple(...steps.map((id) => fc.array(n, { minLength: path.steps[id]!.transitions.length, maxLength: path.steps[id]!.transitions.length }))).map((v) => Object.fromEntries(steps.map((id, i) => [id, v[i]!]))),
    tracks: fc.tuple(...Object.keys(path.tracks).map(() => fc.record({ instances: n, households: n }))).map((v) => Object.fromEntries(Object.keys(path.tracks).map((id, i) => [id, v[i]!]))),
  });
}

/** The figures Mermaid read on the steps (by step id), on the transitions (by step id, in order) and on the lanes. */
function figuresOf(path: HouseholdPath, parsed: ParsedDiagram, lang: 'nl' | 'en') {
  const ids = Object.keys(path.steps);
  const steps: Record<string, string> = {};
  const transitions: Record<string, string[]> = {};
  ids.forEach((id, i) => {
    const label = parsed.nodes.find((n) => n.id === `s${i}`)!.label;
    const own = path.steps[id]!.label[lang] ?? path.steps[id]!.label.nl;
    expect(label.startsWith(`${own} (`), label).toBe(true);
    steps[id] = label.slice(own.length + 2).split(')')[0]!;
    // a transition's arrow starts with its figure; a referral's and a start's with words
    transitions[id] = parsed.edges.filter((e) => e.from === `s${i}` && /^[\d.,]+%?( · |$)/.test(e.label)).map((e) => e.label.split(' · ')[0]!);
  });
  const lanes = Object.fromEntries(Object.keys(path.tracks).map((id, t) => [id, parsed.groups.find((g) => g.id === `t${t}`)!.label.split(' · ').at(-1)!]));
  return { steps, transitions, lanes };
}

describe('household overlay', async () => {
  const path = await loadHouseholdPath(GEZIN_FILE);

  it.each(PATHS)('%s: draws the counts of any result on the lane chart: every step its visits, every transition its count, every lane its instances', async (_name, file, runs) => {
    const path = await loadHouseholdPath(file);
    await fc.assert(
      fc.asyncProperty(overlays(path), fc.constantFrom('nl' as const, 'en' as const), async (overlay, lang) => {
        const parsed = await parseStructure(householdToMermaid(path, { lang, overlay }));
        const drawn = figuresOf(path, parsed, lang);
        for (const id of Object.keys(path.steps)) {
          expect(count(drawn.steps[id]!)).toBe(overlay.visits[id]);
          expect(drawn.transitions[id]!.map(count)).toEqual(overlay.transitionCounts[id]);
        }
        for (const id of Object.keys(path.tracks)) {
          const lane = (lang === 'nl' ? /^([\d.]+)× gestart$/ : /^started ([\d,]+)×$/).exec(drawn.lanes[id]!);
          expect(lane, drawn.lanes[id]).not.toBeNull();
          expect(count(lane![1]!)).toBe(overlay.tracks[id]!.instances);
        }
      }),
      { numRuns: runs },
    );
  });

  it.each(PATHS)('%s: draws shares in relative mode on the region diagram: of households on steps and tracks, of the step’s visits on transitions', async (_name, file, runs) => {
    const path = await loadHouseholdPath(file);
    await fc.assert(
      fc.asyncProperty(overlays(path), async (overlay) => {
        const parsed = await parseStructure(householdToStateDiagram(path, { lang: 'en', overlay, overlayMode: 'relative' }));
        const drawn = figuresOf(path, parsed, 'en');
        const share = (text: string) => Number(text.replace('%', '').replace(/ of households$/, '').replace(/%$/, ''));
        const close = (text: string, part: number, whole: number) => expect(Math.abs(share(text) - (whole > 0 ? (100 * part) / whole : 0))).toBeLessThanOrEqual(0.05 + 1e-9);
        for (const id of Object.keys(path.steps)) {
          close(drawn.steps[id]!, overlay.households[id]!, overlay.cohort);
          drawn.transitions[id]!.forEach((text, i) => close(text, overlay.transitionCounts[id]![i]!, overlay.visits[id]!));
          expect(drawn.transitions[id]).toHaveLength(path.steps[id]!.transitions.length);
        }
        for (const id of Object.keys(path.tracks)) close(drawn.lanes[id]!, overlay.tracks[id]!.households, overlay.cohort);
      }),
      { numRuns: runs },
    );
  });


  it('shades the most visited step darkest and says so in the legend instead of the domains', () => {
    const result = simulateHousehold(path, { cohort: 500, seed: 4 });
    const text = householdToMermaid(path, { lang: 'en', overlay: result });
    const ids = Object.keys(path.steps);
    const most = ids.reduce((a, b) => (result.visits[b]! > result.visits[a]! ? b : a));
    expect(text).toMatch(new RegExp(`class [^\\n]*\\bs${ids.indexOf(most)}\\b[^\\n]* heat4`));
    expect(text).toContain(escapeLabel('Visits (light: few, dark: many)'));
    expect(text).not.toContain('Medical domain');
    expect(householdToMermaid(path, { lang: 'en' })).toContain('Medical domain');
  });

  it('finds a result of another path, another version, or with steps and tracks the path lacks', () => {
    const result = simulateHousehold(path, { cohort: 50, seed: 1 });
    expect(householdOverlayMismatches(path, result, { pathId: result.meta.pathId, pathVersion: result.meta.pathVersion })).toEqual([]);
    expect(householdOverlayMismatches(path, result, { pathId: 'ander-pad' })[0]!.en).toContain('"ander-pad"');
    expect(householdOverlayMismatches(path, result, { pathId: path.id, pathVersion: '9.9.9' })[0]!.en).toContain('version 9.9.9');
    const first = Object.keys(path.steps)[0]!;
    const extra = { ...result, visits: { ...result.visits, 'geen-stap': 3 }, tracks: { ...result.tracks, 'geen-spoor': { instances: 1, households: 1 } } };
    const words = householdOverlayMismatches(path, extra, undefined).map((m) => m.en).join('; ');
    expect(words).toContain('steps the path does not have ("geen-stap")');
    expect(words).toContain('tracks the path does not have ("geen-spoor")');
    const uneven = { ...result, transitionCounts: { ...result.transitionCounts, [first]: [...result.transitionCounts[first]!, 1] } };
    expect(householdOverlayMismatches(path, uneven, undefined).map((m) => m.en)).toEqual([`step "${first}" has another number of transitions than it counts`]);
  });

  it('refuses an overlay that is not one, as misuse of the API', () => {
    for (const overlay of [null, { cohort: -1 }, { cohort: 1, visits: {}, households: { a: -2 }, transitionCounts: {}, tracks: {} }, { cohort: 1, visits: {}, households: {}, transitionCounts: {}, tracks: { t: { instances: 1 } } }]) {
      let thrown: unknown;
      try {
        householdToMermaid(path, { overlay: overlay as unknown as HouseholdOverlay });
      } catch (error) {
        thrown = error;
      }
      expect(thrown, JSON.stringify(overlay)).toBeInstanceOf(ZorgpadenError);
    }
    expect(() => householdToStateDiagram(path, { overlayMode: 'percent' as 'relative' })).toThrow(ZorgpadenError);
  });
});
