import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyRuleSettings, parseValidateConfig } from '../../src/validate/index.js';
import { loadValidateConfig } from '../../src/node/index.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';

describe('validation config files', () => {
  it('reads the rules of a config file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zorgpaden-config-'));
    const file = join(dir, 'zorgpaden.config.json');
    writeFileSync(file, '{\n  // comments are allowed\n  "rules": { "cold-handoff": "off", "phase-uncovered": "error" }\n}\n');
    expect(loadValidateConfig(file)).toEqual({ ok: true, value: { rules: { 'cold-handoff': 'off', 'phase-uncovered': 'error' } }, diagnostics: [] });
  });

  it('reports an unknown rule with a did-you-mean hint, at its line and column', () => {
    const result = parseValidateConfig('{\n  "rules": {\n    "cold-handof": "off"\n  }\n}\n', 'zorgpaden.config.json');
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toMatchObject([
      { code: 'unknown-rule', file: 'zorgpaden.config.json', pointer: '/rules/cold-handof', line: 3, column: 5, hint: 'Did you mean "cold-handoff"?', params: { rule: 'cold-handof' } },
    ]);
  });

  it('says once that a content file is not a config, instead of once per field', () => {
    const path = readFileSync('paths/national/zwangerschap.json', 'utf8');
    expect(parseValidateConfig(path, 'zwangerschap.json').diagnostics).toMatchObject([
      { code: 'invalid-config', pointer: '', line: 1, column: 1, message: expect.stringContaining('this is a care path file, not a validation config'), nl: { message: expect.stringContaining('dit is een zorgpad-bestand') } },
    ]);
    const route = readFileSync('paths/routes/' + readdirSync('paths/routes').find((f) => f.endsWith('.json'))!, 'utf8');
    expect(parseValidateConfig(route).diagnostics).toMatchObject([{ code: 'invalid-config', message: expect.stringContaining('this is a klantroute file') }]);
  });

  it('reports a bad setting, an unknown field and text that is not JSON', () => {
    expect(parseValidateConfig('{ "rules": { "dead-end": 2 } }').diagnostics).toMatchObject([{ code: 'invalid-rule-setting', params: { rule: 'dead-end', value: '2' } }]);
    expect(parseValidateConfig('{ "rule": {} }').diagnostics).toMatchObject([{ code: 'invalid-config', pointer: '/rule' }]);
    expect(parseValidateConfig('{ "rules": ').diagnostics).toMatchObject([{ code: 'invalid-config', params: { reason: 'it is not valid JSON' } }]);
    expect(parseValidateConfig('[]').diagnostics).toMatchObject([{ code: 'invalid-config' }]);
    expect(loadValidateConfig('/nonexistent/zorgpaden.config.json').diagnostics).toMatchObject([{ code: 'invalid-config', file: '/nonexistent/zorgpaden.config.json' }]);
  });

  it('applies settings to diagnostics found elsewhere, by code', () => {
    const d = (code: string): Diagnostic => ({ code, severity: 'error', message: code, nl: { message: code }, params: {}, pointer: '' });
    const out = applyRuleSettings([d('unknown-target'), d('unknown-actor'), d('invalid-json')], { 'unknown-target': 'off', 'unknown-actor': 'warn' });
    expect(out.map((x) => [x.code, x.severity])).toEqual([
      ['unknown-actor', 'warning'],
      ['invalid-json', 'error'],
    ]);
  });
});
