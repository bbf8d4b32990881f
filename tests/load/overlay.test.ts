import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceOf } from '../../src/diagnostics/index.js';
import { applyCoalition, safeApplyCoalition } from '../../src/load/index.js';
import { loadCoalition, loadPath, safeLoadCoalitionPath, safeLoadPath } from '../../src/node/index.js';
import { ZorgpadenError } from '../../src/diagnostics/index.js';

const DIR = 'tests/fixtures/load/coalition';
const HAARLEM = join(DIR, 'haarlem.json');

describe('coalition overlay', () => {
  it('retargets transitions into a replaced intervention, removes its steps, and records both', async () => {
    const path = await loadPath('tests/fixtures/load/valid.json');
    const coalition = await loadCoalition(HAARLEM);
    const { path: result, changes } = applyCoalition(path, coalition);
    const replaced = Object.keys(path.steps).filter((id) => path.steps[id]!.intervention === 'stevig-ouderschap');
    expect(replaced).toEqual(['huisbezoek']);
    for (const id of replaced) expect(result.steps[id]).toBeUndefined();
    // every transition that went to a removed step now goes to the local step, and each is recorded
    const retargets = changes.filter((c) => c.type === 'transition-retargeted');
    const expected = Object.entries(path.steps).flatMap(([from, step]) =>
      step.transitions.flatMap((t, index) => (replaced.includes(t.to) && !replaced.includes(from) ? [{ from, index }] : [])),
    );
    expect(retargets.map((c) => ({ from: c.from, index: c.index }))).toEqual(expected);
    for (const { from, index } of expected) expect(result.steps[from]!.transitions[index]!.to).toBe('haarlem-gezinscoach');
    expect(changes.filter((c) => c.type === 'step-removed')).toEqual([
      { type: 'step-removed', step: 'huisbezoek', intervention: 'stevig-ouderschap', replacement: 'haarlem-gezinscoach', pointer: '/replaces/stevig-ouderschap' },
    ]);
    // nothing disappears silently: every step of the path is still there or was recorded as removed
    const removed = new Set(changes.flatMap((c) => (c.type === 'step-removed' ? [c.step] : [])));
    for (const id of Object.keys(path.steps)) expect(Object.hasOwn(result.steps, id) || removed.has(id)).toBe(true);
    // the input path is not changed
    expect(path.steps.huisbezoek).toBeDefined();
  });

  it('fills partners into actors and adds new ones, local steps and local transitions', async () => {
    const path = await loadPath('tests/fixtures/load/valid.json');
    const coalition = await loadCoalition(HAARLEM);
    const { path: result, changes } = applyCoalition(path, coalition);
    expect(result.actors.verloskundige).toMatchObject({ organisation: 'Verloskundigen Haarlem', contact: 'Praktijklijn', domain: 'medical' });
    expect(result.actors.buurtgezinscoach).toEqual({ label: { nl: 'Buurtgezinscoach' }, domain: 'social', organisation: 'Sociaal Wijkteam Haarlem' });
    expect(result.steps['haarlem-gezinscoach']).toEqual(coalition.steps['haarlem-gezinscoach']);
    const intake = result.steps.intake!.transitions;
    expect(intake[intake.length - 1]).toEqual({ to: 'haarlem-gezinscoach', on: 'SELF_REFERRAL' });
    expect(changes.map((c) => c.type).sort()).toEqual(['actor-added', 'actor-updated', 'step-added', 'step-removed', 'transition-added', 'transition-retargeted']);
    expect(result.coalition).toEqual({ id: 'test/haarlem', municipality: 'Haarlem', offers: ['voorzorg'], replaced: { 'stevig-ouderschap': 'haarlem-gezinscoach', 'nurse-family': null } });
  });

  it('loads the adapted path relative to the coalition file, and maps local parts to the coalition file', async () => {
    const result = await safeLoadCoalitionPath(HAARLEM);
    expect(result.diagnostics).toEqual([]);
    if (!result.ok) return;
    const locator = sourceOf(result.value)!;
    expect(locator.locate('/steps/haarlem-gezinscoach/label')).toMatchObject({ file: HAARLEM, pointer: '/steps/haarlem-gezinscoach/label', line: 27 });
    expect(locator.locate('/steps/intake/transitions/1/on')).toMatchObject({ file: HAARLEM, pointer: '/transitions/0/on', line: 33 });
    expect(locator.locate('/steps/signalering/transitions/0/to')).toMatchObject({ file: HAARLEM, pointer: '/replaces/stevig-ouderschap', line: 19 });
    expect(locator.locate('/steps/signalering/label')).toMatchObject({ file: 'tests/fixtures/load/valid.json', line: 24 });
    const same = await safeLoadPath('tests/fixtures/load/valid.json', { coalition: HAARLEM });
    expect(same.ok && same.value).toEqual(result.value);
  });

  it('reports what cannot be applied, each at its place in the coalition file', async () => {
    const result = await safeLoadCoalitionPath(join(DIR, 'clash.json'));
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.pointer, d.line])).toEqual([
      ['partner-incomplete', '/partners/kraamzorg', 10],
      ['local-step-conflict', '/steps/intake', 15],
      ['unknown-local-source', '/transitions/0/from', 17],
      ['unknown-replacement', '/replaces/stevig-ouderschap', 13],
    ]);
    expect(result.diagnostics.every((d) => d.file === join(DIR, 'clash.json') && d.nl.message.length > 0)).toBe(true);
  });

  it('keeps the steps of an intervention that is not replaced, and warns about an unused replacement', async () => {
    const path = await loadPath('tests/fixtures/load/valid.json');
    const coalition = { ...(await loadCoalition(HAARLEM)), replaces: { 'stevig-ouderschap': null, 'ander-programma': 'haarlem-gezinscoach' } };
    const result = safeApplyCoalition(path, coalition);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.path.steps.huisbezoek).toEqual(path.steps.huisbezoek);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.pointer])).toEqual([['replacement-unused', 'warning', '/replaces/ander-programma']]);
    expect(result.value.path.coalition?.replaced).toEqual({ 'stevig-ouderschap': null, 'ander-programma': 'haarlem-gezinscoach' });
  });

  it('checks offers and replaces against a menukaart when one is given', async () => {
    const path = await loadPath('tests/fixtures/load/valid.json');
    const coalition = await loadCoalition(HAARLEM);
    const intervention = { label: { nl: 'VoorZorg' }, phases: ['pregnancy' as const], actor: 'jgz', addresses: [], recognition: 'effective-strong-indications' as const };
    const result = safeApplyCoalition(path, coalition, { menukaart: { voorzorg: intervention, 'stevig-ouderschap': intervention } });
    expect(result.diagnostics.map((d) => [d.code, d.pointer])).toEqual([['unknown-intervention', '/replaces/nurse-family']]);
    expect(() => applyCoalition(path, coalition, { menukaart: { voorzorg: intervention } })).toThrow(ZorgpadenError);
  });
});
