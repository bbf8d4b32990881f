import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

describe('the optional renderer dependencies', () => {
  it('names what to install when playwright-core is missing', async () => {
    vi.resetModules();
    vi.doMock('playwright-core', () => {
      throw new Error("Cannot find package 'playwright-core'");
    });
    const { createRenderer } = await import('../../src/render/index.js');
    await expect(createRenderer()).rejects.toThrow(/npm install mermaid playwright-core/);
    vi.doUnmock('playwright-core');
  });

  it('names the Chromium to install when the browser is not there', async () => {
    vi.resetModules();
    const { createRenderer } = await import('../../src/render/index.js');
    await expect(createRenderer({ executablePath: '/nonexistent/chromium' })).rejects.toThrow(/apt-get install chromium/);
  });

  it('the export layer never imports mermaid or a browser', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    for (const file of files('src/export')) {
      expect(readFileSync(file, 'utf8')).not.toMatch(/from ['"](mermaid|playwright-core)|import\(['"](mermaid|playwright-core)/);
    }
  });
});
