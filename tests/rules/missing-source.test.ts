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
