import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type * as FsPromises from 'node:fs/promises';

// count the files whose bytes are read, to prove an oversized file is refused from its size alone
const reads: string[] = [];
vi.mock('node:fs/promises', async (original) => {
  const actual = await original<typeof FsPromises>();
  return {
    ...actual,
    open: (async (path: Parameters<typeof actual.open>[0], ...rest: unknown[]) => {
      const handle = await (actual.open as (...args: unknown[]) => Promise<FsPromises.FileHandle>)(path, ...rest);
      const read = handle.read.bind(handle) as (...args: unknown[]) => unknown;
      (handle as unknown as { read: unknown }).read = (...args: unknown[]) => {
        if (!reads.includes(String(path))) reads.push(String(path));
        return read(...args);
      };
      return handle;
    }) as typeof actual.open,
  };
});

const { safeLoadPath } = await import('../../src/node/index.js');
const directory = mkdtempSync(join(tmpdir(), 'zorgpaden-size-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe('file size limit', () => {
  it('refuses a 50 MB file with file-too-large, without reading it', async () => {
    const file = join(directory, 'huge.json');
    writeFileSync(file, '{"id": "');
    truncateSync(file, 50 * 1024 * 1024);
    reads.length = 0;
    const result = await safeLoadPath(file);
    expect(result.diagnostics.map((d) => [d.code, d.params.size, d.file])).toEqual([['file-too-large', 50 * 1024 * 1024, file]]);
    expect(reads).toEqual([]);
  });

  it('applies a small limits.maxFileBytes the same way, and reads a file within it', async () => {
    const file = join(directory, 'small.json');
    writeFileSync(file, JSON.stringify({ note: 'x'.repeat(500) }));
    reads.length = 0;
    const refused = await safeLoadPath(file, { limits: { maxFileBytes: 100 } });
    expect(refused.diagnostics.map((d) => [d.code, d.params.limit])).toEqual([['file-too-large', 100]]);
    expect(reads).toEqual([]);
    const read = await safeLoadPath(file, { limits: { maxFileBytes: 10_000 } });
    expect(read.diagnostics.map((d) => d.code)).not.toContain('file-too-large');
    expect(reads).toEqual([file]);
  });

  it('refuses an included file over the limit at the include', async () => {
    const sub = join(directory, 'sub.json');
    writeFileSync(sub, JSON.stringify({ note: 'y'.repeat(500) }));
    const main = join(directory, 'main.json');
    const path = { schemaVersion: 1, id: 'x', version: '1.0.0', title: { nl: 'X' }, initial: 's/a', steps: {}, includes: [{ path: 'sub.json', as: 's' }] };
    writeFileSync(main, JSON.stringify(path));
    const result = await safeLoadPath(main, { limits: { maxFileBytes: 300 } });
    expect(result.diagnostics.map((d) => [d.code, d.file])).toEqual([['file-too-large', join(directory, 'sub.json')]]);
  });
});
