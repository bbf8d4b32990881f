import { household } from './household-cases.js';
import { ruleTester, step } from './rule-tester.js';

ruleTester('unreachable-step', {
  valid: [
    { name: 'a chain', steps: { a: step('contact', ['b']), b: step('contact', ['c']), c: step('outcome') } },
    { name: 'a cycle reached from the start', steps: { a: step('contact', ['b']), b: step('contact', ['a', 'c']), c: step('outcome') } },
    // tracks start at their initial (zorg), by a referral (sociaal) or on the birth (jgz)
    { name: 'a household path whose every step some household reaches', household: household() },
    {
      name: 'a household step behind a referral whose condition no household meets (conditions are not weighed)',
      household: household((d) => (d.steps.intake!.refers = [{ to: 'wijkteam-intake', when: { all: [{ hasRisk: 'schulden' }, { not: { hasRisk: 'schulden' } }] } }])),
    },
  ],
  invalid: [
    {
      name: 'a step nobody leads to, and what only it leads to',
      steps: { a: step('contact', ['c']), b: step('contact', ['d']), c: step('outcome'), d: step('outcome') },
      findings: [{ pointer: '/steps/b', params: { step: 'b', initial: 'a' } }, { pointer: '/steps/d', params: { step: 'd' } }],
    },
    {
      name: 'behind a condition no client meets',
      steps: {
        a: step('contact', [{ to: 'b', when: { all: [{ hasRisk: 'debts' }, { not: { hasRisk: 'debts' } }] } }, 'c']),
        b: step('contact', ['c']),
        c: step('outcome'),
      },
      findings: [{ pointer: '/steps/b', params: { step: 'b' } }],
    },
    {
      name: 'a household step in a track that nothing leads to',
      household: household((d) => (d.steps.wees = { kind: 'contact', phase: 'pregnancy', track: 'zorg', label: { nl: 'Wees' }, transitions: [{ to: 'zorg-klaar' }] })),
      findings: [{ pointer: '/steps/wees', params: { step: 'wees', track: 'zorg' } }],
    },
    {
      name: 'a track that only a referral starts, without the referral',
      household: household((d) => delete d.steps.intake!.refers),
      findings: [
        { pointer: '/steps/schuldhulp', params: { step: 'schuldhulp', track: 'sociaal' } },
        { pointer: '/steps/sociaal-klaar', params: { step: 'sociaal-klaar', track: 'sociaal' } },
        { pointer: '/steps/wijkteam-intake', params: { step: 'wijkteam-intake', track: 'sociaal' } },
      ],
    },
    {
      name: 'a track that starts on the birth, when the step that emits it is out of reach',
      household: household((d) => (d.steps.controles!.transitions = [{ to: 'zorg-klaar' }])),
      findings: [
        { pointer: '/steps/bevalling', params: { step: 'bevalling', track: 'zorg' } },
        { pointer: '/steps/consultatie', params: { step: 'consultatie', track: 'jgz' } },
        { pointer: '/steps/hielprik', params: { step: 'hielprik', track: 'jgz' } },
        { pointer: '/steps/jgz-klaar', params: { step: 'jgz-klaar', track: 'jgz' } },
      ],
    },
    {
      name: 'a track whose start event nothing emits any more, reached by a referral all the same',
      household: household((d) => {
        d.tracks.jgz = { ...d.tracks.jgz, startsOn: 'VERHUISD' };
        d.steps['wijkteam-intake']!.refers = [{ to: 'consultatie' }];
      }),
      findings: [{ pointer: '/steps/hielprik', params: { step: 'hielprik', track: 'jgz' } }],
    },
  ],
});
