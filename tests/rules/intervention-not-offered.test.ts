import { household } from './household-cases.js';
import { ruleTester, step } from './rule-tester.js';

const steps = {
  a: step('contact', ['vz', 'so', 'cp', 'end']),
  vz: step('intervention', ['end'], { intervention: 'voorzorg' }),
  so: step('intervention', ['end'], { intervention: 'stevig-ouderschap' }),
  cp: step('intervention', ['end'], { intervention: 'centering' }),
  end: step('outcome'),
};
const coalition = (replaced: Record<string, string | null>) => ({ coalition: { id: 'haarlem', municipality: 'Haarlem', offers: ['voorzorg'], replaced } });

// a household whose intake refers into the social track's debt counselling, an intervention of the menukaart
const referredTo = (offers: string[], replaced: Record<string, string | null>) =>
  household((d) => {
    d.steps.schuldhulp!.intervention = 'schuldhulp';
    d.steps.intake!.refers = [{ to: 'schuldhulp', when: { signalled: 'schulden' }, handoff: 'warm' }];
    d.coalition = { id: 'haarlem', municipality: 'Haarlem', offers, replaced };
  });

ruleTester('intervention-not-offered', {
  valid: [
    { name: 'no coalition: a national path', steps },
    { name: 'everything offered or replaced', steps, extra: coalition({ 'stevig-ouderschap': 'end', centering: 'end' }) },
    { name: 'a household: a referral into an intervention the coalition offers', household: referredTo(['schuldhulp'], {}) },
    { name: 'a household: a referral into an intervention the coalition replaced by a step of its own', household: referredTo([], { schuldhulp: 'wijkteam-intake' }) },
  ],
  invalid: [
    {
      name: 'a household: a referral into an intervention the coalition does not offer',
      household: referredTo([], { schuldhulp: null }),
      findings: [{ pointer: '/steps/intake/refers/0/to', params: { from: 'intake', to: 'schuldhulp', intervention: 'schuldhulp', municipality: 'Haarlem' } }],
    },
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
