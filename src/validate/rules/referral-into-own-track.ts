import { HOUSEHOLD_CODES } from '../../model/index.js';
import { reportHouseholdReferences } from '../household.js';
import { defineRule, ruleDocsUrl } from '../rule.js';

/** `referral-into-own-track`: A step refers into its own track, where a transition belongs (reuses `checkHouseholdReferences`). */
export const referralIntoOwnTrack = defineRule({
  meta: {
    code: 'referral-into-own-track',
    severity: 'error',
    category: 'structure',
    scopes: ['household'],
    docs: { description: 'A step refers into its own track, where a transition belongs.', url: ruleDocsUrl('referral-into-own-track') },
    messages: { default: { message: HOUSEHOLD_CODES.referralIntoOwnTrack.message, hint: HOUSEHOLD_CODES.referralIntoOwnTrack.hint } },
  },
  check(context) {
    reportHouseholdReferences(context, 'referral-into-own-track');
  },
});
