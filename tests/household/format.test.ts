import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeParseHouseholdPath } from '../../src/load/index.js';
import { safeLoadHouseholdPath } from '../../src/node/index.js';
import { ZorgpadenError } from '../../src/diagnostics/index.js';
import { defineHouseholdPath, evaluateCondition, safeParseCarePathData, safeParseHouseholdPathData, viewClient } from '../../src/model/index.js';
import { GEZIN_FILE, gezinInput } from './fixtures.js';

type Edit = (data: ReturnType<typeof gezinInput>) => void;
const steps = (d: ReturnType<typeof gezinInput>) => d.steps as Record<string, Record<string, unknown>>;
const tracks = (d: ReturnType<typeof gezinInput>) => d.tracks as Record<string, Record<string, unknown>>;

/** Writes the edited fixture to a file and loads it, so that lines are checked too. */
async function loadEdited(edit: Edit) {
  const data = gezinInput();
  edit(data);
  const dir = mkdtempSync(join(tmpdir(), 'zorgpaden-household-'));
  const file = join(dir, 'gezin.json');
  const text = JSON.stringify(data, null, 2);
  writeFileSync(file, text);
  const result = await safeLoadHouseholdPath(file);
  return { result, text, file };
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('format version 2', () => {
  it('loads a household path with members, tracks, referrals, events and signalling', async () => {
    const result = await safeLoadHouseholdPath(GEZIN_FILE);
    expect(result.ok, JSON.stringify(result.diagnostics)).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.value.tracks)).toEqual(['zorg', 'sociaal', 'jgz']);
    expect(result.value.steps.intake!.detects).toEqual({ schulden: 0.5 });
    expect(result.value.steps.intake!.refers![0]).toMatchObject({ to: 'wijkteam-intake', handoff: 'warm', accepted: 0.75 });
    expect(result.value.steps.bevalling!.emits).toBe('BIRTH');
  });

  const bad: { name: string; edit: Edit; code: string; pointer: string; needle: string }[] = [
    { name: 'a step in an unknown track', edit: (d) => (steps(d).controles!.track = 'zrog'), code: 'unknown-track', pointer: '/steps/controles/track', needle: '"zrog"' },
    {
      name: 'a referral into its own track',
      edit: (d) => ((steps(d).intake!.refers as Record<string, unknown>[])[0]!.to = 'controles'),
      code: 'referral-into-own-track',
      pointer: '/steps/intake/refers/0/to',
      needle: '"to": "controles",\n',
    },
    { name: 'a referral to a step that does not exist', edit: (d) => ((steps(d).intake!.refers as Record<string, unknown>[])[0]!.to = 'wijkteam'), code: 'unknown-referral-target', pointer: '/steps/intake/refers/0/to', needle: '"to": "wijkteam"' },
    { name: 'a startsOn event no step emits', edit: (d) => (tracks(d).jgz!.startsOn = 'GEBOORTE'), code: 'start-event-never-emitted', pointer: '/tracks/jgz/startsOn', needle: '"GEBOORTE"' },
    { name: 'a child track on a path without a birth', edit: (d) => ((steps(d).bevalling!.emits = 'BEVALLEN'), (tracks(d).jgz!.startsOn = 'BEVALLEN')), code: 'child-track-without-birth', pointer: '/tracks/jgz/member', needle: '"member": "kind"' },
    { name: 'a transition into another track', edit: (d) => ((steps(d).controles!.transitions as Record<string, unknown>[])[0]!.to = 'schuldhulp'), code: 'transition-across-tracks', pointer: '/steps/controles/transitions/0/to', needle: '"to": "schuldhulp"' },
    { name: 'a track of an unknown member', edit: (d) => (tracks(d).zorg!.member = 'moeder'), code: 'unknown-member', pointer: '/tracks/zorg/member', needle: '"moeder"' },
    { name: 'a track starting in a step of another track', edit: (d) => (tracks(d).zorg!.initial = 'hielprik'), code: 'initial-outside-track', pointer: '/tracks/zorg/initial', needle: '"initial": "hielprik",\n      "lead": "verloskundige"' },
    { name: 'a detects probability above 1', edit: (d) => (steps(d).intake!.detects = { schulden: 1.5 }), code: 'invalid-value', pointer: '/steps/intake/detects/schulden', needle: '"schulden": 1.5' },
    { name: 'a detects probability below 0', edit: (d) => (steps(d).intake!.detects = { schulden: -0.1 }), code: 'invalid-value', pointer: '/steps/intake/detects/schulden', needle: '"schulden": -0.1' },
    { name: 'version 1 "signals" in a version 2 step', edit: (d) => (steps(d).intake!.signals = ['schulden']), code: 'unknown-field', pointer: '/steps/intake/signals', needle: '"signals"' },
  ];
  for (const c of bad) {
    it(`reports ${c.name} with code, pointer and line`, async () => {
      const { result, text, file } = await loadEdited(c.edit);
      expect(result.ok).toBe(false);
      const found = result.diagnostics.find((d) => d.pointer === c.pointer);
      expect(found, JSON.stringify(result.diagnostics)).toBeDefined();
      expect(found!.code).toBe(c.code);
      expect(found!.file).toBe(file);
      expect(found!.line).toBe(lineOf(text, c.needle));
      expect(found!.nl.message.length).toBeGreaterThan(0);
    });
  }

  it('suggests the closest track for a misspelt one', async () => {
    const { result } = await loadEdited((d) => (steps(d).controles!.track = 'zrog'));
    expect(result.diagnostics.map((d) => [d.code, d.hint])).toEqual([['unknown-track', 'Did you mean "zorg"?']]);
  });

  it('refuses a "signalled" condition in a version 1 path, where nothing signals', () => {
    const v1 = {
      schemaVersion: 1, id: 'a', version: '1.0.0', title: { nl: 'A' }, initial: 'a',
      steps: { a: { kind: 'contact', phase: 'pregnancy', label: { nl: 'A' }, transitions: [{ to: 'b', when: { signalled: 'schulden' } }] }, b: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'B' } } },
    };
    const result = safeParseCarePathData(v1);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.pointer])).toEqual([['signalled-needs-version-2', '/steps/a/transitions/0/when']]);
  });

  it('evaluates "signalled" against the signalled risks, apart from the present ones', () => {
    const view = viewClient({ risks: ['schulden'] });
    expect(evaluateCondition({ signalled: 'schulden' }, view)).toBe(false);
    expect(evaluateCondition({ signalled: 'schulden' }, { ...view, signalled: new Set(['schulden']) })).toBe(true);
    expect(evaluateCondition({ hasRisk: 'schulden' }, { ...view, risks: new Set(), signalled: new Set(['schulden']) })).toBe(false);
  });

  it('parses the same from text as from a file, and rejects a mixed condition', () => {
    const text = readFileSync(GEZIN_FILE, 'utf8');
    const parsed = safeParseHouseholdPath(text, { filename: 'gezin.json' });
    expect(parsed.ok).toBe(true);
    const data = gezinInput();
    steps(data).intake!.refers = [{ to: 'wijkteam-intake', when: { signalled: 'schulden', hasRisk: 'schulden' } }];
    const mixed = safeParseHouseholdPathData(data);
    expect(mixed.ok).toBe(false);
    expect(mixed.diagnostics[0]!.pointer).toBe('/steps/intake/refers/0/when');
  });

  it('defineHouseholdPath checks at run time what types cannot, and throws every problem', () => {
    const data = gezinInput();
    expect(defineHouseholdPath(data as never).id).toBe('test/gezin');
    (data.tracks as Record<string, Record<string, unknown>>).jgz!.startsOn = 'GEBOORTE';
    expect(() => defineHouseholdPath(data as never)).toThrow(ZorgpadenError);
    expect(() => defineHouseholdPath(data as never)).toThrow(/start-event-never-emitted|not valid/);
  });
});

