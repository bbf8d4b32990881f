import fc from 'fast-check';
import { PHASES, safeParsePath, type CarePath, type Route, type SimulationOverlay, type ToMermaidOptions } from '../support/everything.js';
import { hostilePath, hostileText } from '../export/helpers/hostile.js';
import { generatedSeed, shippedSeeds } from './mutations.js';

/** Hostile text: Mermaid, HTML and YAML syntax, control characters, and now and then very long. */
export const hostile: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: hostileText, weight: 6 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 2 },
  { arbitrary: hostileText.map((t) => t.repeat(1 + Math.floor(3000 / Math.max(1, t.length)))).map((t) => t.slice(0, 3000)), weight: 1 },
);

const shippedPaths: CarePath[] = shippedSeeds.flatMap((s) => {
  if (s.kind !== 'carepath') return [];
  const parsed = safeParsePath(JSON.stringify(s.data), { filename: s.filename });
  return parsed.ok ? [parsed.value] : [];
});

type Json = Record<string, unknown>;

/** Replaces every label-like text of a document (labels, titles, notes, names, organisations) through `map`. */
export function mapTexts<T>(value: T, map: (text: string) => string): T {
  const walk = (node: unknown, key?: string): unknown => {
    if (Array.isArray(node)) return node.map((v) => walk(v));
    if (node === null || typeof node !== 'object') return typeof node === 'string' && (key === 'organisation' || key === 'name') ? map(node) : node;
    const out: Json = {};
    for (const [k, v] of Object.entries(node)) {
      const isLabel = v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as Json)['nl'] === 'string';
      out[k] = isLabel ? Object.fromEntries(Object.entries(v as Json).map(([lang, text]) => [lang, typeof text === 'string' ? map(text) : text])) : walk(v, k);
    }
    return out;
  };
  return walk(value) as T;
}

/** A path to draw: hostile from the start, or a shipped or generated one whose texts were all made hostile. */
export const drawablePath: fc.Arbitrary<CarePath> = fc.oneof(
  { arbitrary: hostilePath, weight: 3 },
  {
    arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...shippedPaths), generatedSeed.map((s) => s.data as CarePath)), fc.array(hostile, { minLength: 1, maxLength: 12 })).map(([path, texts]) => {
      let i = 0;
      return mapTexts(path, () => texts[i++ % texts.length]!);
    }),
    weight: 2,
  },
);

/** Organisation texts of a path, in a fixed order. */
export function organisationsOf(path: CarePath): string[] {
  return [...new Set(Object.values(path.actors ?? {}).flatMap((a) => (a.organisation !== undefined ? [a.organisation] : [])))];
}

/** A random overlay over a path's steps: counts that need not add up, as a caller may pass. */
export function overlayArb(path: CarePath): fc.Arbitrary<SimulationOverlay> {
  const ids = Object.keys(path.steps);
  const count = fc.nat(1_000_000);
  return fc.record({
    cohort: fc.nat(1_000_000),
    visits: fc.tuple(...ids.map(() => count)).map((v) => Object.fromEntries(ids.map((id, i) => [id, v[i]!]))),
    clients: fc.tuple(...ids.map(() => count)).map((v) => Object.fromEntries(ids.map((id, i) => [id, v[i]!]))),
    transitionCounts: fc.tuple(...ids.map((id) => fc.array(count, { minLength: path.steps[id]!.transitions.length, maxLength: path.steps[id]!.transitions.length }))).map((v) => Object.fromEntries(ids.map((id, i) => [id, v[i]!]))),
  });
}

/** Every option combination `toMermaid` documents; organisations to fold are picked by index so a twin can pick the same. */
export interface DrawOptions {
  options: Omit<ToMermaidOptions, 'collapse'>;
  collapsePhases: (typeof PHASES)[number][];
  collapseOrganisations: number[];
}

export const drawOptionsArb = (path: CarePath): fc.Arbitrary<DrawOptions> =>
  fc.record({
    options: fc.record(
      {
        kind: fc.constantFrom('state', 'flowchart') as fc.Arbitrary<'state' | 'flowchart'>,
        lang: fc.constantFrom('nl', 'en') as fc.Arbitrary<'nl' | 'en'>,
        groupBy: fc.constantFrom('phase', 'actor', 'organisation', 'none') as fc.Arbitrary<'phase' | 'actor' | 'organisation' | 'none'>,
        direction: fc.constantFrom('TB', 'LR') as fc.Arbitrary<'TB' | 'LR'>,
        legend: fc.boolean(),
        overlay: overlayArb(path),
        overlayMode: fc.constantFrom('absolute', 'relative') as fc.Arbitrary<'absolute' | 'relative'>,
      },
      { requiredKeys: [] },
    ),
    collapsePhases: fc.subarray([...PHASES]),
    collapseOrganisations: fc.subarray(organisationsOf(path).map((_, i) => i)),
  });

/** The `toMermaid` options of a draw for a path (the organisations to fold named by that path's texts). */
export function toMermaidOptions(path: CarePath, draw: DrawOptions): ToMermaidOptions {
  const organisations = organisationsOf(path);
  return { ...draw.options, collapse: { phases: draw.collapsePhases, organisations: draw.collapseOrganisations.map((i) => organisations[i]!) } };
}

/** A klantroute over a path: from its initial step through its steps (and now and then a step it does not have), with hostile texts. */
export const routeArb = (path: CarePath): fc.Arbitrary<Route> => {
  const ids = Object.keys(path.steps);
  const step = fc.record(
    { step: fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 8 }, { arbitrary: hostile.filter((s) => s !== ''), weight: 1 }, { arbitrary: fc.constantFrom('valueOf', 'constructor', '__proto__', 'toString', 'hasOwnProperty'), weight: 1 }), at: fc.record({ day: fc.integer({ min: -400, max: 800 }) }), note: fc.record({ nl: hostile, en: hostile }) },
    { requiredKeys: ['step'] },
  );
  return fc
    .record({
      title: fc.record({ nl: hostile, en: hostile }),
      name: hostile,
      steps: fc.array(step, { maxLength: 8 }),
      breakPoint: fc.option(fc.record({ at: fc.nat(), description: fc.record({ nl: hostile, en: hostile }) }), { nil: undefined }),
    })
    .map(({ title, name, steps, breakPoint }) => {
      const all = [{ step: path.initial }, ...steps];
      return {
        schemaVersion: 1,
        kind: 'route',
        id: 'fuzz/route',
        version: '1.0.0',
        title,
        persona: { name, description: { nl: 'x' } },
        path: 'path.json',
        client: { risks: [], protections: [], attributes: {} },
        steps: all,
        ...(breakPoint ? { breakPoint: { step: all[breakPoint.at % all.length]!.step, description: breakPoint.description } } : {}),
      } as unknown as Route;
    });
};
