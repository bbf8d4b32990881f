import { describe, expect, it } from 'vitest';
import { CarePathSchema, checkReferences, type CarePath, type CarePathInput } from '../../src/model/index.js';
import { smallPath } from './fixtures.js';

/** The small path, changed, and shaped by the schema only: checkReferences is what is under test. */
function shaped(mutate: (input: CarePathInput) => void): CarePath {
  const input = smallPath();
  mutate(input);
  return CarePathSchema.parse(input);
}

describe('checkReferences', () => {
  it('finds nothing wrong in a valid path', () => {
    expect(checkReferences(shaped(() => undefined))).toEqual([]);
  });

  it('reports an unknown target with a did-you-mean hint in both languages', () => {
    const diagnostics = checkReferences(shaped((p) => (p.steps.intake!.transitions![0]!.to = 'screenning')));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'unknown-target',
      pointer: '/steps/intake/transitions/0/to',
      params: { from: 'intake', to: 'screenning' },
      message: 'Step "intake" has a transition to "screenning", which does not exist.',
      hint: 'Did you mean "screening"?',
      nl: { hint: 'Bedoelde je "screening"?' },
    });
  });

  it('lists the known steps when no id is close', () => {
    const [d] = checkReferences(shaped((p) => (p.steps.intake!.transitions![0]!.to = 'zzzzzzzz')));
    expect(d!.hint).toBe('Known: "intake", "screening", "support", "klaar".');
  });

  it('reports unknown actors of steps, receivers and transitions', () => {
    const diagnostics = checkReferences(
      shaped((p) => {
        p.steps.intake!.actor = 'verloskundge';
        p.steps.support!.receiver = 'jgz';
        p.steps.screening!.transitions![0]!.receiver = 'wijkteem';
      }),
    );
    expect(diagnostics.map((d) => [d.code, d.pointer, d.hint])).toEqual([
      ['unknown-actor', '/steps/intake/actor', 'Did you mean "verloskundige"?'],
      ['unknown-actor', '/steps/screening/transitions/0/receiver', 'Did you mean "wijkteam"?'],
      ['unknown-actor', '/steps/support/receiver', 'Known: "verloskundige", "wijkteam".'],
    ]);
  });

  it('reports an unknown initial step', () => {
    const [d] = checkReferences(shaped((p) => (p.initial = 'intak')));
    expect(d).toMatchObject({ code: 'unknown-initial', pointer: '/initial', hint: 'Did you mean "intake"?' });
  });

  it('reports an outcome with transitions', () => {
    const [d] = checkReferences(shaped((p) => (p.steps.klaar!.transitions = [{ to: 'intake' }])));
    expect(d).toMatchObject({ code: 'outcome-with-transitions', pointer: '/steps/klaar/transitions', params: { step: 'klaar' } });
  });

  it('reports a condition deeper than the limit', () => {
    const path = shaped((p) => (p.steps.intake!.transitions![0]!.when = { not: { not: { not: { hasRisk: 'debts' } } } }));
    expect(checkReferences(path, { limits: { maxConditionDepth: 4 } })).toEqual([]);
    const [d] = checkReferences(path, { limits: { maxConditionDepth: 3 } });
    expect(d).toMatchObject({ code: 'condition-too-deep', pointer: '/steps/intake/transitions/0/when', params: { depth: 4, limit: 3 } });
  });

  it('reports too many steps against a small limit, and stops there', () => {
    const path = shaped((p) => (p.initial = 'nowhere'));
    expect(checkReferences(path, { limits: { maxSteps: 4 } }).map((d) => d.code)).toEqual(['unknown-initial']);
    const diagnostics = checkReferences(path, { limits: { maxSteps: 3 } });
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'too-many-steps', pointer: '/steps', params: { count: 4, limit: 3 } })]);
  });

  it('checks interventions only when a menukaart is known', () => {
    const path = shaped((p) => (p.steps.support!.intervention = 'voorzrg'));
    expect(checkReferences(path)).toEqual([]);
    const interventions = { voorzorg: { label: { nl: 'VoorZorg' }, phases: ['pregnancy' as const], actor: 'jgz', addresses: [], recognition: 'effective-strong-indications' as const } };
    const [d] = checkReferences(path, { interventions });
    expect(d).toMatchObject({ code: 'unknown-intervention', pointer: '/steps/support/intervention', hint: 'Did you mean "voorzorg"?' });
  });

  it('escapes step ids with "/" in pointers', () => {
    const path = shaped((p) => {
      p.steps['zwangerschap/intake'] = { kind: 'contact', phase: 'pregnancy', label: { nl: 'X' }, transitions: [{ to: 'nergens' }] };
    });
    expect(checkReferences(path)[0]!.pointer).toBe('/steps/zwangerschap~1intake/transitions/0/to');
  });
});
