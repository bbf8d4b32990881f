import type { z } from 'zod';
import { isRecord } from '../diagnostics/index.js';

/*
 * Hand-written shape checks for the few values the machines and journeys check at run time (a
 * client, a saved journey, a condition), so that a journey needs no zod: an app that embeds only
 * `createJourney` does not ship the schema library. The checks report issues in zod's own shape, so
 * that schema-issues.ts words them exactly as the loader words a file's problems; a property test
 * (tests/model/shape-check.test.ts) holds each one to its zod schema.
 */

type Issue = z.core.$ZodIssue;
type Path = PropertyKey[];

/** A check of one value: pushes issues for what is wrong and returns the value as a parse would (defaults filled in, a fresh copy). */
export interface Shape<T = unknown> {
  readonly kind: 'text' | 'number' | 'boolean' | 'value' | 'unknown' | 'array' | 'record' | 'object' | 'optional' | 'union' | 'lazy';
  check(value: unknown, path: Path, issues: Issue[]): T;
  /** Field names, element, value or options, for did-you-mean on unknown fields. */
  readonly fields?: Readonly<Record<string, Shape>>;
  readonly inner?: () => Shape;
  readonly options?: readonly Shape[];
}

const issue = (fields: Record<string, unknown>): Issue => fields as unknown as Issue;
// a failed rule on a value of the right type lets zod go on checking (its `continue`); a wrong type does not
const ruleIssue = (fields: Record<string, unknown>): Issue => issue({ ...fields, continue: true });
const continues = (found: Issue): boolean => (found as { continue?: boolean }).continue === true;

/** A rule on text, in the order the schema lists it. */
export type TextRule = { max: number; message?: string } | { min: number; message?: string } | { pattern: RegExp; message: string } | { refine: (text: string) => boolean; message: string };

/** Text, with its rules checked in order (all of them, as zod does). */
export function text(...rules: TextRule[]): Shape<string> {
  return {
    kind: 'text',
    check(value, path, issues) {
      if (typeof value !== 'string') {
        issues.push(issue({ code: 'invalid_type', expected: 'string', path, message: 'Invalid input: expected string' }));
        return value as string;
      }
      for (const rule of rules) {
        if ('max' in rule && value.length > rule.max) {
          issues.push(ruleIssue({ code: 'too_big', origin: 'string', maximum: rule.max, inclusive: true, path, message: rule.message ?? `Too big: expected string to have <=${rule.max} characters` }));
        } else if ('min' in rule && value.length < rule.min) {
          issues.push(ruleIssue({ code: 'too_small', origin: 'string', minimum: rule.min, inclusive: true, path, message: rule.message ?? `Too small: expected string to have >=${rule.min} characters` }));
        } else if ('pattern' in rule && !rule.pattern.test(value)) {
          issues.push(ruleIssue({ code: 'invalid_format', format: 'regex', pattern: rule.pattern.source, path, message: rule.message }));
        } else if ('refine' in rule && !rule.refine(value)) {
          issues.push(ruleIssue({ code: 'custom', path, message: rule.message }));
        }
      }
      return value;
    },
  };
}

/** A finite number; `int` and `min` as in `z.number().int().min(n)`. */
export function number(options: { int?: boolean; min?: number } = {}): Shape<number> {
  return {
    kind: 'number',
    check(value, path, issues) {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        issues.push(issue({ code: 'invalid_type', expected: 'number', path, message: 'Invalid input: expected number' }));
        return value as number;
      }
      if (options.int && !Number.isInteger(value)) {
        issues.push(ruleIssue({ code: 'invalid_type', expected: 'int', format: 'safeint', path, message: 'Invalid input: expected int, received number' }));
      }
      if (options.min !== undefined && value < options.min) {
        issues.push(ruleIssue({ code: 'too_small', origin: 'number', minimum: options.min, inclusive: true, path, message: `Too small: expected number to be >=${options.min}` }));
      }
      return value as number;
    },
  };
}

/** true or false. */
export const boolean: Shape<boolean> = {
  kind: 'boolean',
  check(value, path, issues) {
    if (typeof value !== 'boolean') issues.push(issue({ code: 'invalid_type', expected: 'boolean', path, message: 'Invalid input: expected boolean' }));
    return value as boolean;
  },
};

/** Any value (kept as it is). */
export const anything: Shape<unknown> = { kind: 'unknown', check: (value) => value };

/** One of a few fixed values, as `z.literal` or `z.enum`. */
export function oneOf<const V extends readonly (string | number | boolean)[]>(values: V): Shape<V[number]> {
  return {
    kind: 'value',
    check(value, path, issues) {
      if (!values.includes(value as V[number])) issues.push(issue({ code: 'invalid_value', values: [...values], path, message: 'Invalid option' }));
      return value as V[number];
    },
  };
}

/** A list; `min` items at least. */
export function array<T>(element: Shape<T>, options: { min?: number } = {}): Shape<T[]> {
  return {
    kind: 'array',
    inner: () => element,
    check(value, path, issues) {
      if (!Array.isArray(value)) {
        issues.push(issue({ code: 'invalid_type', expected: 'array', path, message: 'Invalid input: expected array' }));
        return value as T[];
      }
      const out = value.map((item, index) => element.check(item, [...path, index], issues));
      if (options.min !== undefined && value.length < options.min) {
        issues.push(ruleIssue({ code: 'too_small', origin: 'array', minimum: options.min, inclusive: true, path, message: `Too small: expected array to have >=${options.min} items` }));
      }
      return out;
    },
  };
}

/** An object used as a map: every key and value checked. */
export function record<T>(key: Shape<string>, valueShape: Shape<T>): Shape<Record<string, T>> {
  return {
    kind: 'record',
    inner: () => valueShape,
    check(value, path, issues) {
      if (!isRecord(value)) {
        issues.push(issue({ code: 'invalid_type', expected: 'record', path, message: 'Invalid input: expected record' }));
        return value as Record<string, T>;
      }
      const out: Record<string, T> = {};
      for (const name of Object.keys(value)) {
        const keyIssues: Issue[] = [];
        key.check(name, [], keyIssues);
        if (keyIssues.length > 0) {
          issues.push(issue({ code: 'invalid_key', origin: 'record', issues: keyIssues, path: [...path, name], message: 'Invalid key in record' }));
          continue;
        }
        out[name] = valueShape.check(value[name], [...path, name], issues);
      }
      return out;
    },
  };
}

/** Left out, or the shape. */
export function optional<T>(shape: Shape<T>): Shape<T | undefined> {
  return { kind: 'optional', inner: () => shape, check: (value, path, issues) => (value === undefined ? undefined : shape.check(value, path, issues)) };
}

/** The shape, or `fallback()` when left out (as `.default()`). */
export function withDefault<T>(shape: Shape<T>, fallback: () => T): Shape<T> {
  return { kind: 'optional', inner: () => shape, check: (value, path, issues) => (value === undefined ? fallback() : shape.check(value, path, issues)) };
}

/** The first option that fits; otherwise every option's issues, as `z.union`. */
export function union<T>(...options: Shape<T>[]): Shape<T> {
  return {
    kind: 'union',
    options,
    check(value, path, issues) {
      const errors: Issue[][] = [];
      for (const option of options) {
        const found: Issue[] = [];
        const out = option.check(value, [], found);
        if (found.length === 0) return out;
        errors.push(found);
      }
      // as zod: when just one option failed only on rules (not on the type), its issues are the answer
      const onlyRules = errors.filter((found) => found.every(continues));
      if (onlyRules.length === 1) {
        for (const found of onlyRules[0]!) issues.push({ ...found, path: [...path, ...found.path] } as Issue);
        return value as T;
      }
      issues.push(issue({ code: 'invalid_union', errors, path, message: 'Invalid input' }));
      return value as T;
    },
  };
}

/** A shape defined later (for recursion). */
export function lazy<T>(get: () => Shape<T>): Shape<T> {
  return { kind: 'lazy', inner: get, check: (value, path, issues) => get().check(value, path, issues) };
}

/** The problems the object as a whole has: a message and the params zod's `custom` issues carry. */
export type ObjectRule<T> = (value: T) => { message: string; params?: Record<string, unknown> }[];

/**
 * An object with known fields. `strict` reports other fields, `strip` drops them, `loose` keeps
 * them. `rule` then checks the object as a whole, as zod's `superRefine`: unless a field has the
 * wrong type or an unknown field is there.
 */
export function object<T>(fields: Record<string, Shape>, mode: 'strict' | 'strip' | 'loose' = 'strict', rule?: ObjectRule<T>): Shape<T> {
  return {
    kind: 'object',
    fields,
    check(value, path, issues) {
      if (!isRecord(value)) {
        issues.push(issue({ code: 'invalid_type', expected: 'object', path, message: 'Invalid input: expected object' }));
        return value as T;
      }
      const before = issues.length;
      const out: Record<string, unknown> = {};
      for (const [name, shape] of Object.entries(fields)) {
        const field = Object.hasOwn(value, name) ? value[name] : undefined;
        const checked = shape.check(field, [...path, name], issues);
        if (checked !== undefined || Object.hasOwn(value, name)) out[name] = checked;
      }
      const others = Object.keys(value).filter((name) => !Object.hasOwn(fields, name));
      if (mode === 'strict' && others.length > 0) issues.push(issue({ code: 'unrecognized_keys', keys: others, path, message: 'Unrecognized keys' }));
      // a plain assignment of "__proto__" would set the prototype instead of a field
      if (mode === 'loose') for (const name of others) Object.defineProperty(out, name, { value: value[name], enumerable: true, writable: true, configurable: true });
      const fieldsFit = issues.slice(before).every(continues);
      if (rule && fieldsFit) for (const problem of rule(out as T)) issues.push(ruleIssue({ code: 'custom', path, ...problem }));
      return out as T;
    },
  };
}

function unwrap(shape: Shape | undefined): Shape | undefined {
  let current = shape;
  for (let i = 0; i < 20 && current && (current.kind === 'optional' || current.kind === 'lazy'); i++) current = current.inner!();
  return current;
}

/** The field names of the object shape at a path (for did-you-mean), as schema-issues.ts finds them in a zod schema. */
export function shapeKeysAt(shape: Shape, path: readonly PropertyKey[]): string[] {
  let current = unwrap(shape);
  for (const key of path) {
    if (!current) return [];
    if (current.kind === 'object') current = current.fields![key as string];
    else if (current.kind === 'array' || current.kind === 'record') current = current.inner!();
    else if (current.kind === 'union') current = current.options!.find((o) => ['object', 'array', 'record'].includes(unwrap(o)?.kind ?? ''));
    else return [];
    current = unwrap(current);
  }
  if (current?.kind === 'object') return Object.keys(current.fields!);
  if (current?.kind === 'union') {
    const found = current.options!.map(unwrap).find((o) => o?.kind === 'object');
    if (found) return Object.keys(found.fields!);
  }
  return [];
}

/** Checks `value` against `shape`: the parsed value, or the issues. */
export function checkShape<T>(shape: Shape<T>, value: unknown): { success: true; data: T } | { success: false; issues: Issue[] } {
  const issues: Issue[] = [];
  const data = shape.check(value, [], issues);
  return issues.length === 0 ? { success: true, data } : { success: false, issues };
}
