import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceOf } from '../../src/diagnostics/index.js';
import { safeParsePath as parseWithoutFiles } from '../../src/load/index.js';
import { safeLoadPath, safeParsePath } from '../../src/node/index.js';

const DIR = 'tests/fixtures/load/includes';
const MAIN = join(DIR, 'main.json');

function lineContaining(file: string, needle: string, after = 0): number {
  const lines = readFileSync(file, 'utf8').split('\n');
  return lines.findIndex((line, i) => i >= after && line.includes(needle)) + 1;
}

describe('includes', () => {
  it('joins included steps under their prefix and follows connect', async () => {
    const result = await safeLoadPath(MAIN);
    expect(result.diagnostics).toEqual([]);
    if (!result.ok) return;
    const path = result.value;
    expect(Object.keys(path.steps).sort()).toEqual(['kinderwens', 'na-geboorte/kraamzorg', 'na-geboorte/twee-jaar', 'zwangerschap/controle', 'zwangerschap/intake']);
    // the connected outcome is gone; transitions into it go to the connected step
    expect(path.steps['zwangerschap/intake']!.transitions.map((t) => t.to)).toEqual(['zwangerschap/controle', 'na-geboorte/kraamzorg']);
    expect(path.steps['zwangerschap/controle']!.transitions.map((t) => t.to)).toEqual(['na-geboorte/kraamzorg']);
    expect(path.steps['zwangerschap/intake']!.transitions[1]!.on).toBe('BIRTH');
    expect(path.steps['na-geboorte/kraamzorg']!.transitions.map((t) => t.to)).toEqual(['na-geboorte/twee-jaar']);
    expect(Object.keys(path.actors).sort()).toEqual(['jgz', 'verloskundige']);
    expect(path.includes).toBeUndefined();
    expect(path.initial).toBe('kinderwens');
  });

  it('maps pointers of the composed path back to the included files', async () => {
    const result = await safeLoadPath(MAIN);
    if (!result.ok) throw new Error('fixture did not load');
    const locator = sourceOf(result.value)!;
    const zw = join(DIR, 'zwangerschap.json');
    const intakeLine = lineContaining(zw, '"intake": {');
    expect(locator.locate('/steps/zwangerschap~1intake/transitions/0/to')).toEqual({
      pointer: '/steps/intake/transitions/0/to',
      file: zw,
      line: lineContaining(zw, '{ "to": "controle" }', intakeLine),
      column: readFileSync(zw, 'utf8').split('\n')[lineContaining(zw, '{ "to": "controle" }', intakeLine) - 1]!.indexOf('"to"') + 1,
    });
    const na = join(DIR, 'sub', 'na-geboorte.yaml');
    expect(locator.locate('/steps/na-geboorte~1kraamzorg')).toMatchObject({ pointer: '/steps/kraamzorg', file: na, line: lineContaining(na, '  kraamzorg:'), column: 3 });
    expect(locator.locate('/actors/jgz')).toMatchObject({ file: na, line: lineContaining(na, 'jgz:') });
    // a transition rerouted by connect points at the connect entry that rerouted it
    expect(locator.locate('/steps/zwangerschap~1controle/transitions/0/to')).toMatchObject({ pointer: '/includes/0/connect/bevallen', file: MAIN, line: lineContaining(MAIN, '"bevallen"') });
    expect(locator.locate('/initial')).toMatchObject({ file: MAIN, line: lineContaining(MAIN, '"initial"') });
    expect(locator.textOf(na)).toBe(readFileSync(na, 'utf8'));
  });

  it('resolves includes of parsed text relative to its file name', () => {
    const result = safeParsePath(readFileSync(MAIN, 'utf8'), { filename: MAIN });
    expect(result.ok).toBe(true);
  });

  it('reports a reference error inside an included file at that file', async () => {
    const text = readFileSync(MAIN, 'utf8').replace('"na-geboorte/kraamzorg"', '"na-geboorte/kraamzorgg"');
    const result = safeParsePath(text, { filename: MAIN });
    const target = result.diagnostics.find((d) => d.code === 'unknown-target');
    expect(target).toMatchObject({ file: MAIN, pointer: '/includes/0/connect/bevallen', line: lineContaining(MAIN, '"bevallen"') });
    expect(target!.hint).toContain('"na-geboorte/kraamzorg"');
  });

  it('stops at limits.maxIncludeDepth', async () => {
    const result = await safeLoadPath(MAIN, { limits: { maxIncludeDepth: 0 } });
    expect(result.diagnostics.map((d) => [d.code, d.pointer, d.file])).toEqual([
      ['include-too-deep', '/includes/0/path', MAIN],
      ['include-too-deep', '/includes/1/path', MAIN],
    ]);
  });

  it('reports a clash between a prefixed step and a step of the including path', () => {
    const text = readFileSync(MAIN, 'utf8').replace('"kinderwens": {', '"zwangerschap/controle": { "kind": "wait", "phase": "pregnancy", "label": { "nl": "x" } },\n    "kinderwens": {');
    const result = safeParsePath(text, { filename: MAIN });
    expect(result.diagnostics.map((d) => [d.code, d.pointer])).toContainEqual(['include-conflict', '/includes/0/as']);
  });
});

describe('includes in the browser-safe core', () => {
  it('are not read: each include is a file-unreadable diagnostic that names the Node entry', () => {
    const result = parseWithoutFiles(readFileSync(MAIN, 'utf8'), { filename: MAIN });
    expect(result.ok).toBe(false);
    const unreadable = result.diagnostics.filter((d) => d.code === 'file-unreadable');
    expect(unreadable.length).toBeGreaterThan(0);
    expect(unreadable.every((d) => d.hint?.includes('zorgpaden/node') && d.nl.hint?.includes('zorgpaden/node'))).toBe(true);
  });
});
