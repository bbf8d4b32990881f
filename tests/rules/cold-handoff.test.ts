import { ruleTester, step } from './rule-tester.js';

const actors = {
  vk: { label: { nl: 'Verloskundige' }, domain: 'medical', organisation: 'praktijk' },
  vk2: { label: { nl: 'Collega' }, domain: 'medical', organisation: 'praktijk' },
  wt: { label: { nl: 'Wijkteam' }, domain: 'social' },
};
const path = (transition: Record<string, unknown>, target = 'wt', addresses?: string[]) => ({
  s: step('screening', [{ to: 'w', ...transition }, 'end'], { actor: 'vk' }),
  w: step('intervention', ['end'], { actor: target, ...(addresses ? { addresses } : {}) }),
  end: step('outcome'),
});

ruleTester('cold-handoff', {
  valid: [
    { name: 'warm', steps: path({ when: { hasRisk: 'debts' }, handoff: 'warm' }), extra: { actors } },
    { name: 'within one organisation', steps: path({ when: { hasRisk: 'debts' } }, 'vk2'), extra: { actors } },
    { name: 'not about risks', steps: path({}), extra: { actors } },
    { name: 'for clients outside the vulnerable group', steps: path({ when: { hasRisk: 'debts' } }), extra: { actors }, options: { vulnerable: { not: { hasRisk: 'debts' } } } },
  ],
  invalid: [
    {
      name: 'unmarked, for clients with a risk',
      steps: path({ when: { hasRisk: 'debts' } }),
      extra: { actors },
      findings: [{ pointer: '/steps/s/transitions/0', params: { from: 's', to: 'w', senderOrganisation: 'praktijk', receiverOrganisation: 'wt', handoff: 'unmarked' } }],
    },
    {
      name: 'cold, into support for risks',
      steps: path({ handoff: 'cold' }, 'wt', ['debts']),
      extra: { actors },
      findings: [{ pointer: '/steps/s/transitions/0/handoff', params: { handoff: 'cold', sender: 'vk', receiver: 'wt' } }],
    },
  ],
});
