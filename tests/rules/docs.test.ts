import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_CODES, RULES } from '../../src/validate/index.js';

const root = join(import.meta.dirname, '..', '..');
const HEADINGS = ['## What it checks', '## Why it matters for families', '## Examples', '## How to fix', '## Options'];

describe('rule documentation and tests', () => {
  it('the registry holds exactly the fixed codes, sorted, each once', () => {
    const codes = RULES.map((r) => r.meta.code);
    expect(codes).toEqual([...RULE_CODES].sort());
    expect(new Set(codes).size).toBe(codes.length);
  });

  for (const rule of RULES) {
    const code = rule.meta.code;
    describe(code, () => {
      it('has a rule file and a table test', () => {
        expect(existsSync(join(root, 'src/validate/rules', `${code}.ts`))).toBe(true);
        expect(existsSync(join(root, 'tests/rules', `${code}.test.ts`))).toBe(true);
        expect(readFileSync(join(root, 'tests/rules', `${code}.test.ts`), 'utf8')).toContain(`ruleTester('${code}'`);
      });

      it('has a docs page with the fixed headings in order, and a failing and a fixed example', () => {
        expect(rule.meta.docs.url).toBe(`docs/rules/${code}.md`);
        const file = join(root, rule.meta.docs.url);
        expect(existsSync(file)).toBe(true);
        const text = readFileSync(file, 'utf8');
        expect(text.split('\n')[0]).toBe(`# ${code}`);
        const headings = text.split('\n').filter((line) => line.startsWith('## '));
        expect(headings).toEqual(HEADINGS);
        const examples = text.slice(text.indexOf('## Examples'), text.indexOf('## How to fix'));
        expect(examples).toMatch(/Failing/);
        expect(examples).toMatch(/Fixed/);
        expect(examples.match(/```/g)?.length ?? 0).toBeGreaterThanOrEqual(4);
      });

      it('has a one-line description and messages in English and Dutch', () => {
        expect(rule.meta.docs.description).toMatch(/^[A-Z].*\.$/);
        expect(rule.meta.docs.description).not.toContain('\n');
        for (const message of Object.values(rule.meta.messages)) {
          expect(message.message.en.length).toBeGreaterThan(0);
          expect(message.message.nl.length).toBeGreaterThan(0);
          expect(message.message.nl).not.toBe(message.message.en);
        }
      });
    });
  }

  it('the index lists every rule page, and no page lacks a rule', () => {
    const index = readFileSync(join(root, 'docs/rules/README.md'), 'utf8');
    for (const code of RULE_CODES) expect(index).toContain(`(${code}.md)`);
    const pages = readdirSync(join(root, 'docs/rules')).filter((f) => f.endsWith('.md') && f !== 'README.md');
    expect(pages.map((p) => p.replace(/\.md$/, '')).sort()).toEqual([...RULE_CODES].sort());
  });
});
