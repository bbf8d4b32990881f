/*
 * Consistency of the validation rules, as ESLint checks its own: every rule code has its rule file,
 * its registry entry, its docs page with the fixed headings, its row in docs/rules/README.md and its
 * table test. Run: npx tsx scripts/check-rule-docs.ts (exit 1 when something is missing).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_CODES, ruleByCode } from '../src/validate/index.js';

const root = join(import.meta.dirname, '..');
const HEADINGS = ['## What it checks', '## Why it matters for families', '## Examples', '## How to fix', '## Options'];
const index = readFileSync(join(root, 'docs/rules/README.md'), 'utf8');

const problems: string[] = [];
for (const code of RULE_CODES) {
  const page = join(root, 'docs/rules', `${code}.md`);
  if (!existsSync(join(root, 'src/validate/rules', `${code}.ts`))) problems.push(`${code}: no src/validate/rules/${code}.ts`);
  if (!ruleByCode(code)) problems.push(`${code}: not in the registry (src/validate/rules/index.ts)`);
  if (!existsSync(join(root, 'tests/rules', `${code}.test.ts`))) problems.push(`${code}: no tests/rules/${code}.test.ts`);
  if (!index.includes(`(${code}.md)`)) problems.push(`${code}: no row in docs/rules/README.md`);
  if (!existsSync(page)) {
    problems.push(`${code}: no docs/rules/${code}.md`);
    continue;
  }
  const headings = readFileSync(page, 'utf8').split('\n').filter((l) => l.startsWith('## '));
  if (headings.join('|') !== HEADINGS.join('|')) problems.push(`${code}: headings are ${headings.join(', ')}; expected ${HEADINGS.join(', ')}`);
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exitCode = 1;
} else {
  console.log(`${RULE_CODES.length} rules: each has its file, registry entry, docs page and table test.`);
}
