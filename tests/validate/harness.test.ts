import { describe, expect, it } from 'vitest';
import { CarePathSchema, type CarePath } from '../../src/model/index.js';
import { defineRule, RULES, ruleByCode, runRules, validatePath, type Rule } from '../../src/validate/index.js';
import { resolveOptions } from '../../src/validate/options.js';

const path: CarePath = CarePathSchema.parse({
  schemaVersion: 1, id: 'h', version: '1.0.0', title: { nl: 'H' }, initial: 'a',
  steps: {
    a: { kind: 'contact', phase: 'pregnancy', label: { nl: 'a' }, transitions: [{ to: 'b' }] },
    b: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'b' } },
    orphan: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'orphan' } },
  },
});

const crashing: Rule = defineRule({
  meta: { ...ruleByCode('dead-end')!.meta, code: 'dead-end' },
  check() {
    throw new TypeError('boom');
  },
});

describe('the rule harness', () => {
  it('turns a throwing rule into one internal-error naming it, and still runs the other rules', () => {
    const found = runRules({ rules: [crashing, ruleByCode('unreachable-step')!], document: { kind: 'carepath', value: path }, options: resolveOptions(path) });
    expect(found.map((d) => d.code)).toEqual(['internal-error', 'unreachable-step']);
    expect(found[0]!.params).toEqual({ rule: 'dead-end', reason: 'boom' });
    expect(found[0]!.message).toContain('dead-end');
    expect(found[0]!.nl.message).toContain('dead-end');
  });

  it('drops what a rule reported before it crashed', () => {
    const half = defineRule({
      meta: ruleByCode('unreachable-step')!.meta,
      check({ report }) {
        report({ pointer: '/steps/a', params: { step: 'a', initial: 'a' } });
        throw new Error('later');
      },
    });
    const found = runRules({ rules: [half], document: { kind: 'carepath', value: path }, options: resolveOptions(path) });
    expect(found.map((d) => d.code)).toEqual(['internal-error']);
  });

  it('reports an unknown message id as an internal error of that rule', () => {
    const wrong = defineRule({ meta: ruleByCode('dead-end')!.meta, check: ({ report }) => report({ pointer: '', params: {}, messageId: 'nope' }) });
    const [d] = runRules({ rules: [wrong], document: { kind: 'carepath', value: path }, options: resolveOptions(path) });
    expect(d).toMatchObject({ code: 'internal-error', params: { rule: 'dead-end' } });
  });

  it('applies severities: off skips the rule, warn and error set the severity', () => {
    const rules = [ruleByCode('unreachable-step')!];
    const run = (setting: 'off' | 'warn' | 'error') => runRules({ rules, document: { kind: 'carepath', value: path }, options: resolveOptions(path), settings: { 'unreachable-step': setting } });
    expect(run('off')).toEqual([]);
    expect(run('warn').map((d) => d.severity)).toEqual(['warning']);
    expect(run('error').map((d) => d.severity)).toEqual(['error']);
  });

  it('runs only the rules whose scope is the document kind', () => {
    const menukaart = { schemaVersion: 1 as const, kind: 'menukaart' as const, id: 'm', version: '1', title: { nl: 'M' }, interventions: {} };
    expect(runRules({ rules: RULES, document: { kind: 'menukaart', value: menukaart }, options: resolveOptions(undefined) })).toEqual([]);
  });
});

describe('validatePath', () => {
  it('returns ok with warnings only, and not ok with an error', () => {
    expect(validatePath(path).ok).toBe(false);
    expect(validatePath(path, { rules: { 'unreachable-step': 'warn' } })).toMatchObject({ ok: true, diagnostics: [{ code: 'unreachable-step', severity: 'warning' }] });
  });

  it('takes settings from a config object, and `rules` wins over it', () => {
    expect(validatePath(path, { config: { rules: { 'unreachable-step': 'off' } } }).diagnostics).toEqual([]);
    expect(validatePath(path, { config: { rules: { 'unreachable-step': 'off' } }, rules: { 'unreachable-step': 'warn' } }).diagnostics).toHaveLength(1);
  });

  it('reports unknown rule names with a did-you-mean hint, and bad settings', () => {
    const result = validatePath(path, { rules: { 'unreachable-steps': 'off', 'dead-end': 'warning' as 'warn' } });
    expect(result.ok).toBe(false);
    const unknown = result.diagnostics.find((d) => d.code === 'unknown-rule')!;
    expect(unknown.hint).toBe('Did you mean "unreachable-step"?');
    expect(unknown.nl.hint).toBe('Bedoelde je "unreachable-step"?');
    expect(result.diagnostics.find((d) => d.code === 'invalid-rule-setting')?.params).toMatchObject({ rule: 'dead-end', value: '"warning"' });
  });

  it('never throws on content that is not a path', () => {
    for (const bad of [null, 42, 'text', [], {}, { steps: 5 }, { steps: { a: { transitions: 'x' } } }, { steps: { a: null } }]) {
      const result = validatePath(bad as unknown as CarePath);
      expect(result.ok).toBe(false);
      expect(result.diagnostics.length).toBeGreaterThan(0);
    }
  });

  it('reports a malformed path object that passes the shape test as an internal error, not a crash', () => {
    const broken = { ...path, actors: undefined, steps: { a: { kind: 'contact', phase: 'nowhere', label: { nl: 'a' }, transitions: [{ to: 'a', when: { all: 'x' } }] } } };
    expect(() => validatePath(broken as unknown as CarePath)).not.toThrow();
  });

  it('handles a path of 100,000 steps in a chain without overflowing the stack', () => {
    const n = 100_000;
    const steps: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) steps[`s${i}`] = i === n - 1 ? { kind: 'outcome', phase: 'pregnancy', label: { nl: 's' }, transitions: [] } : { kind: 'contact', phase: 'pregnancy', label: { nl: 's' }, transitions: [{ to: `s${i + 1}` }] };
    const chain = { schemaVersion: 1, id: 'chain', version: '1.0.0', title: { nl: 'C' }, actors: {}, initial: 's0', steps } as unknown as CarePath;
    const result = validatePath(chain);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
