import { describe, expect, it } from 'vitest';
import { safeParseHouseholdPathData } from '../../src/model/index.js';
import { gezinInput, parseHousehold as parseHouseholdPath } from './fixtures.js';

describe('household reference findings', () => {
  it('suggest the likely typo of a start event first, in a sentence that ends once', () => {
    const path = gezinInput() as Record<string, any>;
    path.tracks.jgz.startsOn = 'BIRHT';
    const d = safeParseHouseholdPathData(path).diagnostics.find((x) => x.code === 'start-event-never-emitted')!;
    expect(d.hint).toBe('Did you mean BIRTH? Otherwise add "emits": "BIRHT" to the step where it happens.');
    expect(d.nl.hint).toBe('Bedoelde je BIRTH? Zet anders "emits": "BIRHT" bij de stap waar het gebeurt.');
    path.tracks.jgz.startsOn = 'VERHUIZING';
    const far = safeParseHouseholdPathData(path).diagnostics.find((x) => x.code === 'start-event-never-emitted')!;
    expect(far.hint).toBe('Add "emits": "VERHUIZING" to the step where it happens.');
  });

  it('report a misspelt track of an initial step once, as unknown-track, not also as initial-outside-track', () => {
    const path = gezinInput() as Record<string, any>;
    path.steps.intake.track = 'zrog';
    const codes = safeParseHouseholdPathData(path).diagnostics.map((d) => d.code);
    expect(codes).toContain('unknown-track');
    expect(codes).not.toContain('initial-outside-track');
    // a step in another known track is still initial-outside-track
    path.steps.intake.track = 'sociaal';
    expect(safeParseHouseholdPathData(path).diagnostics.map((d) => d.code)).toContain('initial-outside-track');
  });
});

describe('signalled-never-detected on a misspelt risk', () => {
  it('suggests the detected risk it most likely means', async () => {
    const { validateHouseholdPath } = await import('../../src/household.js');
    const path = gezinInput() as Record<string, any>;
    path.steps.intake.refers[0].when = { signalled: 'schuldn' };
    const d = validateHouseholdPath(parseHouseholdPath(path)).diagnostics.find((x) => x.code === 'signalled-never-detected')!;
    expect(d.hint).toBe('Did you mean "schulden"? That risk is detected.');
    expect(d.nl.hint).toBe('Bedoelde je "schulden"? Dat risico wordt wel gesignaleerd.');
  });
});
