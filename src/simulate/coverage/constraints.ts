import { evaluateCondition, type AttributeValue, type Client, type Condition } from '../../model/index.js';

/*
 * Deriving a client that satisfies the conditions along a path. A condition becomes a disjunction
 * of terms (DNF, negations pushed to the leaves); a term is a list of literals; constraints collect
 * the literals of the chosen terms and stay satisfiable. Attribute literals are solved by trying
 * candidate values (the constants the literals mention and their neighbours) against the real
 * evaluator, so whatever client comes out satisfies the conditions by construction.
 */

/** One requirement on the client. */
export type Literal =
  | { kind: 'risk' | 'protection'; key: string; value: boolean }
  | { kind: 'attr'; attr: string; leaf: Condition; negated: boolean };

/** A conjunction of literals. */
export type Term = readonly Literal[];

/** The most terms one condition expands to; beyond it the search is incomplete but stays sound. */
export const MAX_TERMS = 64;

function product(a: Term[], b: Term[]): Term[] {
  const out: Term[] = [];
  for (const x of a) for (const y of b) if (out.length < MAX_TERMS) out.push([...x, ...y]);
  return out;
}

/** The condition (or its negation) as a disjunction of terms; `[[]]` is true, `[]` is false. */
export function toDnf(condition: Condition | undefined, negated = false): Term[] {
  if (condition === undefined) return negated ? [] : [[]];
  const { all, any } = condition;
  if (all !== undefined || any !== undefined) {
    const children = (all ?? any)!.map((c) => toDnf(c, negated));
    const conjunctive = (all !== undefined) !== negated;
    if (conjunctive) return children.reduce(product, [[]] as Term[]);
    return children.flat().slice(0, MAX_TERMS);
  }
  if (condition.not !== undefined) return toDnf(condition.not, !negated);
  if (condition.hasRisk !== undefined) return [[{ kind: 'risk', key: condition.hasRisk, value: !negated }]];
  if (condition.hasProtection !== undefined) return [[{ kind: 'protection', key: condition.hasProtection, value: !negated }]];
  // a client profile cannot make a risk signalled (that happens on the way): generated clients never meet it
  if (condition.signalled !== undefined) return negated ? [[]] : [];
  if (condition.attr !== undefined) return [[{ kind: 'attr', attr: condition.attr, leaf: condition, negated }]];
  return negated ? [[]] : [];
}

type AttrAtom = { leaf: Condition; negated: boolean };

/** The requirements collected so far; immutable, so search branches can share them. */
export interface Constraints {
  readonly risks: ReadonlyMap<string, boolean>;
  readonly protections: ReadonlyMap<string, boolean>;
  readonly attrs: ReadonlyMap<string, { atoms: readonly AttrAtom[]; value: AttributeValue | undefined }>;
}

/** No requirements. */
export const NO_CONSTRAINTS: Constraints = { risks: new Map(), protections: new Map(), attrs: new Map() };

function candidates(atoms: readonly AttrAtom[]): (AttributeValue | undefined)[] {
  // the constants the conditions name, and their neighbours, read more naturally than 0 or "other"
  const values: (AttributeValue | undefined)[] = [undefined];
  for (const { leaf } of atoms) {
    for (const v of [leaf.eq, leaf.ne, leaf.lt, leaf.lte, leaf.gt, leaf.gte, ...(leaf.in ?? [])]) {
      if (v === undefined) continue;
      values.push(v);
      if (typeof v === 'number') values.push(v - 1, v + 1, v - 0.5, v + 0.5);
      if (typeof v === 'string') values.push(`${v}-other`);
    }
  }
  return [...values, true, false, 0, 'other'];
}

function holds(atom: AttrAtom, attr: string, value: AttributeValue | undefined): boolean {
  const attributes = value === undefined ? {} : { [attr]: value };
  return evaluateCondition(atom.leaf, { risks: new Set(), protections: new Set(), attributes }) !== atom.negated;
}

/** A value of `attr` that satisfies every atom, or `null` when none of the candidates does. */
export function solveAttribute(attr: string, atoms: readonly AttrAtom[]): { value: AttributeValue | undefined } | null {
  for (const value of candidates(atoms)) if (atoms.every((a) => holds(a, attr, value))) return { value };
  return null;
}

/** The constraints with one more term, or `null` when the term contradicts them. */
export function addTerm(constraints: Constraints, term: Term): Constraints | null {
  let { risks, protections, attrs } = constraints;
  for (const literal of term) {
    if (literal.kind === 'attr') {
      const known = attrs.get(literal.attr)?.atoms ?? [];
      // an atom met before adds nothing; keeping it once keeps the search's states finite
      if (known.some((a) => a.leaf === literal.leaf && a.negated === literal.negated)) continue;
      const atoms = [...known, { leaf: literal.leaf, negated: literal.negated }];
      const solved = solveAttribute(literal.attr, atoms);
      if (!solved) return null;
      attrs = new Map(attrs).set(literal.attr, { atoms, value: solved.value });
      continue;
    }
    const map = literal.kind === 'risk' ? risks : protections;
    const known = map.get(literal.key);
    if (known !== undefined && known !== literal.value) return null;
    if (known !== undefined) continue;
    const next = new Map(map).set(literal.key, literal.value);
    if (literal.kind === 'risk') risks = next;
    else protections = next;
  }
  return { risks, protections, attrs };
}

/** A text that is equal for equal constraints, for visited sets. */
export function constraintsKey(c: Constraints): string {
  const flags = (m: ReadonlyMap<string, boolean>) => [...m].sort().map(([k, v]) => (v ? k : `!${k}`)).join(',');
  const attrs = [...c.attrs].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${JSON.stringify(v.value)}:${JSON.stringify(v.atoms)}`);
  return `${flags(c.risks)}|${flags(c.protections)}|${attrs.join(',')}`;
}

/** The simplest client that meets the constraints: only the required risks, protections and attributes. */
export function clientOf(c: Constraints): Client {
  const pick = (m: ReadonlyMap<string, boolean>) => [...m].filter(([, v]) => v).map(([k]) => k).sort();
  // fromEntries defines own properties, so an attribute named "__proto__" stays an attribute
  const attributes: Record<string, AttributeValue> = Object.fromEntries([...c.attrs].sort(([a], [b]) => (a < b ? -1 : 1)).flatMap(([name, { value }]) => (value !== undefined ? [[name, value]] : [])));
  return { risks: pick(c.risks), protections: pick(c.protections), attributes };
}

/** Whether every client meeting `b` also meets `a` (a asks for a subset of what b asks). */
export function weaker(a: Constraints, b: Constraints): boolean {
  for (const [key, value] of a.risks) if (b.risks.get(key) !== value) return false;
  for (const [key, value] of a.protections) if (b.protections.get(key) !== value) return false;
  for (const [attr, { atoms }] of a.attrs) {
    const other = b.attrs.get(attr)?.atoms ?? [];
    if (!atoms.every((x) => other.some((y) => y.leaf === x.leaf && y.negated === x.negated))) return false;
  }
  return true;
}
