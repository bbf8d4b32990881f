import { ruleTester, step } from './rule-tester.js';

const steps = {
  a: step('contact', ['vz', 'so', 'cp', 'end']),
  vz: step('intervention', ['end'], { intervention: 'voorzorg' }),
  so: step('intervention', ['end'], { intervention: 'stevig-ouderschap' }),
  cp: step('intervention', ['end'], { intervention: 'centering' }),
  end: step('outcome'),
};
const coalition = (replaced: Record<string, string | null>) => ({ coalition: { id: 'haarlem', municipality: 'Haarlem', offers: ['voorzorg'], replaced } });

ruleTester('intervention-not-offered', {
  valid: [
    { name: 'no coalition: a national path', steps },
    { name: 'everything offered or replaced', steps, extra: coalition({ 'stevig-ouderschap': 'end', centering: 'end' }) },
  ],
  invalid: [
    {
      name: 'not offered, and replaced by nothing',
      steps,
      extra: coalition({ 'stevig-ouderschap': 'end', centering: null }),
      findings: [{ pointer: '/steps/a/transitions/2/to', params: { from: 'a', to: 'cp', intervention: 'centering', municipality: 'Haarlem', coalition: 'haarlem' } }],
    },
    {
      name: 'unreachable routes are not reported',
      steps: { ...steps, ghost: step('contact', ['cp']) },
      extra: coalition({}),
      findings: [
        { pointer: '/steps/a/transitions/1/to', params: { intervention: 'stevig-ouderschap' } },
        { pointer: '/steps/a/transitions/2/to', params: { intervention: 'centering' } },
      ],
    },
  ],
});
