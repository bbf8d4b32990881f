import { evaluateCondition, type AttributeValue, type Condition } from '../model/index.js';

/*
 * A small satisfiability check for the condition language. Risks and protections are booleans;
 * an attribute is one value (absent, a boolean, a string or a number) and each comparison is a set
 * of values. A condition is expanded into a disjunction of conjunctions of literals, with a budget;
 * each conjunction is decided exactly by trying, per attribute, one value from every region the
 * constants of its comparisons cut the value space into. When the budget runs out the answer is
 * "satisfiable": the check may miss a contradiction but never invents one.
 */

interface Literal {
  leaf: Condition;
  negated: boolean;
}
type Conjunction = Literal[];

const MAX_CONJUNCTIONS = 256;
const MAX_DEPTH = 64;

class BudgetExceeded extends Error {}

const known = new WeakMap<Condition, boolean>();
const pairs = new WeakMap<Condition, WeakMap<Condition, boolean>>();

/** Whether some client satisfies the condition (true when unsure). Answers are memoised per condition object. */
export function isSatisfiable(condition: Condition | undefined): boolean {
  // the common positive conditions are answered directly, without filling the memo
  if (condition === undefined || positive(condition, 0)) return true;
  let answer = known.get(condition);
  if (answer === undefined) known.set(condition, (answer = decide(condition)));
  return answer;
}

/** Whether some client satisfies all the given conditions at once (true when unsure). */
export function areCompatible(...conditions: (Condition | undefined)[]): boolean {
  if (conditions.length === 2) return compatiblePair(conditions[0], conditions[1]);
  const present = conditions.filter((c): c is Condition => c !== undefined);
  if (present.length === 0) return true;
  if (present.length === 1) return isSatisfiable(present[0]);
  if (present.every(isPositive)) return true;
  return isSatisfiable({ all: present });
}

// the common case, memoised per pair of condition objects
function compatiblePair(a: Condition | undefined, b: Condition | undefined): boolean {
  if (a === undefined) return isSatisfiable(b);
  if (b === undefined) return isSatisfiable(a);
  if (isPositive(a) && isPositive(b)) return true;
  let inner = pairs.get(a);
  if (!inner) pairs.set(a, (inner = new WeakMap()));
  let answer = inner.get(b);
  if (answer === undefined) inner.set(b, (answer = isSatisfiable({ all: [a, b] })));
  return answer;
}

/**
 * True for a condition made only of risks and protections joined by `all` and non-empty `any`:
 * the client who has them all meets it, and so does a client who also meets any other such condition.
 */
export function isPositive(condition: Condition): boolean {
  return positive(condition, 0);
}

// a condition built from risks and protections with "all" and non-empty "any" only holds for the client who has them all
function positive(condition: Condition, depth: number): boolean {
  if (depth > MAX_DEPTH || condition.not !== undefined || condition.attr !== undefined) return false;
  if (condition.all !== undefined) return condition.all.every((c) => positive(c, depth + 1));
  if (condition.any !== undefined) return condition.any.length > 0 && condition.any.every((c) => positive(c, depth + 1));
  return condition.hasRisk !== undefined || condition.hasProtection !== undefined;
}

function decide(condition: Condition): boolean {
  let disjuncts: Conjunction[];
  try {
    disjuncts = expand(condition, false, 0);
  } catch (error) {
    if (error instanceof BudgetExceeded) return true;
    throw error;
  }
  return disjuncts.some(consistent);
}

function expand(condition: Condition, negated: boolean, depth: number): Conjunction[] {
  if (depth > MAX_DEPTH) throw new BudgetExceeded();
  if (condition.not !== undefined) return expand(condition.not, !negated, depth + 1);
  const conjunctive = condition.all !== undefined ? !negated : condition.any !== undefined ? negated : undefined;
  const children = condition.all ?? condition.any;
  if (children === undefined || conjunctive === undefined) return [[{ leaf: condition, negated }]];
  if (!conjunctive) {
    const out: Conjunction[] = [];
    for (const child of children) {
      out.push(...expand(child, negated, depth + 1));
      if (out.length > MAX_CONJUNCTIONS) throw new BudgetExceeded();
    }
    return out;
  }
  let product: Conjunction[] = [[]];
  for (const child of children) {
    const options = expand(child, negated, depth + 1);
    const next: Conjunction[] = [];
    for (const left of product) for (const right of options) next.push([...left, ...right]);
    if (next.length > MAX_CONJUNCTIONS) throw new BudgetExceeded();
    product = next.filter(consistentFactors);
  }
  return product;
}

// cheap pruning during expansion: a conjunction with r and not r is dropped early
function consistentFactors(conjunction: Conjunction): boolean {
  const seen = new Map<string, boolean>();
  for (const { leaf, negated } of conjunction) {
    const key = leaf.hasRisk !== undefined ? `r:${leaf.hasRisk}` : leaf.hasProtection !== undefined ? `p:${leaf.hasProtection}` : leaf.signalled !== undefined ? `s:${leaf.signalled}` : undefined;
    if (key === undefined) continue;
    const previous = seen.get(key);
    if (previous !== undefined && previous !== negated) return false;
    seen.set(key, negated);
  }
  return true;
}

function consistent(conjunction: Conjunction): boolean {
  if (!consistentFactors(conjunction)) return false;
  const byAttribute = new Map<string, Literal[]>();
  for (const literal of conjunction) {
    const name = literal.leaf.attr;
    if (name === undefined) {
      if (literal.leaf.hasRisk === undefined && literal.leaf.hasProtection === undefined && literal.leaf.signalled === undefined && !holds(literal, '', undefined)) return false;
      continue;
    }
    const list = byAttribute.get(name) ?? [];
    list.push(literal);
    byAttribute.set(name, list);
  }
  for (const [name, literals] of byAttribute) {
    if (!candidates(literals).some((value) => literals.every((l) => holds(l, name, value)))) return false;
  }
  return true;
}

function holds(literal: Literal, name: string, value: AttributeValue | undefined): boolean {
  const client = { risks: new Set<string>(), protections: new Set<string>(), attributes: value === undefined ? {} : { [name]: value } };
  return evaluateCondition(literal.leaf, client) !== literal.negated;
}

// one representative of every region of the value space the comparisons can tell apart
function candidates(literals: Literal[]): (AttributeValue | undefined)[] {
  const numbers = new Set<number>();
  const strings = new Set<string>();
  for (const { leaf } of literals) {
    for (const value of [leaf.eq, leaf.ne, ...(leaf.in ?? [])]) {
      if (typeof value === 'number') numbers.add(value);
      if (typeof value === 'string') strings.add(value);
    }
    for (const bound of [leaf.lt, leaf.lte, leaf.gt, leaf.gte]) if (bound !== undefined) numbers.add(bound);
  }
  const sorted = [...numbers].filter(Number.isFinite).sort((a, b) => a - b);
  const numeric: number[] = sorted.length === 0 ? [0] : [sorted[0]! - 1, sorted[sorted.length - 1]! + 1];
  sorted.forEach((n, i) => {
    numeric.push(n);
    const next = sorted[i + 1];
    if (next !== undefined) numeric.push((n + next) / 2);
  });
  let fresh = 'x';
  while (strings.has(fresh)) fresh += 'x';
  return [undefined, true, false, fresh, ...strings, ...numeric];
}
