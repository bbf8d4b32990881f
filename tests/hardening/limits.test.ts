import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkReferences,
  isZorgpadenError,
  LIMITS,
  parsePath,
  safeLoadPath,
  safeParsePath,
  simulate,
  type CarePath,
  type Diagnostic,
  type Limits,
  type Result,
} from '../support/everything.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zorgpaden-limits-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** The 1-based line of the `nth` occurrence of `fragment` in `text`, found apart from the loader. */
function lineOf(text: string, fragment: string, nth = 1): number {
  let at = -1;
  for (let i = 0; i < nth; i++) at = text.indexOf(fragment, at + 1);
  expect(at, `"${fragment}" #${nth} is in the text`).toBeGreaterThanOrEqual(0);
  return text.slice(0, at).split('\n').length;
}

interface PathParts {
  steps?: number;
  when?: unknown;
  title?: string;
  description?: string;
}

/** A small valid path as pretty JSON: intake → einde, plus extra outcome steps up to `steps`. */
function pathText({ steps = 2, when, title = 'Grenzen', description }: PathParts = {}): string {
  const all: Record<string, unknown> = {
    intake: { kind: 'contact', phase: 'pregnancy', label: { nl: 'Intake' }, transitions: [when === undefined ? { to: 'einde' } : { to: 'einde', when }] },
    einde: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'Einde' } },
  };
  for (let i = 0; i < steps - 2; i++) all[`s${i}`] = { kind: 'outcome', phase: 'pregnancy', label: { nl: `Stap ${i}` } };
  const path = { schemaVersion: 1, id: 'test/grenzen', version: '1.0.0', title: { nl: title }, ...(description ? { description: { nl: description } } : {}), initial: 'intake', steps: all };
  return JSON.stringify(path, null, 2);
}

/** A condition `depth` levels deep: nots around one hasRisk (a leaf is depth 1). */
function nested(depth: number): unknown {
  let condition: unknown = { hasRisk: 'debts' };
  for (let i = 1; i < depth; i++) condition = { not: condition };
  return condition;
}

function only(result: Result<unknown>, code: string): Diagnostic[] {
  return result.diagnostics.filter((d) => d.code === code);
}

function expectAccepted(result: Result<unknown>, code: string): void {
  expect(only(result, code)).toEqual([]);
  expect(result.ok, JSON.stringify(result.diagnostics.map((d) => d.code))).toBe(true);
}

function expectOne(result: Result<unknown>, code: string, pointer: string, params: Record<string, unknown>): Diagnostic {
  expect(result.ok).toBe(false);
  const found = only(result, code);
  expect(found, JSON.stringify(result.diagnostics.map((d) => [d.code, d.pointer]))).toHaveLength(1);
  expect(found[0]!.pointer).toBe(pointer);
  expect(found[0]!.params).toMatchObject(params);
  expect(found[0]!.nl.message).not.toBe('');
  return found[0]!;
}

const parse = (text: string, limits?: Partial<Limits>) => safeParsePath(text, { filename: 'grenzen.json', ...(limits ? { limits } : {}) });

describe('file size (maxFileBytes)', () => {
  const text = pathText();
  const bytes = Buffer.byteLength(text);

  it('text of exactly the limit is read; one byte over gives file-too-large with size and limit', () => {
    expectAccepted(parse(text, { maxFileBytes: bytes }), 'file-too-large');
    const d = expectOne(parse(text, { maxFileBytes: bytes - 1 }), 'file-too-large', '', { size: bytes, limit: bytes - 1 });
    expect(d.message).toBe(`File is ${bytes} bytes, more than the limit of ${bytes - 1} bytes.`);
  });

  it('a file gives the same diagnostic, naming the file, without reading it', async () => {
    const file = write('size.json', text);
    expectAccepted(await safeLoadPath(file, { limits: { maxFileBytes: bytes } }), 'file-too-large');
    const d = expectOne(await safeLoadPath(file, { limits: { maxFileBytes: bytes - 1 } }), 'file-too-large', '', { size: bytes, limit: bytes - 1 });
    expect(d.file).toBe(file);
  });

  it('counts bytes, not characters: multi-byte text is measured in UTF-8', () => {
    const dutch = pathText({ title: 'ë'.repeat(100) });
    const utf8 = Buffer.byteLength(dutch);
    expect(utf8).toBe(dutch.length + 100);
    expectAccepted(parse(dutch, { maxFileBytes: utf8 }), 'file-too-large');
    expectOne(parse(dutch, { maxFileBytes: dutch.length }), 'file-too-large', '', { size: utf8, limit: dutch.length });
  });

  it('at the default: a file of exactly 32 MiB is read, one byte more is refused', async () => {
    const exact = text + ' '.repeat(LIMITS.maxFileBytes - bytes);
    const file = write('32mib.json', exact);
    expectAccepted(await safeLoadPath(file), 'file-too-large');
    const over = write('32mib-plus-one.json', exact + ' ');
    expectOne(await safeLoadPath(over), 'file-too-large', '', { size: LIMITS.maxFileBytes + 1, limit: LIMITS.maxFileBytes });
    expectAccepted(await safeLoadPath(over, { limits: { maxFileBytes: LIMITS.maxFileBytes + 1 } }), 'file-too-large');
  }, 30_000);
});

describe('number of steps (maxSteps)', () => {
  const text = pathText({ steps: 12 });

  it('12 steps pass a limit of 12; a limit of 11 gives too-many-steps at /steps; 13 steps pass a raised limit of 13', () => {
    expectAccepted(parse(text, { maxSteps: 12 }), 'too-many-steps');
    expectAccepted(parse(pathText({ steps: 13 }), { maxSteps: 13 }), 'too-many-steps');
    expectOne(parse(pathText({ steps: 13 }), { maxSteps: 12 }), 'too-many-steps', '/steps', { count: 13, limit: 12 });
    const d = expectOne(parse(text, { maxSteps: 11 }), 'too-many-steps', '/steps', { count: 12, limit: 11 });
    expect(d.message).toBe('The path has 12 steps, more than the limit of 11.');
  });

  it('a file gives the same diagnostic at the line of "steps"', async () => {
    const file = write('steps.json', text);
    const d = expectOne(await safeLoadPath(file, { limits: { maxSteps: 11 } }), 'too-many-steps', '/steps', { count: 12, limit: 11 });
    expect(d.file).toBe(file);
    expect(d.line).toBe(lineOf(text, '"steps"'));
  });

  it('includes cannot multiply their way past it: the include that goes over is refused, before the rest is joined', async () => {
    // each file includes the next one three times: 1 + 3 × (1 + 3 × (1 + 3 × (1 + 3))) = 121 steps
    let text = '';
    for (let level = 4; level >= 0; level--) {
      const includes = level < 4 ? { includes: [0, 1, 2].map((i) => ({ path: `bomb-${level + 1}.json`, as: `k${i}` })) } : {};
      text = JSON.stringify({ schemaVersion: 1, id: `test/bom${level}`, version: '1.0.0', title: { nl: 'Bom' }, initial: 'start', ...includes, steps: { start: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'S' } } } }, null, 2);
      write(`bomb-${level}.json`, text);
    }
    expectAccepted(await safeLoadPath(join(dir, 'bomb-0.json'), { limits: { maxSteps: 121 } }), 'too-many-steps');
    // the root's first include brings 1 + 40 steps; its second would bring 40 more: 81 > 50
    const d = expectOne(await safeLoadPath(join(dir, 'bomb-0.json'), { limits: { maxSteps: 50 } }), 'too-many-steps', '/includes/1/path', { count: 81, limit: 50 });
    expect(d.file).toBe(join(dir, 'bomb-0.json'));
    expect(d.line).toBe(lineOf(text, '"path"', 2));
    expectOne(await safeLoadPath(join(dir, 'bomb-0.json'), { limits: { maxSteps: 120 } }), 'too-many-steps', '/includes/2/path', { count: 121, limit: 120 });
  });

  it('at the default: 200,000 steps pass the reference check, 200,001 do not', () => {
    const step = { kind: 'outcome', phase: 'pregnancy', label: { nl: 'S' }, transitions: [] };
    const steps: Record<string, unknown> = {};
    for (let i = 0; i < LIMITS.maxSteps; i++) steps[`s${i}`] = step;
    const path = { schemaVersion: 1, id: 'test/veel', version: '1.0.0', title: { nl: 'Veel' }, actors: {}, initial: 's0', steps } as unknown as CarePath;
    expect(checkReferences(path).filter((d) => d.code === 'too-many-steps')).toEqual([]);
    steps.extra = step;
    expect(checkReferences(path).map((d) => [d.code, d.params])).toEqual([['too-many-steps', { count: LIMITS.maxSteps + 1, limit: LIMITS.maxSteps }]]);
  }, 30_000);
});

describe('include depth (maxIncludeDepth)', () => {
  /** A chain root → inc1 → … → inc<levels>, each file including the next; returns the root file. */
  function chain(name: string, levels: number): { root: string; texts: string[] } {
    const texts: string[] = [];
    for (let k = levels; k >= 0; k--) {
      const file = { schemaVersion: 1, id: `test/inc${k}`, version: '1.0.0', title: { nl: `Niveau ${k}` }, initial: 'start', ...(k < levels ? { includes: [{ path: `${name}-${k + 1}.json`, as: `d${k + 1}` }] } : {}), steps: { start: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'Start' } } } };
      texts[k] = JSON.stringify(file, null, 2);
      write(`${name}-${k}.json`, texts[k]!);
    }
    return { root: join(dir, `${name}-0.json`), texts };
  }

  it('3 levels pass a limit of 3; 4 levels give include-too-deep at the include of the third file, with its line', async () => {
    expectAccepted(await safeLoadPath(chain('three', 3).root, { limits: { maxIncludeDepth: 3 } }), 'include-too-deep');
    const { root, texts } = chain('four', 4);
    const d = expectOne(await safeLoadPath(root, { limits: { maxIncludeDepth: 3 } }), 'include-too-deep', '/includes/0/path', { limit: 3 });
    expect(d.file).toBe(join(dir, 'four-3.json'));
    expect(d.line).toBe(lineOf(texts[3]!, '"path"'));
    expect(d.message).toBe('Includes nest more than 3 levels deep.');
  });

  it('at the default: 16 levels are read, 17 are refused unless the limit is raised', async () => {
    expectAccepted(await safeLoadPath(chain('sixteen', LIMITS.maxIncludeDepth).root), 'include-too-deep');
    const { root } = chain('seventeen', LIMITS.maxIncludeDepth + 1);
    expectOne(await safeLoadPath(root), 'include-too-deep', '/includes/0/path', { limit: LIMITS.maxIncludeDepth });
    expectAccepted(await safeLoadPath(root, { limits: { maxIncludeDepth: LIMITS.maxIncludeDepth + 1 } }), 'include-too-deep');
  });

  it('parsePath text counts the same levels, relative to its filename', () => {
    chain('text', 2);
    const text = JSON.stringify({ schemaVersion: 1, id: 'test/tekst', version: '1.0.0', title: { nl: 'Tekst' }, initial: 'start', includes: [{ path: 'text-1.json', as: 'd1' }], steps: { start: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'Start' } } } });
    expectAccepted(safeParsePath(text, { filename: join(dir, 'text-0.json'), limits: { maxIncludeDepth: 2 } }), 'include-too-deep');
    expectOne(safeParsePath(text, { filename: join(dir, 'text-0.json'), limits: { maxIncludeDepth: 1 } }), 'include-too-deep', '/includes/0/path', { limit: 1 });
  });
});

describe('condition nesting (maxConditionDepth)', () => {
  const WHEN = '/steps/intake/transitions/0/when';

  it('depth 5 passes a limit of 5; depth 6 gives condition-too-deep at the condition', () => {
    expectAccepted(parse(pathText({ when: nested(5) }), { maxConditionDepth: 5 }), 'condition-too-deep');
    const d = expectOne(parse(pathText({ when: nested(6) }), { maxConditionDepth: 5 }), 'condition-too-deep', WHEN, { depth: 6, limit: 5 });
    expect(d.message).toBe('Condition nests 6 levels deep, more than the limit of 5.');
  });

  it('a file gives the same diagnostic at the line of "when"', async () => {
    const text = pathText({ when: nested(6) });
    const file = write('condition.json', text);
    const d = expectOne(await safeLoadPath(file, { limits: { maxConditionDepth: 5 } }), 'condition-too-deep', WHEN, { depth: 6, limit: 5 });
    expect(d.file).toBe(file);
    expect(d.line).toBe(lineOf(text, '"when"'));
  });

  it('at the default: depth 32 passes, 33 does not unless the limit is raised', () => {
    expectAccepted(parse(pathText({ when: nested(LIMITS.maxConditionDepth) })), 'condition-too-deep');
    const over = pathText({ when: nested(LIMITS.maxConditionDepth + 1) });
    expectOne(parse(over), 'condition-too-deep', WHEN, { depth: 33, limit: 32 });
    expectAccepted(parse(over, { maxConditionDepth: 33 }), 'condition-too-deep');
  });

  it('all and any count like not', () => {
    const wide = { all: [{ hasRisk: 'debts' }, { any: [{ hasProtection: 'network' }, { not: { hasRisk: 'debts' } }] }] };
    expectAccepted(parse(pathText({ when: wide }), { maxConditionDepth: 4 }), 'condition-too-deep');
    expectOne(parse(pathText({ when: wide }), { maxConditionDepth: 3 }), 'condition-too-deep', WHEN, { depth: 4, limit: 3 });
  });
});

describe('label length (maxLabelLength, fixed)', () => {
  const under = 'x'.repeat(LIMITS.maxLabelLength);
  const over = under + 'x';

  it('a label of 2000 characters is read; 2001 gives label-too-long with length and limit', () => {
    expectAccepted(parse(pathText({ title: under })), 'label-too-long');
    const d = expectOne(parse(pathText({ title: over })), 'label-too-long', '/title/nl', { length: 2001, limit: 2000 });
    expect(d.message).toBe('Text is 2001 characters long, more than the limit of 2000.');
    expect(d.nl.message).toBe('Tekst is 2001 tekens lang, meer dan de grens van 2000.');
  });

  it('a description may be five times as long', () => {
    const long = 'y'.repeat(LIMITS.maxLabelLength * 5);
    expectAccepted(parse(pathText({ description: long })), 'label-too-long');
    expectOne(parse(pathText({ description: long + 'y' })), 'label-too-long', '/description/nl', { length: 10_001, limit: 10_000 });
  });

  it('a file gives the same diagnostic at the line of the label', async () => {
    const text = pathText({ title: over });
    const file = write('label.json', text);
    const d = expectOne(await safeLoadPath(file), 'label-too-long', '/title/nl', { length: 2001, limit: 2000 });
    expect(d.file).toBe(file);
    expect(d.line).toBe(lineOf(text, `"nl": "${over.slice(0, 20)}`));
  });

  it('cannot be changed per call: asking to is refused, not silently ignored', () => {
    let error: unknown;
    try {
      parsePath(pathText(), { limits: { maxLabelLength: 5000 } });
    } catch (e) {
      error = e;
    }
    expect(isZorgpadenError(error) && error.message.startsWith('parsePath: options.limits.maxLabelLength must be 2000 (this limit cannot be changed per call), but it is the number 5000.')).toBe(true);
    expect(parse(pathText(), { maxLabelLength: LIMITS.maxLabelLength }).ok).toBe(true);
  });
});

describe('cohort size (maxCohort, fixed)', () => {
  let path: CarePath;
  beforeAll(() => {
    path = parsePath(pathText(), { filename: 'grenzen.json' });
  });

  it('one client over the limit is refused with the exact message', async () => {
    const refused = simulate(path, { cohort: LIMITS.maxCohort + 1, seed: 1 });
    await expect(refused).rejects.toThrow(/^simulate: cohort must be a whole number from 1 to 20000000, but it is the number 20000001\.\n/);
    await expect(refused).rejects.toMatchObject({ diagnostics: [{ code: 'invalid-argument', params: { argument: 'cohort', actual: 'the number 20000001' } }] });
  });

  it('a cohort of exactly the limit starts to run (stopped after the first progress report)', async () => {
    const stop = new Error('stop');
    let reported: [number, number] | undefined;
    const run = simulate(path, {
      cohort: LIMITS.maxCohort,
      seed: 1,
      onProgress: (done, total) => {
        reported = [done, total];
        throw stop;
      },
    });
    await expect(run).rejects.toBe(stop);
    expect(reported).toEqual([4096, LIMITS.maxCohort]);
  });

  it('cannot be changed through a loader\'s limits: asking to is refused, not silently ignored', async () => {
    await expect(safeLoadPath(write('cohort.json', pathText()), { limits: { maxCohort: 50_000_000 } })).rejects.toThrow(
      'safeLoadPath: options.limits.maxCohort must be 20000000 (this limit cannot be changed per call), but it is the number 50000000.',
    );
  });

  it('a cohort of 1 runs; 0 is refused', async () => {
    expect((await simulate(path, { cohort: 1, seed: 1 })).cohort).toBe(1);
    await expect(simulate(path, { cohort: 0, seed: 1 })).rejects.toThrow('simulate: cohort must be a whole number from 1 to 20000000, but it is the number 0.');
  });
});

describe('YAML aliases (maxYamlAliasCount)', () => {
  /** A path in YAML whose phases list repeats one anchored phase through `aliases` aliases, one a line. */
  function yamlWith(aliases: number): string {
    const lines = ['schemaVersion: 1', 'id: test/aliassen', 'version: 1.0.0', 'title: { nl: Aliassen }', 'initial: intake', 'phases:', '  - &fase pregnancy'];
    for (let i = 0; i < aliases; i++) lines.push('  - *fase');
    lines.push('steps:', '  intake: { kind: outcome, phase: pregnancy, label: { nl: Intake } }', '');
    return lines.join('\n');
  }
  const parseYaml = (text: string, limits?: Partial<Limits>) => safeParsePath(text, { filename: 'aliassen.yaml', ...(limits ? { limits } : {}) });

  it('10 aliases pass a limit of 10; 11 give yaml-alias-limit at the eleventh alias', () => {
    expectAccepted(parseYaml(yamlWith(10), { maxYamlAliasCount: 10 }), 'yaml-alias-limit');
    const text = yamlWith(11);
    const d = expectOne(parseYaml(text, { maxYamlAliasCount: 10 }), 'yaml-alias-limit', '', { limit: 10 });
    expect(d.line).toBe(lineOf(text, '*fase', 11));
    expect(d.column).toBe(5);
    expect(d.message).toBe('The YAML aliases expand to more than 10 nodes; reading stopped.');
  });

  it('a file gives the same diagnostic with file and line', async () => {
    const text = yamlWith(11);
    const file = write('aliases.yaml', text);
    const d = expectOne(await safeLoadPath(file, { limits: { maxYamlAliasCount: 10 } }), 'yaml-alias-limit', '', { limit: 10 });
    expect(d.file).toBe(file);
    expect(d.line).toBe(lineOf(text, '*fase', 11));
  });

  it('an alias of a map counts every node it expands to', () => {
    // each alias of { nl: Intake } expands to two nodes: the map and its one value
    const text = (n: number) => ['schemaVersion: 1', 'id: test/kaart', 'version: 1.0.0', 'title: &label { nl: Kaart }', 'initial: s0', 'steps:', ...Array.from({ length: n }, (_, i) => `  s${i}: { kind: outcome, phase: pregnancy, label: *label }`), ''].join('\n');
    expectAccepted(parseYaml(text(5), { maxYamlAliasCount: 10 }), 'yaml-alias-limit');
    expectOne(parseYaml(text(6), { maxYamlAliasCount: 11 }), 'yaml-alias-limit', '', { limit: 11 });
  });

  it('at the default: 1000 aliases are read, 1001 are refused unless the limit is raised', () => {
    expectAccepted(parseYaml(yamlWith(LIMITS.maxYamlAliasCount)), 'yaml-alias-limit');
    expectOne(parseYaml(yamlWith(LIMITS.maxYamlAliasCount + 1)), 'yaml-alias-limit', '', { limit: LIMITS.maxYamlAliasCount });
    expectAccepted(parseYaml(yamlWith(LIMITS.maxYamlAliasCount + 1), { maxYamlAliasCount: LIMITS.maxYamlAliasCount + 1 }), 'yaml-alias-limit');
  });
});

describe('docs/reference/limits.md', () => {
  const doc = readFileSync('docs/reference/limits.md', 'utf8');

  it('has a row for every limit, with its default', () => {
    for (const [name, value] of Object.entries(LIMITS)) {
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${name}\``));
      expect(row, name).toBeDefined();
      expect(row!.replaceAll(',', ''), name).toContain(String(value));
    }
  });

  it('quotes the messages the library gives', () => {
    const over = parse(pathText({ steps: 12 }), { maxSteps: 11 }).diagnostics[0]!.message.replace('12', '200001').replace('11', '200000');
    expect(doc).toContain(over);
    const deep = parse(pathText({ when: nested(33) })).diagnostics[0]!.message;
    expect(doc).toContain(deep);
    const label = parse(pathText({ title: 'x'.repeat(2001) })).diagnostics[0]!.message;
    expect(doc).toContain(label);
  });
});
