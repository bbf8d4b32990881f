import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { ZorgpadenError } from '../../src/diagnostics/index.js';
import type * as Simulate from '../../src/simulate/index.js';

// mermaid is installed for the tests: this file plays a machine without it, and counts simulations
const simulations = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/render/optional.js', async (original) => ({
  ...(await original<object>()),
  mermaidBundle: () => {
    throw new ZorgpadenError('Cannot find "mermaid". Install it next to zorgpaden: npm install mermaid.');
  },
}));
vi.mock('../../src/simulate/index.js', async (original) => {
  const actual = await original<typeof Simulate>();
  return { ...actual, simulate: (...args: Parameters<typeof actual.simulate>) => (simulations.count++, actual.simulate(...args)) };
});

describe('report without mermaid', () => {
  it('says mermaid is missing before it simulates', async () => {
    let stderr = '';
    const context = { stdout: () => undefined, stderr: (t: string) => void (stderr += t), interactive: false, cwd: process.cwd() };
    const code = await runCli(['report', resolve('tests/export/fixtures/zwangerschap.json'), '--simulate', '--cohort', '5000', '-o', resolve('test-output/never.html')], context);
    expect(code).toBe(2);
    expect(stderr).toContain('Cannot find "mermaid"');
    expect(simulations.count).toBe(0);
  });
});
