import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { runCli } from '../../src/cli/main.js';
import { MISSED_SHOWN, missedLine } from '../../src/cli/commands/coverage-list.js';

const OUT = resolve('test-output', 'coverage-missed');

async function run(argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const context: CliContext = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), interactive: false, cwd: process.cwd() };
  const status = await runCli(argv, context);
  return { status, stdout, stderr };
}

/** The shipped file with `count` steps added that nothing leads to. */
function withOrphans(file: string, count: number, step: (i: number) => unknown): string {
  const doc = JSON.parse(readFileSync(resolve(file), 'utf8')) as { steps: Record<string, unknown>; menukaart?: string; $schema?: string };
  for (let i = 0; i < count; i++) doc.steps[`wees-${i}`] = step(i);
  // the copy lies in test-output/: names it reads stay inside the repository
  if (doc.menukaart !== undefined) doc.menukaart = resolve('paths/menukaart/menukaart.json');
  delete doc.$schema;
  mkdirSync(OUT, { recursive: true });
  const target = join(OUT, `${count}-${file.replace(/\W+/g, '-')}`);
  writeFileSync(target, JSON.stringify(doc));
  return target;
}

describe('coverage lists what it never reached', () => {
  it('names up to the first 20 items and counts the rest; --all and a short list name every item', () => {
    const items = Array.from({ length: 1234 }, (_, i) => `s${i}`);
    const line = missedLine('Nooit bereikt', items, 'nl');
    expect(line).toBe(`Nooit bereikt (1.234): ${items.slice(0, MISSED_SHOWN).join(', ')} … en 1.214 meer (alle met --all of --json)\n`);
    expect(missedLine('Never reached', items, 'en')).toContain('… and 1,214 more (all with --all or --json)');
    expect(missedLine('Nooit bereikt', items, 'nl', true)).toBe(`Nooit bereikt: ${items.join(', ')}\n`);
    expect(missedLine('Nooit bereikt', items.slice(0, MISSED_SHOWN), 'nl')).toBe(`Nooit bereikt: ${items.slice(0, MISSED_SHOWN).join(', ')}\n`);
    expect(missedLine('Nooit bereikt', [], 'nl')).toBe('');
  });

  it('keeps the text of a path with 2,000 unreachable steps short, and --all and --json complete', async () => {
    const file = withOrphans('paths/national/zwangerschap.json', 2000, (i) => ({ kind: 'outcome', phase: 'pregnancy', label: { nl: `Wees ${i}` }, transitions: [] }));
    const text = await run(['coverage', file, '--lang', 'en']);
    const line = text.stdout.split('\n').find((l) => l.startsWith('Never reached'))!;
    expect(line).toMatch(/^Never reached \(2,0\d\d\): /);
    expect(line.length).toBeLessThan(1000);
    expect(line).toMatch(/… and 1,9\d\d more \(all with --all or --json\)$/);
    const all = await run(['coverage', file, '--lang', 'en', '--all']);
    const full = all.stdout.split('\n').find((l) => l.startsWith('Never reached: '))!;
    for (let i = 0; i < 2000; i++) expect(full).toContain(`wees-${i}`);
    const json = await run(['coverage', file, '--json']);
    const missed = (JSON.parse(json.stdout) as { coverage: { steps: { missed: string[] } } }).coverage.steps.missed;
    expect(missed.filter((id) => id.startsWith('wees-'))).toHaveLength(2000);
  }, 120_000);

  it('does the same for a household path', async () => {
    const file = withOrphans('paths/households/huishouden-1000-dagen.json', 30, (i) => ({ track: 'geboortezorg', kind: 'outcome', phase: 'postpartum', result: 'good', label: { nl: `Wees ${i}` } }));
    const text = await run(['coverage', file, '--lang', 'nl']);
    expect(text.stderr).toBe('');
    const line = text.stdout.split('\n').find((l) => l.startsWith('Nooit bereikt'))!;
    expect(line).toMatch(/^Nooit bereikt \(3\d\): .* … en 1\d meer \(alle met --all of --json\)$/);
    const all = await run(['coverage', file, '--lang', 'nl', '--all']);
    const full = all.stdout.split('\n').find((l) => l.startsWith('Nooit bereikt: '))!;
    for (let i = 0; i < 30; i++) expect(full).toContain(`wees-${i}`);
  }, 120_000);
});
