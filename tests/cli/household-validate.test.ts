import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { built, ROOT, runBuilt, tempDir } from './built-cli.js';

const SHIPPED = 'paths/households/huishouden-1000-dagen.json';
const GEZIN = 'tests/fixtures/household/gezin.json';

describe.skipIf(!built)('zorgpaden validate on a household path (the built CLI)', () => {
  let dir: string;
  beforeAll(() => void (dir = tempDir()));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** gezin.json with one transition sent to a step that does not exist, and the line that names it. */
  function broken(): { file: string; line: number } {
    const path = JSON.parse(readFileSync(join(ROOT, GEZIN), 'utf8')) as { steps: Record<string, { transitions: { to: string }[] }> };
    path.steps.consultatie!.transitions[0]!.to = 'nergens';
    const text = JSON.stringify(path, null, 2);
    const file = join(dir, 'kapot.json');
    writeFileSync(file, text);
    return { file: relative(ROOT, file), line: 1 + text.split('\n').findIndex((l) => l.includes('"to": "nergens"')) };
  }

  it('passes the shipped household path and the whole shipped paths/ folder', () => {
    const one = runBuilt(['validate', SHIPPED, '--lang', 'en']);
    expect(one.stderr).toBe('');
    expect(one.status).toBe(0);
    expect(one.stdout).not.toContain('unsupported-schema-version');
    const all = runBuilt(['validate', 'paths/', '--json']);
    expect(all.status).toBe(0);
    const report = JSON.parse(all.stdout) as { diagnostics: { code: string }[]; summary: { errors: number } };
    expect(report.summary.errors).toBe(0);
    expect(report.diagnostics.map((d) => d.code)).not.toContain('unsupported-schema-version');
  });

  it('exits 1 for a household path with an error, naming file, line, pointer and fix in English and Dutch', () => {
    const { file, line } = broken();
    const en = runBuilt(['validate', file, '--lang', 'en']);
    expect(en.status).toBe(1);
    expect(en.stdout).toContain(`${file}:${line}:`);
    expect(en.stdout).toContain('error unknown-target: Step "consultatie" has a transition to "nergens", which does not exist.');
    expect(en.stdout).toContain('hint: Known: "intake"');
    expect(en.stdout).toContain('1 error, 0 warnings');
    const nl = runBuilt(['validate', file, '--lang', 'nl']);
    expect(nl.status).toBe(1);
    expect(nl.stdout).toContain(`${file}:${line}:`);
    expect(nl.stdout).toContain('fout unknown-target: Stap "consultatie" heeft een overgang naar "nergens", maar die stap bestaat niet.');
    const json = runBuilt(['validate', file, '--json']);
    expect(json.status).toBe(1);
    const [finding] = (JSON.parse(json.stdout) as { diagnostics: Record<string, unknown>[] }).diagnostics;
    expect(finding).toMatchObject({ code: 'unknown-target', severity: 'error', file, line, pointer: '/steps/consultatie/transitions/0/to' });
  });

  it('follows --rule on a household path as on a version 1 path', () => {
    const { file } = broken();
    const ran = runBuilt(['validate', file, '--rule', 'unknown-target=warn', '--lang', 'en']);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain('warning unknown-target');
  });

  it('validates a folder holding a version 1 path and a household path, each by its own rules', () => {
    const { file } = broken();
    copyFileSync(join(ROOT, 'tests/fixtures/load/valid.json'), join(dir, 'valid.json'));
    const ran = runBuilt(['validate', relative(ROOT, dir), '--json']);
    expect(ran.status).toBe(1);
    const report = JSON.parse(ran.stdout) as { diagnostics: { code: string; file: string; severity: string }[] };
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ code: 'unknown-target', file })]);
    rmSync(join(ROOT, file));
    const fixed = runBuilt(['validate', relative(ROOT, dir), '--json']);
    expect(fixed.status).toBe(0);
  });

  it('warns for a household risk the population lacks, at its declaration, and not with a population that has it', () => {
    const line = 1 + readFileSync(join(ROOT, GEZIN), 'utf8').split('\n').findIndex((l) => l.includes('"schulden": { "label"'));
    const ran = runBuilt(['validate', GEZIN, '--lang', 'en']);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain(`${GEZIN}:${line}:5 - warning risk-not-in-population: The risk "schulden" does not occur in the population "kansrijke-start/default"`);
    expect(ran.stdout).toContain('0 errors, 1 warning');
    const population = JSON.parse(readFileSync(join(ROOT, 'paths/populations/default.json'), 'utf8')) as { risks: Record<string, unknown> };
    population.risks.schulden = { ...(population.risks.debts as object) };
    writeFileSync(join(dir, 'populatie.json'), JSON.stringify(population, null, 2));
    const withIt = runBuilt(['validate', GEZIN, '--population', relative(ROOT, join(dir, 'populatie.json')), '--json']);
    expect(withIt.status).toBe(0);
    expect((JSON.parse(withIt.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)).not.toContain('risk-not-in-population');
  });

  it('refuses --phase-uncovered-days by name for a household path (exit 2)', () => {
    const ran = runBuilt(['validate', GEZIN, '--phase-uncovered-days', '90', '--lang', 'en']);
    expect(ran.status).toBe(2);
    expect(ran.stderr).toContain('validate --phase-uncovered-days is not available for a household path (format version 2) yet; leave it out.');
  });

  it('gives condition-too-deep, never an internal error, for a deep referral condition (JSON 1000 levels, YAML 100)', () => {
    // the YAML reader itself refuses a document nested much deeper (invalid-yaml)
    for (const [name, depth] of [['diep.json', 1000], ['diep.yaml', 100]] as const) {
      const deep = '{"not":'.repeat(depth - 1) + '{"signalled":"schulden"}' + '}'.repeat(depth - 1);
      // JSON is YAML too: the YAML reader reads the same flow nesting
      const text = readFileSync(join(ROOT, GEZIN), 'utf8').replace('"when": { "signalled": "schulden" }', `"when": ${deep}`);
      expect(text).toContain(deep);
      const file = join(dir, name);
      writeFileSync(file, text);
      const run = runBuilt(['validate', relative(ROOT, file), '--lang', 'en']);
      expect(run.stderr).not.toContain('internal error');
      expect(run.status).toBe(1);
      expect(run.stdout).toContain(`${relative(ROOT, file)}:30:45 - error condition-too-deep: Condition nests ${depth} levels deep, more than the limit of 32.`);
    }
  });
});
