import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { safeLoadCoalitionPath } from '../../src/node/index.js';
import { validatePath } from '../../src/validate/index.js';

const dir = mkdtempSync(join(tmpdir(), 'zorgpaden-overlay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const path = {
  schemaVersion: 1,
  id: 'test/pad',
  version: '1.0.0',
  title: { nl: 'Pad' },
  actors: { jgz: { label: { nl: 'JGZ' }, domain: 'medical' }, wijkteam: { label: { nl: 'Wijkteam' }, domain: 'social' } },
  initial: 'intake',
  steps: {
    intake: { kind: 'contact', phase: 'pregnancy', actor: 'jgz', label: { nl: 'Intake' }, transitions: [{ to: 'so', weight: 1 }, { to: 'vz', weight: 1 }, { to: 'einde', weight: 1 }] },
    so: { kind: 'intervention', phase: 'pregnancy', actor: 'jgz', intervention: 'stevig-ouderschap', label: { nl: 'Stevig Ouderschap' }, transitions: [{ to: 'einde' }] },
    vz: { kind: 'intervention', phase: 'pregnancy', actor: 'jgz', intervention: 'voorzorg', label: { nl: 'VoorZorg' }, transitions: [{ to: 'einde' }] },
    einde: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'Einde' }, transitions: [] },
  },
};

function coalition(replaces: Record<string, unknown>): string {
  // one field per line, so that each entry has a line of its own
  const lines = [
    '{',
    '  "schemaVersion": 1, "kind": "coalition", "id": "test/coalitie", "version": "1.0.0", "title": { "nl": "Coalitie" },',
    '  "municipality": "Teststad", "adapts": "pad.json",',
    '  "offers": [],',
    '  "partners": { "jgz": { "organisation": "JGZ Teststad" }, "wijkteam": { "organisation": "Wijkteam Teststad" } },',
    '  "steps": { "gezinscoach": { "kind": "intervention", "phase": "pregnancy", "actor": "wijkteam", "label": { "nl": "Gezinscoach" }, "addresses": ["debts"], "transitions": [{ "to": "einde" }] } },',
    '  "replaces": {',
    Object.entries(replaces).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n'),
    '  }',
    '}',
  ];
  return lines.join('\n');
}

describe('a coalition over a path', () => {
  writeFileSync(join(dir, 'pad.json'), JSON.stringify(path, null, 2));

  it('marks the transitions it retargets warm when its replacement says so', async () => {
    writeFileSync(join(dir, 'warm.json'), coalition({ 'stevig-ouderschap': { step: 'gezinscoach', handoff: 'warm' }, voorzorg: 'gezinscoach' }));
    const loaded = await safeLoadCoalitionPath(join(dir, 'warm.json'));
    expect(loaded.ok && loaded.diagnostics).toEqual([]);
    if (!loaded.ok) return;
    const [toSo, toVz] = loaded.value.steps.intake!.transitions;
    expect(toSo).toMatchObject({ to: 'gezinscoach', handoff: 'warm' });
    // a plain replacement leaves the transition as it was, apart from its target
    expect(toVz).toEqual({ to: 'gezinscoach', weight: 1 });
    expect(loaded.value.coalition?.replaced).toEqual({ 'stevig-ouderschap': 'gezinscoach', voorzorg: 'gezinscoach' });
    // a jgz → wijkteam transition marked warm is no cold handoff; the unmarked one is, and it points at the coalition entry
    const cold = validatePath(loaded.value).diagnostics.filter((d) => d.code === 'cold-handoff');
    expect(cold.map((d) => [d.file, d.line])).toEqual([[join(dir, 'warm.json'), 9]]);
  });

  it('points a finding about an intervention it does not offer at its own entry, not into the path', async () => {
    writeFileSync(join(dir, 'null.json'), coalition({ voorzorg: null, 'stevig-ouderschap': 'gezinscoach' }));
    const loaded = await safeLoadCoalitionPath(join(dir, 'null.json'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
    const found = validatePath(loaded.value).diagnostics.filter((d) => d.code === 'intervention-not-offered');
    expect(found.map((d) => [d.file, d.line, d.params['intervention']])).toEqual([[join(dir, 'null.json'), 8, 'voorzorg']]);
  });

  it('refuses a handoff that is not warm or cold', async () => {
    writeFileSync(join(dir, 'lukewarm.json'), coalition({ voorzorg: { step: 'gezinscoach', handoff: 'lukewarm' } }));
    const loaded = await safeLoadCoalitionPath(join(dir, 'lukewarm.json'));
    expect(loaded.ok).toBe(false);
    expect(loaded.diagnostics[0]).toMatchObject({ file: join(dir, 'lukewarm.json'), line: 8 });
  });
});
