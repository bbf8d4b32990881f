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

/** Whether some client satisfies the condition (true when unsure). */
export function isSatisfiable(condition: Condition | undefined): boolean {
  if (condition === undefined) return true;
  let disjuncts: Conjunction[];
  try {
    disjuncts = expand(condition, false, 0);
  } catch (error) {
    if (error instanceof BudgetExceeded) return true;
    throw error;
  }
  return disjuncts.some(consistent);
}

/** Whether some client satisfies all the given conditions at once (true when unsure). */
export function areCompatible(...conditions: (Condition | undefined)[]): boolean {
  const present = conditions.filter((c): c is Condition => c !== undefined);
  if (present.length === 0) return true;
  return isSatisfiable(present.length === 1 ? present[0] : { all: present });
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
    const key = leaf.hasRisk !== undefined ? `r:${leaf.hasRisk}` : leaf.hasProtection !== undefined ? `p:${leaf.hasProtection}` : undefined;
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
      if (literal.leaf.hasRisk === undefined && literal.leaf.hasProtection === undefined && !holds(literal, '', undefined)) return false;
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
