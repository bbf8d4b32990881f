import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { runCli } from '../../src/cli/main.js';
import { formatSarif } from '../../src/validate/index.js';

interface Rule {
  id: string;
  helpUri?: string;
  properties: { docs?: string };
}

describe('SARIF helpUri', () => {
  it('is left out without an absolute base, and the page is named in properties', () => {
    const rules = JSON.parse(formatSarif([])).runs[0].tool.driver.rules as Rule[];
    expect(rules.length).toBeGreaterThan(10);
    for (const rule of rules) {
      expect(rule.helpUri).toBeUndefined();
      expect(rule.properties.docs).toBe(`docs/rules/${rule.id}.md`);
    }
  });

  it('is an absolute file URI of an existing page when validate runs from a checkout', async () => {
    let out = '';
    const context: CliContext = { stdout: (s) => void (out += s), stderr: () => undefined, interactive: false, cwd: process.cwd() };
    expect(await runCli(['validate', 'paths/national/zwangerschap.json', '--format', 'sarif'], context)).toBe(0);
    const rules = JSON.parse(out).runs[0].tool.driver.rules as Rule[];
    for (const rule of rules) {
      const uri = new URL(rule.helpUri!);
      expect(uri.protocol).toBe('file:');
      expect(existsSync(fileURLToPath(uri)), rule.id).toBe(true);
    }
  });
});
