import { LOAD_CODES } from '../../diagnostics/index.js';
import { defineRule, ruleDocsUrl } from '../rule.js';
import { reportReferences } from '../shared.js';

/** `unknown-intervention`: an intervention step names an entry that is not on the menukaart (reuses `checkReferences` and its did-you-mean hint). */
export const unknownIntervention = defineRule({
  meta: {
    code: 'unknown-intervention',
    severity: 'error',
    category: 'structure',
    docs: { description: 'An intervention step names an entry that is not on the menukaart.', url: ruleDocsUrl('unknown-intervention') },
    messages: { default: { message: LOAD_CODES.unknownIntervention.message, hint: LOAD_CODES.unknownIntervention.hint } },
  },
  check(context) {
    reportReferences(context, 'unknown-intervention');
  },
});
