import { PopulationSchema } from '../../src/model/index.js';
import { household } from './household-cases.js';
import { ruleTester, step } from './rule-tester.js';

const population = PopulationSchema.parse({
  schemaVersion: 1,
  kind: 'population',
  id: 'test/population',
  version: '1.0.0',
  title: { nl: 'Test' },
  attributes: { age: { type: 'number', bins: [{ min: 16, max: 45, weight: 1 }] } },
  risks: { debts: { label: { nl: 'Schulden' }, prevalence: 0.1 }, stress: { label: { nl: 'Stress' }, prevalence: 0.2 } },
});
const steps = { a: step('screening', ['b'], { signals: ['debts'] }), b: step('outcome') };

ruleTester('risk-not-in-population', {
  valid: [
    { name: 'every declared risk has a prevalence in the population', steps, extra: { risks: { debts: { label: { nl: 'Schulden' } } } }, options: { population } },
    { name: 'no population given: nothing to check against', steps, extra: { risks: { schulden: { label: { nl: 'Schulden' } } } } },
    {
      name: 'a household path whose risk the population has',
      household: household((d) => {
        d.risks = { debts: { label: { nl: 'Schulden' }, member: 'household' } };
        d.steps.intake!.detects = { debts: 0.5 };
        d.steps.intake!.refers = [{ to: 'wijkteam-intake', when: { signalled: 'debts' }, handoff: 'warm' }];
        d.steps.schuldhulp!.addresses = ['debts'];
      }),
      options: { population },
    },
  ],
  invalid: [
    {
      name: 'a version 1 path with a Dutch key where the population says debts',
      steps,
      extra: { risks: { schulden: { label: { nl: 'Schulden' } }, stress: { label: { nl: 'Stress' } } } },
      options: { population },
      findings: [{ pointer: '/risks/schulden', params: { risk: 'schulden', population: 'test/population', suggestion: 'Known: "debts", "stress".' } }],
    },
    {
      name: 'a household path with a risk the population lacks, reported once (not per track)',
      household: household(),
      options: { population },
      findings: [{ pointer: '/risks/schulden', params: { risk: 'schulden', population: 'test/population' } }],
    },
    {
      name: 'a misspelt key gets a did-you-mean',
      steps,
      extra: { risks: { dbets: { label: { nl: 'Schulden' } } } },
      options: { population },
      findings: [{ pointer: '/risks/dbets', params: { risk: 'dbets', suggested: 'debts', suggestion: 'Did you mean "debts"?' } }],
    },
  ],
});
