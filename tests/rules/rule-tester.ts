import { describe, expect, it } from 'vitest';
import { CarePathSchema, HouseholdPathSchema, InterventionSchema, MenukaartSchema, PopulationSchema, type CarePath } from '../../src/model/index.js';
import {
  RULE_CODES,
  ruleByCode,
  validateHouseholdPath,
  validateMenukaart,
  validatePath,
  validatePopulation,
  type RuleSetting,
  type ValidateOptions,
} from '../../src/validate/index.js';

type Data = Record<string, unknown>;

/** A compact step: kind, transitions (targets or transition objects) and other fields; phase defaults to pregnancy. */
export function step(kind: string, transitions: (string | Data)[] = [], extra: Data = {}): Data {
  return { kind, phase: 'pregnancy', transitions: transitions.map((t) => (typeof t === 'string' ? { to: t } : t)), ...extra };
}

/** Builds a parsed care path from steps; the first step is initial, labels default to the step id. */
export function makePath(steps: Record<string, Data>, extra: Data = {}): CarePath {
  const labelled = Object.fromEntries(Object.entries(steps).map(([id, s]) => [id, { label: { nl: id }, ...s }]));
  return CarePathSchema.parse({
    schemaVersion: 1,
    id: 'test',
    version: '1.0.0',
    title: { nl: 'Test' },
    initial: Object.keys(steps)[0],
    ...extra,
    actors: { a: { label: { nl: 'A' }, domain: 'medical' }, ...(extra.actors as Data | undefined) },
    steps: labelled,
  });
}

/** A document to validate: a care path (steps + extra fields), or a menukaart or population as data. */
export interface RuleCase {
  name: string;
  steps?: Record<string, Data>;
  extra?: Data;
  menukaart?: Data;
  population?: Data;
  /** A household path (format version 2) as data, validated with `validateHouseholdPath`. */
  household?: Data;
  /** Validation options; `menukaart` is given as intervention data by id and parsed here. */
  options?: Omit<ValidateOptions, 'menukaart'> & { menukaart?: Record<string, Data> };
  /** Changes the parsed path, for content the schema would refuse (programmatic paths). */
  mutate?: (path: CarePath) => void;
}

/** An expected finding: its pointer, a subset of its params and optionally its message id's text. */
export interface ExpectedFinding {
  pointer: string;
  params?: Data;
}

function only(code: string): Record<string, RuleSetting> {
  return Object.fromEntries(RULE_CODES.filter((c) => c !== code).map((c) => [c, 'off' as const]));
}

function run(code: string, c: RuleCase) {
  const menukaart = c.options?.menukaart && Object.fromEntries(Object.entries(c.options.menukaart).map(([k, v]) => [k, InterventionSchema.parse(v)]));
  const options: ValidateOptions = { ...c.options, menukaart, rules: { ...only(code), ...c.options?.rules } };
  if (c.menukaart) return validateMenukaart(MenukaartSchema.parse(c.menukaart), options);
  if (c.population) return validatePopulation(PopulationSchema.parse(c.population), options);
  if (c.household) return validateHouseholdPath(HouseholdPathSchema.parse(c.household), options);
  const path = makePath(c.steps ?? {}, c.extra);
  c.mutate?.(path);
  return validatePath(path, options);
}

/**
 * A table test for one rule, in the style of ESLint's RuleTester: valid cases must give no finding
 * of the rule; invalid cases exactly the expected findings (code, pointer, params), in pointer order,
 * with every message placeholder filled in both languages.
 */
export function ruleTester(code: string, cases: { valid: RuleCase[]; invalid: (RuleCase & { findings: ExpectedFinding[] })[] }): void {
  const rule = ruleByCode(code);
  describe(`rule ${code}`, () => {
    it('is registered', () => expect(rule?.meta.code).toBe(code));
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const found = run(code, c).diagnostics.filter((d) => d.code === code || d.code === 'internal-error');
        expect(found).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const result = run(code, c);
        expect(result.diagnostics.filter((d) => d.code === 'internal-error')).toEqual([]);
        const found = result.diagnostics.filter((d) => d.code === code);
        expect(found.map((d) => d.pointer)).toEqual(c.findings.map((f) => f.pointer));
        found.forEach((d, i) => {
          expect(d.params).toMatchObject(c.findings[i]!.params ?? {});
          expect(d.severity).toBe(rule!.meta.severity);
          for (const text of [d.message, d.hint ?? '', d.nl.message, d.nl.hint ?? '']) expect(text).not.toMatch(/\{\{/);
        });
      });
    }
  });
}
