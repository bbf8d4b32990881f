import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/index.js';
import { safeLoadCoalitionPath, safeLoadDocument, safeLoadPath, safeParsePath } from '../../src/node/index.js';
import { runCli } from '../../src/cli/main.js';

// a project folder with a secret beside it: what a server that checks uploads looks like
const SECRET = 'hunter2-geheim-wachtwoord';
let base: string;
let project: string;

const step = (extra: Record<string, unknown> = {}) => ({ kind: 'contact', phase: 'pregnancy', label: { nl: 'Stap' }, ...extra });
const pathWith = (fields: Record<string, unknown>) =>
  JSON.stringify({ schemaVersion: 1, id: 'test/aanval', version: '1.0.0', title: { nl: 'Aanval' }, initial: 'a', steps: { a: step({ transitions: [{ to: 'b' }] }), b: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'B' } } }, ...fields });
const includes = (file: string) => pathWith({ includes: [{ path: file, as: 'sub' }] });

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'zorgpaden-root-'));
  project = join(base, 'project');
  mkdirSync(join(base, 'secret'));
  mkdirSync(project);
  writeFileSync(join(base, 'secret', 'secrets.yml'), `password: ${SECRET}\napi_key: ${SECRET}\n`);
  writeFileSync(join(base, 'secret', 'path.json'), pathWith({}));
  writeFileSync(join(project, 'secrets.yml'), `password: ${SECRET}\n`);
  writeFileSync(join(project, 'broken-secret.json'), `{ "password": "${SECRET}", }\n`);
  writeFileSync(join(project, '.env'), `PASSWORD=${SECRET}\n`);
  writeFileSync(join(project, 'up.json'), includes('../secret/secrets.yml'));
  writeFileSync(join(project, 'up-path.json'), includes('../secret/path.json'));
  writeFileSync(join(project, 'absolute.json'), includes('/proc/self/environ'));
  writeFileSync(join(project, 'absolute-json.json'), includes(join(base, 'secret', 'path.json')));
  writeFileSync(join(project, 'inside-secret.json'), includes('secrets.yml'));
  writeFileSync(join(project, 'inside-broken.json'), includes('broken-secret.json'));
  writeFileSync(join(project, 'dotenv.json'), includes('.env'));
  writeFileSync(join(project, 'menukaart-up.json'), pathWith({ menukaart: '../secret/secrets.yml' }));
  writeFileSync(join(project, 'coalition-up.json'), JSON.stringify({ schemaVersion: 1, kind: 'coalition', id: 'test/c', version: '1.0.0', title: { nl: 'C' }, municipality: 'X', adapts: '../secret/path.json', offers: [] }));
  symlinkSync(join(base, 'secret', 'path.json'), join(project, 'link.json'));
  writeFileSync(join(project, 'via-link.json'), includes('link.json'));
  writeFileSync(join(project, 'zero.json'), includes('/dev/zero'));
  writeFileSync(join(project, 'zero-link.json'), includes('zero-link-target.json'));
  symlinkSync('/dev/zero', join(project, 'zero-link-target.json'));
  execFileSync('mkfifo', [join(project, 'fifo.json')]);
  writeFileSync(join(project, 'fifo-include.json'), includes('fifo.json'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => d.code);
// nothing of the secret in any diagnostic, in any field
const leaks = (value: unknown) => JSON.stringify(value).includes(SECRET) || JSON.stringify(value).includes('PASSWORD');

async function cli(argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runCli(argv, { stdout: (s) => void (out += s), stderr: (s) => void (out += s), interactive: false, cwd: project });
  return { code, out };
}

describe('files a document names stay inside the root', () => {
  it.each([
    ['an include of ../secret/secrets.yml', 'up.json', 'outside-root'],
    ['an include of a path outside the root', 'up-path.json', 'outside-root'],
    ['an include of /proc/self/environ', 'absolute.json', 'not-a-document-file'],
    ['an include by absolute name outside the root', 'absolute-json.json', 'outside-root'],
    ['a menukaart outside the root', 'menukaart-up.json', 'outside-root'],
    ['a symbolic link inside the root to a file outside it', 'via-link.json', 'outside-root'],
    ['an include of a YAML file inside the root that is not a document', 'inside-secret.json', 'not-a-document'],
    ['an include of a broken JSON file inside the root that is not a document', 'inside-broken.json', 'not-a-document'],
    ['an include of .env', 'dotenv.json', 'not-a-document-file'],
    ['an include of /dev/zero', 'zero.json', 'not-a-document-file'],
  ])('%s is refused, naming the file, without showing its content', async (_name, file, code) => {
    const result = await safeLoadPath(join(project, file));
    expect(result.ok).toBe(false);
    expect(codes(result.diagnostics)).toContain(code);
    expect(leaks(result.diagnostics)).toBe(false);
    const refusal = result.diagnostics.find((d) => d.code === code)!;
    if (code === 'outside-root') expect(refusal.message).toContain(project);
  });

  it('an include through a link to /dev/zero inside the root is a device, not read', async () => {
    const result = await safeLoadPath(join(project, 'zero-link.json'));
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.params.reason])).toContainEqual(['outside-root', undefined]);
  });

  it('an include of a FIFO inside the root is refused at once, not waited on', async () => {
    const result = await safeLoadPath(join(project, 'fifo-include.json'));
    expect(result.diagnostics.map((d) => [d.code, d.params.reason])).toEqual([['file-unreadable', 'it is a pipe (FIFO), not a file']]);
  });

  it('a coalition that adapts a path outside the root is refused', async () => {
    const result = await safeLoadCoalitionPath(join(project, 'coalition-up.json'));
    expect(codes(result.diagnostics)).toContain('outside-root');
  });

  it('the same include is read when the caller sets a wider root, or allows it explicitly', async () => {
    expect((await safeLoadPath(join(project, 'up-path.json'), { root: base })).ok).toBe(true);
    expect((await safeLoadPath(join(project, 'up-path.json'), { allowOutsideRoot: true })).ok).toBe(true);
    expect((await safeLoadCoalitionPath(join(project, 'coalition-up.json'), { root: base })).diagnostics.map((d) => d.code)).not.toContain('outside-root');
  });

  it('a root set narrower than the file refuses even a sibling include', async () => {
    const result = await safeLoadPath(join(project, 'inside-secret.json'), { root: join(project, 'nergens') });
    expect(codes(result.diagnostics)).toContain('outside-root');
  });

  it('parsing uploaded text with a root reads nothing outside it', () => {
    const result = safeParsePath(includes('../secret/path.json'), { filename: join(project, 'upload.json'), root: project });
    expect(codes(result.diagnostics)).toEqual(['outside-root']);
    const synchronous = safeParsePath(includes('fifo.json'), { filename: join(project, 'upload.json'), root: project });
    expect(codes(synchronous.diagnostics)).toEqual(['file-unreadable']);
  });

  it('safeLoadDocument applies the same root', async () => {
    expect(codes((await safeLoadDocument(join(project, 'up.json'))).diagnostics)).toContain('outside-root');
  });

  it.each(['check', 'validate'])('zorgpaden %s prints no line of a secret a path names', async (command) => {
    for (const file of ['up.json', 'inside-secret.json', 'inside-broken.json', 'dotenv.json', 'absolute.json', 'menukaart-up.json', 'via-link.json']) {
      const { code, out } = await cli([command, file]);
      expect(code, `${command} ${file}\n${out}`).toBeGreaterThan(0);
      expect(out, `${command} ${file}`).not.toContain(SECRET);
    }
  });
});

describe('every input is read with a limit on what is read', () => {
  it.each([
    ['/dev/zero', 'it is a device, not a file'],
    ['/dev/urandom', 'it is a device, not a file'],
    ['/dev/null', 'it is a device, not a file'],
    ['/dev/stdin', undefined],
  ])('loading %s is refused without reading it', async (device, reason) => {
    const result = await safeLoadPath(device);
    expect(result.ok).toBe(false);
    expect(codes(result.diagnostics)).toEqual(['file-unreadable']);
    if (reason !== undefined) expect(result.diagnostics[0]!.params.reason).toBe(reason);
  });

  it('a FIFO given as the file is refused at once', async () => {
    const result = await safeLoadPath(join(project, 'fifo.json'));
    expect(result.diagnostics.map((d) => d.params.reason)).toEqual(['it is a pipe (FIFO), not a file']);
  });

  it('a directory is refused', async () => {
    const result = await safeLoadPath(project);
    expect(result.diagnostics.map((d) => d.params.reason)).toEqual(['it is a directory, not a file']);
  });

  it('/proc/self/environ, whose size stat says is 0, is read only up to the limit', async () => {
    const result = await safeLoadPath('/proc/self/environ', { limits: { maxFileBytes: 16 } });
    expect(codes(result.diagnostics)).toEqual(['file-too-large']);
    expect(result.diagnostics[0]!.params.size).toBe(17);
  });

  it.each([
    ['render', '--overlay', '/dev/zero'],
    ['render', '--overlay', 'fifo.json'],
    ['report', '--overlay', '/dev/zero'],
    ['validate', '-c', '/dev/zero'],
    ['validate', '-c', 'fifo.json'],
    ['validate', '-c', '/proc/self/environ'],
  ])('zorgpaden %s path %s %s ends at once with a clear refusal', async (command, flag, file) => {
    writeFileSync(join(project, 'plain.json'), pathWith({}));
    const { code, out } = await cli([command, 'plain.json', flag, file]);
    expect(code, out).toBeGreaterThan(0);
    expect(out).toMatch(/device|apparaat|pipe|pijp|not valid JSON|geen geldige|not usable|niet bruikbaar/);
    expect(out).not.toContain(SECRET);
  });
});

describe('the command line sets the root', () => {
  it('--root widens it, --allow-outside-root lifts it, and the default refuses', async () => {
    expect((await cli(['check', 'up-path.json'])).code).toBe(1);
    const wider = await cli(['check', 'up-path.json', '--root', '..']);
    expect(wider.code, wider.out).toBe(0);
    const anywhere = await cli(['validate', 'up-path.json', '--allow-outside-root']);
    expect(anywhere.out).not.toContain('outside-root');
    for (const command of ['simulate', 'coverage', 'render', 'report']) {
      const { code, out } = await cli([command, 'up-path.json', ...(command === 'report' ? ['-o', 'r.html'] : [])]);
      expect(code, `${command}\n${out}`).toBe(1);
      expect(out, command).toContain('outside-root');
    }
  });
});
