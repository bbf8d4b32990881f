import { describe, expect, it } from 'vitest';
import { safeParsePath } from '../../src/load/index.js';
import { createDiagnostic, LOAD_CODES, sourceOf } from '../../src/diagnostics/index.js';
import { formatJson, formatSarif, formatText, RULES, validatePath } from '../../src/validate/index.js';

const text = `{
  "schemaVersion": 1,
  "id": "demo",
  "version": "1.0.0",
  "title": { "nl": "Demo" },
  "initial": "intake",
  "steps": {
    "intake": { "kind": "contact", "phase": "pregnancy", "label": { "nl": "Intake" },
      "transitions": [ { "to": "klaar", "weight": 0.5 } ] },
    "los": { "kind": "contact", "phase": "pregnancy", "label": { "nl": "Los" }, "transitions": [ { "to": "klaar" } ] },
    "klaar": { "kind": "outcome", "phase": "pregnancy", "label": { "nl": "Klaar" } }
  }
}
`;

function validated() {
  const loaded = safeParsePath(text, { filename: 'paths/demo.json' });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return { path: loaded.value, result: validatePath(loaded.value) };
}

describe('locating and formatting diagnostics', () => {
  it('adds the file, line and column of a loaded path to every diagnostic', () => {
    const { result } = validated();
    const unreachable = result.diagnostics.find((d) => d.code === 'unreachable-step')!;
    expect(unreachable).toMatchObject({ file: 'paths/demo.json', line: 10, column: 5 });
    const weight = result.diagnostics.find((d) => d.code === 'missing-source')!;
    expect(weight.line).toBe(9);
    expect(text.split('\n')[8]!.slice(weight.column! - 1)).toMatch(/^"weight": 0.5/);
  });

  it('shows a window of a long line with the caret under the column, and control characters as �', () => {
    // minified JSON: every diagnostic is on line 1, which is megabytes long in real files
    const long = 'x'.repeat(5_000) + 'TARGET' + 'y'.repeat(5_000) + '\u0007\u001b[31m';
    const at = (column: number, code: string) => ({ ...createDiagnostic(LOAD_CODES.unknownTarget, { target: code, from: 'a', suggestion: '' }, { pointer: '/x', file: 'm.json', line: 1, column }) });
    const diagnostics = Array.from({ length: 2_000 }, () => at(5_001, 'TARGET'));
    const out = formatText([...diagnostics, at(10_007, 'END')], { sourceText: () => long });
    expect(out.length).toBeLessThan(2_001 * 600);
    const lines = out.split('\n');
    const source = lines[2]!;
    const caret = lines[3]!;
    expect(source.length).toBeLessThanOrEqual('1 '.length + 160 + 2);
    expect(source.slice(caret.indexOf('^'))).toMatch(/^TARGET/);
    const end = lines.findIndex((l) => l.startsWith('m.json:1:10007 '));
    expect(lines[end + 2]!.slice(lines[end + 3]!.indexOf('^'))).toBe('\ufffd\ufffd[31m');
    expect(out).not.toMatch(/[\u0007\u001b]/);
  });

  it('prints the source line with a caret under the column, in English and Dutch', () => {
    const { path, result } = validated();
    const locator = sourceOf(path)!;
    const out = formatText(result.diagnostics, { sourceText: (f) => locator.textOf(f) });
    const lines = out.split('\n');
    const at = lines.findIndex((l) => l.startsWith('paths/demo.json:10:5 - error unreachable-step:'));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at + 2]).toBe(`10 ${text.split('\n')[9]}`);
    expect(lines[at + 3]!.indexOf('^')).toBe('10 '.length + 4);
    expect(out).toContain('1 error, 1 warning');
    const nl = formatText(result.diagnostics, { lang: 'nl' });
    expect(nl).toContain('fout unreachable-step: Geen cliënt kan stap "los" bereiken');
    expect(nl).toContain('1 fout, 1 waarschuwing');
    expect(formatText([])).toBe('No problems found.\n');
  });

  it('writes JSON with every diagnostic and a summary', () => {
    const { result } = validated();
    const json = JSON.parse(formatJson(result.diagnostics));
    expect(json.summary).toEqual({ errors: 1, warnings: 1, infos: 0 });
    expect(json.diagnostics).toEqual(JSON.parse(JSON.stringify(result.diagnostics)));
  });

  it('writes SARIF 2.1.0 with rule descriptors and results on the file', () => {
    const { result } = validated();
    const sarif = JSON.parse(formatSarif(result.diagnostics, { version: '1.2.3', lang: 'nl', docsBaseUri: 'https://example.org/zorgpaden/' }));
    expect(sarif.version).toBe('2.1.0');
    const driver = sarif.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'zorgpaden', version: '1.2.3' });
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.meta.code));
    expect(driver.rules.find((r: { id: string }) => r.id === 'dead-end').helpUri).toBe('https://example.org/zorgpaden/docs/rules/dead-end.md');
    const unreachable = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'unreachable-step');
    expect(unreachable).toMatchObject({
      level: 'error',
      ruleIndex: driver.rules.findIndex((r: { id: string }) => r.id === 'unreachable-step'),
      locations: [{ physicalLocation: { artifactLocation: { uri: 'paths/demo.json' }, region: { startLine: 10, startColumn: 5 } } }],
    });
    expect(unreachable.message.text).toContain('Geen cliënt');
    expect(sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'missing-source').level).toBe('warning');
  });

  it('gives codes outside the rules a descriptor of their own', () => {
    const sarif = JSON.parse(formatSarif([{ code: 'invalid-json', severity: 'error', message: 'x', nl: { message: 'x' }, params: {}, pointer: '', file: 'a b.json', line: 1, column: 1 }]));
    const driver = sarif.runs[0].tool.driver;
    expect(driver.rules[sarif.runs[0].results[0].ruleIndex].id).toBe('invalid-json');
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('a%20b.json');
  });
});
