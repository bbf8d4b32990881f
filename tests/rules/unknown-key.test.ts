import { PopulationSchema } from '../../src/model/index.js';
import { ruleTester, step } from './rule-tester.js';

const population = PopulationSchema.parse({
  schemaVersion: 1,
  kind: 'population',
  id: 'test/population',
  version: '1.0.0',
  title: { nl: 'Test' },
  attributes: { age: { type: 'number', bins: [{ min: 16, max: 45, weight: 1 }] } },
  risks: { debts: { label: { nl: 'Schulden' }, prevalence: 0.1 } },
  protections: { 'social-networks': { label: { nl: 'Netwerk' }, prevalence: 0.5 } },
});
const risks = { debts: { label: { nl: 'Schulden' } }, stress: { label: { nl: 'Stress' } } };

ruleTester('unknown-key', {
  valid: [
    { name: 'keys the path declares', steps: { a: step('screening', [{ to: 'b', when: { hasRisk: 'stress' } }, 'b'], { signals: ['debts'] }), b: step('outcome') }, extra: { risks } },
    { name: 'keys of the population', steps: { a: step('decision', [{ to: 'b', when: { all: [{ attr: 'age', lt: 20 }, { hasProtection: 'social-networks' }] } }, 'b']), b: step('outcome') }, options: { population } },
    { name: 'a risk the menukaart addresses', steps: { a: step('decision', [{ to: 'b', when: { hasRisk: 'loneliness' } }, 'b']), b: step('outcome') }, options: { population, menukaart: { buddy: { label: { nl: 'Maatje' }, phases: ['pregnancy'], actor: 'a', addresses: ['loneliness'], recognition: 'well-described' } } } },
    { name: 'nothing declares any key: nothing to check against', steps: { a: step('decision', [{ to: 'b', when: { hasRisk: 'x' } }, 'b']), b: step('outcome') } },
  ],
  invalid: [
    {
      name: 'a risk in a condition, misspelt',
      steps: { a: step('decision', [{ to: 'b', when: { hasRisk: 'dbets' } }, 'b']), b: step('outcome') },
      options: { population },
      findings: [{ pointer: '/steps/a/transitions/0/when/hasRisk', params: { key: 'dbets', kind: 'risk', suggested: 'debts', suggestion: 'Did you mean "debts"?' } }],
    },
    {
      name: 'a risk that exists nowhere, signalled and addressed',
      steps: { a: step('screening', ['b'], { signals: ['schulden'] }), b: step('intervention', ['c'], { addresses: ['stress', 'schulden'] }), c: step('outcome') },
      extra: { risks },
      findings: [
        { pointer: '/steps/a/signals/0', params: { key: 'schulden' } },
        { pointer: '/steps/b/addresses/1', params: { key: 'schulden' } },
      ],
    },
    {
      name: 'an attribute and a protection deep in a condition',
      steps: { a: step('decision', [{ to: 'b', when: { any: [{ not: { attr: 'leeftijd', lt: 20 } }, { all: [{ hasProtection: 'social-network' }] }] } }, 'b']), b: step('outcome') },
      options: { population },
      findings: [
        { pointer: '/steps/a/transitions/0/when/any/0/not/attr', params: { key: 'leeftijd', kind: 'attribute', suggestion: 'Known: "age".' } },
        { pointer: '/steps/a/transitions/0/when/any/1/all/0/hasProtection', params: { key: 'social-network', kind: 'protection', suggested: 'social-networks' } },
      ],
    },
  ],
});
