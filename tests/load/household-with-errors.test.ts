import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { safeLoadHouseholdPath } from '../../src/node/index.js';
import { safeLoadHouseholdPathWithErrors } from '../../src/node/household.js';
import { tempDir } from '../cli/built-cli.js';
import { gezinInput } from '../household/fixtures.js';

describe('reading a household path with reference errors, for its report', () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, data: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(data, null, 2));
    return file;
  };

  it('returns the path with the same errors the strict reading stops at', async () => {
    const data = gezinInput();
    (data.steps as Record<string, { refers: { to: string }[] }>).intake!.refers[0]!.to = 'controles';
    const file = write('eigen.json', data);
    const strict = await safeLoadHouseholdPath(file);
    expect(strict.ok).toBe(false);
    const kept = await safeLoadHouseholdPathWithErrors(file);
    expect(kept.ok).toBe(true);
    if (!kept.ok) return;
    expect(Object.keys(kept.value.steps)).toEqual(Object.keys(data.steps as object));
    const codes = (d: { code: string; line?: number | undefined }[]) => d.filter((x) => x.code === 'referral-into-own-track').map((x) => [x.code, x.line]);
    expect(codes(kept.diagnostics)).toEqual(codes(strict.diagnostics));
    expect(codes(kept.diagnostics)).toHaveLength(1);
  });

  it('still stops at a shape the path cannot be made from, and reads a sound path as the strict reading does', async () => {
    const data = gezinInput();
    delete (data as Record<string, unknown>).title;
    const broken = await safeLoadHouseholdPathWithErrors(write('zonder-titel.json', data));
    expect(broken.ok).toBe(false);
    const sound = write('gezin.json', gezinInput());
    expect(await safeLoadHouseholdPathWithErrors(sound)).toEqual(await safeLoadHouseholdPath(sound));
  });
});
