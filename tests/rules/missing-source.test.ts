import { household } from './household-cases.js';
import { ruleTester, step } from './rule-tester.js';

const head = { schemaVersion: 1, id: 'x', version: '1.0.0', title: { nl: 'X' } };
const intervention = { label: { nl: 'I' }, phases: ['pregnancy'], actor: 'a', recognition: 'regular-care' };
const population = (extra: Record<string, unknown> = {}) => ({
  ...head,
  kind: 'population',
  attributes: { age: { type: 'number', bins: [{ min: 16, max: 45, weight: 1 }] } },
  risks: { debts: { label: { nl: 'Schulden' }, prevalence: 0.1, given: [{ when: { attr: 'age', lt: 20 }, prevalence: 0.2 }] } },
  ...extra,
});

ruleTester('missing-source', {
  valid: [
    { name: 'weights with a source or an assumption', steps: { a: step('contact', [{ to: 'b', weight: 0.8, source: 'perined' }, { to: 'c', weight: 0.2, assumption: 'rest' }]), b: step('outcome'), c: step('outcome') } },
    { name: 'a source on the enclosing step', steps: { a: step('contact', [{ to: 'b', weight: 0.8 }], { source: 'perined' }), b: step('outcome') } },
    { name: 'no weights', steps: { a: step('contact', ['b']), b: step('outcome') } },
    { name: 'a menukaart with a source for the whole', menukaart: { ...head, kind: 'menukaart', source: 'loket-gezond-leven', interventions: { i: intervention } } },
    { name: 'a population with a source for the whole', population: population({ source: 'cbs' }) },
    { name: 'a household path with a source for the whole', household: household((d) => (d.source = 'seed-001')) },
    {
      name: 'household facts with their own sources, or on their step',
      household: household((d) => {
        delete d.assumption;
        d.steps.intake!.source = 'kansrijke-start';
        d.steps.intake!.transitions = [{ to: 'controles', weight: 1, assumption: 'everyone goes on' }];
      }),
    },
    {
      name: 'a referral with a source, and a chance of 1 (what version 1 calls signals)',
      household: household((d) => {
        delete d.assumption;
        d.steps.intake!.detects = { schulden: 1 };
        (d.steps.intake!.refers as Record<string, unknown>[])[0]!.source = 'ks-klantroutes';
      }),
    },
  ],
  invalid: [
    {
      name: 'a weight and an intervention of the path',
      steps: { a: step('contact', [{ to: 'b', weight: 0.8 }]), b: step('outcome') },
      extra: { interventions: { i: intervention } },
      findings: [
        { pointer: '/interventions/i', params: { intervention: 'i' } },
        { pointer: '/steps/a/transitions/0/weight', params: { step: 'a', to: 'b', weight: 0.8 } },
      ],
    },
    {
      name: 'household facts in every track: a detection chance, an acceptance share, a weight and an intervention',
      household: household((d) => {
        delete d.assumption;
        d.steps.consultatie!.transitions = [{ to: 'jgz-klaar', weight: 2 }];
        d.interventions = { i: intervention };
      }),
      findings: [
        { pointer: '/interventions/i', params: { intervention: 'i' } },
        { pointer: '/steps/consultatie/transitions/0/weight', params: { step: 'consultatie', to: 'jgz-klaar', weight: 2 } },
        { pointer: '/steps/intake/detects/schulden', params: { step: 'intake', risk: 'schulden', chance: 0.5 } },
        { pointer: '/steps/intake/refers/0/accepted', params: { step: 'intake', to: 'wijkteam-intake', accepted: 0.75 } },
      ],
    },
    { name: 'a menukaart entry', menukaart: { ...head, kind: 'menukaart', interventions: { i: intervention, j: { ...intervention, source: 's' } } }, findings: [{ pointer: '/interventions/i' }] },
    {
      name: 'prevalences and attributes of a population',
      population: population(),
      findings: [
        { pointer: '/attributes/age', params: { attribute: 'age' } },
        { pointer: '/risks/debts/given/0/prevalence', params: { factor: 'debts', prevalence: 0.2 } },
        { pointer: '/risks/debts/prevalence', params: { factor: 'debts', prevalence: 0.1 } },
      ],
    },
  ],
});
