import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENTRIES, exportedNames, renderReport, type ExportedName } from '../../scripts/api-report.js';

const ROOT = join(__dirname, '..', '..');
let names: Record<string, ExportedName[]>;
beforeAll(() => {
  names = exportedNames();
});

describe('the public surface', () => {
  it('is the checked-in API report: a changed export, signature or entry must update api/zorgpaden.api.md', () => {
    const committed = readFileSync(join(ROOT, 'api', 'zorgpaden.api.md'), 'utf8');
    expect(renderReport(names), 'run: npx tsx scripts/api-report.ts, and review the diff').toBe(committed);
  });

  it('keeps the main entry to at most 60 runtime names', () => {
    const runtime = names['zorgpaden']!.filter((n) => n.runtime);
    expect(runtime.length).toBeGreaterThan(30);
    expect(runtime.length).toBeLessThanOrEqual(60);
  });

  it('documents every runtime name of the main and Node entries with JSDoc and an example', () => {
    for (const entry of ['zorgpaden', 'zorgpaden/node']) {
      const missing = names[entry]!.filter((n) => n.runtime && !(n.documented && n.example)).map((n) => n.name);
      expect(missing, entry).toEqual([]);
    }
  });

  it('exports no internal helper: argument checkers, escapers and string helpers stay inside', () => {
    const internal = /^(require[A-Z]|argumentError|isRecord|quoted|wholeNumberFrom|escape(?!Html)|unescape|renderTemplate|suggestionParams|typeWords|describeValue|wrongKindParams|locateDiagnostics|attachSource)/;
    for (const entry of Object.keys(ENTRIES)) {
      expect(names[entry]!.filter((n) => internal.test(n.name)).map((n) => n.name), entry).toEqual([]);
    }
  });

  it('lists each entry in package.json exports, and each export target is an entry', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
    const code = Object.keys(pkg.exports).filter((key) => !key.includes('*') && key !== './package.json');
    expect(code.map((key) => (key === '.' ? 'zorgpaden' : `zorgpaden/${key.slice(2)}`)).sort()).toEqual(Object.keys(ENTRIES).sort());
  });
});
