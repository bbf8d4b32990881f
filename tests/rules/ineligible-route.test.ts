import { ruleTester, step } from './rule-tester.js';

const menukaart = {
  voorzorg: {
    label: { nl: 'VoorZorg' },
    phases: ['pregnancy'],
    actor: 'a',
    recognition: 'effective-good-indications',
    targetGroup: { all: [{ attr: 'firstPregnancy', eq: true }, { attr: 'age', lt: 26 }] },
  },
};
const into = (when?: Record<string, unknown>) => ({ a: step('contact', [{ to: 'vz', ...(when ? { when } : {}) }, 'end']), vz: step('intervention', ['end'], { intervention: 'voorzorg' }), end: step('outcome') });

ruleTester('ineligible-route', {
  valid: [
    { name: 'no condition', steps: into(), options: { menukaart } },
    { name: 'a risk condition is compatible', steps: into({ hasRisk: 'debts' }), options: { menukaart } },
    { name: 'overlapping ages', steps: into({ attr: 'age', lt: 30 }), options: { menukaart } },
    { name: 'no menukaart known', steps: into({ attr: 'age', gte: 26 }) },
  ],
  invalid: [
    { name: 'too old for the target group', steps: into({ attr: 'age', gte: 26 }), options: { menukaart }, findings: [{ pointer: '/steps/a/transitions/0/when', params: { from: 'a', to: 'vz', intervention: 'voorzorg' } }] },
    { name: 'not a first pregnancy', steps: into({ any: [{ attr: 'firstPregnancy', eq: false }, { not: { attr: 'firstPregnancy', exists: true } }] }), options: { menukaart }, findings: [{ pointer: '/steps/a/transitions/0/when' }] },
    { name: 'from the path’s own interventions', steps: into({ attr: 'age', in: [30, 40] }), extra: { interventions: menukaart }, findings: [{ pointer: '/steps/a/transitions/0/when' }] },
  ],
});
