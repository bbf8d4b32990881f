import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { stringify as toYaml } from 'yaml';
import { safeParseDocument, safeParsePath, type CarePath, type DocumentKind, type Result } from '../support/everything.js';
import { dataOfText, mustReturn } from './contract.js';
import { buildPath, pathSpec } from '../simulate/random-paths.js';
import { randomPathArb } from '../coverage/random-path.js';
import { parsed } from '../edit/fixture.js';
import { validPathArbitrary } from '../validate/generate.js';

/** A document to mutate: its data, its kind and the file name it is read under. */
export interface Seed {
  kind: DocumentKind;
  data: unknown;
  /** A file name in the folder of the original, so relative references still resolve. */
  filename: string;
}

const ROOT = resolve(import.meta.dirname, '../..');
const SHIPPED: [DocumentKind, string][] = [
  ['carepath', 'paths/national/zwangerschap.json'],
  ['carepath', 'paths/national/preconceptie.json'],
  ['carepath', 'paths/national/na-de-geboorte.json'],
  ['carepath', 'paths/national/eerste-1000-dagen.json'],
  ['menukaart', 'paths/menukaart/menukaart.json'],
  ['population', 'paths/populations/default.json'],
  ['coalition', 'paths/coalitions/haarlem.json'],
  ['coalition', 'paths/coalitions/voorbeeldstad.json'],
  ...['sanne', 'kim', 'bakker', 'azc-gezin', 'lisa-en-daan', 'romy-en-kevin'].map((name): [DocumentKind, string] => ['route', `paths/routes/${name}.json`]),
];

/** The shipped content, read once. */
export const shippedSeeds: Seed[] = SHIPPED.map(([kind, file]) => ({ kind, data: JSON.parse(readFileSync(resolve(ROOT, file), 'utf8')), filename: resolve(ROOT, file) }));

// generated paths are plain data again: a parsed path serialises to valid input
const plain = (path: CarePath): unknown => JSON.parse(JSON.stringify(path));
const generatedName = resolve(ROOT, 'tests/fuzz/generated/path.json');

/** Small generated valid paths from the generators of the other test areas. */
export const generatedSeed: fc.Arbitrary<Seed> = fc
  .oneof(
    randomPathArb,
    validPathArbitrary.map((g) => g.path),
    pathSpec({ conditions: true, windows: true }).map(buildPath),
    fc.constant(parsed()),
  )
  .map((path) => ({ kind: 'carepath' as const, data: plain(path), filename: generatedName }));

/** A seed: shipped content or a small generated path. */
export const seedArb = (shippedWeight = 1): fc.Arbitrary<Seed> => fc.oneof({ arbitrary: fc.constantFrom(...shippedSeeds), weight: shippedWeight }, { arbitrary: generatedSeed, weight: 2 });

type Segment = string | number;
type Json = unknown;

/** Every node of a JSON value with its path (the root is `[]`), without recursion: documents can nest thousands deep. */
export function nodesOf(data: Json): { path: Segment[]; value: Json }[] {
  const out: { path: Segment[]; value: Json }[] = [];
  const stack: { path: Segment[]; value: Json }[] = [{ path: [], value: data }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    const { path, value } = node;
    const children: { path: Segment[]; value: Json }[] = Array.isArray(value)
      ? value.map((v, i) => ({ path: [...path, i], value: v }))
      : value !== null && typeof value === 'object'
        ? Object.entries(value).map(([k, v]) => ({ path: [...path, k], value: v }))
        : [];
    stack.push(...children.reverse());
  }
  return out;
}

const DELETE = Symbol('delete');

// copies only the objects along the path, so a mutation never walks (or clones) a deep subtree
function setAt(data: Json, path: Segment[], value: Json | typeof DELETE): Json {
  if (path.length === 0) return value === DELETE ? {} : value;
  const [head, ...rest] = path as [Segment, ...Segment[]];
  const copy = (Array.isArray(data) ? [...data] : { ...(data as Record<string, Json>) }) as Record<string | number, Json>;
  if (rest.length > 0) copy[head] = setAt(copy[head], rest, value);
  else if (value !== DELETE) copy[head] = value;
  else if (Array.isArray(copy)) copy.splice(head as number, 1);
  else delete copy[head];
  return copy;
}

const typeOf = (v: Json) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** A condition nested `depth` levels deep with `not`, `all` and `any`. */
export function deepCondition(depth: number, ops: readonly ('not' | 'all' | 'any')[]): Json {
  let c: Json = { hasRisk: 'debts' };
  for (let i = 0; i < depth; i++) {
    const op = ops[i % ops.length]!;
    c = op === 'not' ? { not: c } : { [op]: [c] };
  }
  return c;
}

/** A mutation of the data of a document. */
type DataMutation = (data: Json) => Json;

const pick = <T>(items: readonly T[], n: number): T | undefined => (items.length === 0 ? undefined : items[n % items.length]);

const hostileString = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('', ' ', '../../../etc/passwd', 'nonexistent.json', '__proto__', 'constructor', 'NEXT', '\u0000', 'a'.repeat(3000), '"><script>x</script>'));

const dataMutation: fc.Arbitrary<{ name: string; apply: DataMutation }> = fc.oneof(
  fc.nat().map((n) => ({
    name: `delete #${n}`,
    apply: (d: Json) => {
      const members = nodesOf(d).filter((x) => x.path.length > 0);
      const target = pick(members, n);
      return target ? setAt(d, target.path, DELETE) : d;
    },
  })),
  fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 3 })).map(([n, value]) => ({
    name: `replace #${n} with ${JSON.stringify(value)?.slice(0, 60)}`,
    apply: (d: Json) => {
      const target = pick(nodesOf(d).filter((x) => typeOf(x.value) !== typeOf(value)), n);
      return target ? setAt(d, target.path, value) : d;
    },
  })),
  fc.tuple(fc.nat(), fc.constantFrom('copy', 'same-as-initial', 'empty')).map(([n, how]) => ({
    name: `duplicate step #${n} (${how})`,
    apply: (d: Json) => {
      // an earlier mutation may have replaced the whole document with a scalar
      const steps = d !== null && typeof d === 'object' ? (d as { steps?: unknown }).steps : undefined;
      if (steps === null || typeof steps !== 'object' || Array.isArray(steps)) return d;
      const ids = Object.keys(steps);
      const id = pick(ids, n);
      if (id === undefined) return d;
      const copyId = how === 'empty' ? '' : how === 'same-as-initial' ? `${id}-2` : `${id}.copy`;
      return setAt(d, ['steps', copyId], (steps as Record<string, Json>)[id]);
    },
  })),
  fc.tuple(fc.nat(), fc.oneof(fc.constantFrom('existing', 'typo'), hostileString)).map(([n, replacement]) => ({
    name: `rename string #${n} to ${JSON.stringify(replacement).slice(0, 40)}`,
    apply: (d: Json) => {
      const strings = nodesOf(d).filter((x) => typeof x.value === 'string' && x.path.length > 0);
      const target = pick(strings, n);
      if (!target) return d;
      const keys = nodesOf(d).flatMap((x) => (x.value !== null && typeof x.value === 'object' && !Array.isArray(x.value) ? Object.keys(x.value) : []));
      const value = replacement === 'existing' ? (pick(keys, n) ?? 'x') : replacement === 'typo' ? `${target.value as string}x` : replacement;
      return setAt(d, target.path, value);
    },
  })),
  fc.tuple(fc.nat(), fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom(31, 32, 33, 200, 1000)), fc.array(fc.constantFrom('not', 'all', 'any') as fc.Arbitrary<'not' | 'all' | 'any'>, { minLength: 1, maxLength: 3 })).map(([n, depth, ops]) => ({
    name: `deep condition #${n} depth ${depth} ${ops.join('/')}`,
    apply: (d: Json) => {
      const transitions = nodesOf(d).filter((x) => x.path.length >= 2 && x.path[x.path.length - 2] === 'transitions' && typeOf(x.value) === 'object');
      // into a transition, or else the root: never inside a condition, so depths do not add up
      const target = transitions.length > 0 ? pick(transitions, n) : typeOf(d) === 'object' ? { path: [], value: d } : undefined;
      return target ? setAt(d, [...target.path, 'when'], deepCondition(depth, ops)) : d;
    },
  })),
);

/** A mutation of the text of a document. */
const textMutation: fc.Arbitrary<{ name: string; apply: (text: string) => string }> = fc.oneof(
  fc.nat().map((n) => ({ name: `truncate at ${n}`, apply: (t: string) => t.slice(0, n % (t.length + 1)) })),
  fc.tuple(fc.nat(), fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }), fc.constantFrom('\u0000', '\ufeff', '\ud800', '\r', '}', '{', '"', ',', ':', '\n- ', '&x ', '*x', '\t'))).map(([n, bytes]) => ({
    name: `insert ${JSON.stringify(bytes)} at ${n}`,
    apply: (t: string) => {
      const at = n % (t.length + 1);
      return t.slice(0, at) + bytes + t.slice(at);
    },
  })),
  fc.nat().map((n) => ({
    name: `duplicate step key #${n} in the text`,
    apply: (t: string) => {
      // the document may have become a scalar or null through an earlier mutation
      const data = (JSON.parse(t) ?? {}) as { steps?: Record<string, unknown> };
      const ids = typeof data === 'object' && data.steps && typeof data.steps === 'object' ? Object.keys(data.steps) : [];
      const id = pick(ids, n);
      const at = t.indexOf('\n  "steps": {');
      if (id === undefined || at < 0) return t;
      const head = at + '\n  "steps": {'.length;
      return `${t.slice(0, head)}\n    ${JSON.stringify(id)}: ${JSON.stringify(data.steps![id])},${t.slice(head)}`;
    },
  })),
);

// the yaml writer recurses; a condition thousands deep is written as JSON (which YAML reads too)
function yamlText(data: Json): string | undefined {
  try {
    return toYaml(data, { aliasDuplicateObjects: false });
  } catch {
    return undefined;
  }
}

/** A mutated document: its text, the file name it is read under, and what was done to it. */
export interface Mutant {
  kind: DocumentKind;
  filename: string;
  text: string;
  /** The data the text holds when it was mutated as data (text mutations leave it unknown). */
  data?: Json;
  steps: string[];
}

/**
 * One to three data mutations, then optionally one text mutation (JSON only: the duplicate-key
 * mutation needs JSON text), written as JSON or YAML.
 */
export const mutantArb = (shippedWeight = 1): fc.Arbitrary<Mutant> =>
  fc
    .record({
      seed: seedArb(shippedWeight),
      data: fc.array(dataMutation, { minLength: 0, maxLength: 3 }),
      text: fc.option(textMutation, { freq: 2 }),
      yaml: fc.boolean(),
    })
    .map(({ seed, data, text, yaml }) => {
      const mutated = data.reduce((d, m) => m.apply(d), seed.data);
      const filename = yaml ? seed.filename.replace(/\.json$/, '.fuzz.yaml') : seed.filename.replace(/\.json$/, '.fuzz.json');
      const compact = JSON.stringify(mutated);
      // a document made huge by a deep condition is written compactly: indenting it is quadratic
      const written = compact.length > 20_000 && data.some((m) => m.name.startsWith('deep')) ? compact : (yaml && yamlText(mutated)) || JSON.stringify(mutated, null, 2);
      const textStep = text && !(yaml && text.name.startsWith('duplicate')) ? text : null;
      const steps = [`${seed.kind} ${seed.filename.slice(ROOT.length + 1)}`, ...data.map((m) => m.name), ...(textStep ? [textStep.name] : []), yaml ? 'as YAML' : 'as JSON'];
      return {
        [fc.toStringMethod]: () => `Mutant(${steps.join(' → ')}; text: ${JSON.stringify(written.length > 600 ? written.slice(0, 600) + '…' : written)})`,
        kind: seed.kind,
        filename,
        text: textStep ? textStep.apply(written) : written,
        ...(textStep ? {} : { data: mutated }),
        steps,
      };
    });

/** Reads a mutant as its kind: a path through `safeParsePath` (includes, menukaart), the others through `safeParseDocument`. */
export function readMutant(m: Mutant): { origin: { text: string; filename: string; data: unknown }; result: Result<unknown> } {
  const origin = { text: m.text, filename: m.filename, data: m.data ?? dataOfText(m.text, m.filename) };
  const result = mustReturn((): Result<unknown> => (m.kind === 'carepath' ? safeParsePath(m.text, { filename: m.filename }) : safeParseDocument(m.text, m.kind, { filename: m.filename })));
  return { origin, result };
}
