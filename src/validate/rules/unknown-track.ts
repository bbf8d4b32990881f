import { HOUSEHOLD_CODES } from '../../model/index.js';
import { reportHouseholdReferences } from '../household.js';
import { defineRule, ruleDocsUrl } from '../rule.js';

/** `unknown-track`: A step names a track the path does not define (reuses `checkHouseholdReferences`). */
export const unknownTrack = defineRule({
  meta: {
    code: 'unknown-track',
    severity: 'error',
    category: 'structure',
    scopes: ['household'],
    docs: { description: 'A step names a track the path does not define.', url: ruleDocsUrl('unknown-track') },
    messages: { default: { message: HOUSEHOLD_CODES.unknownTrack.message, hint: HOUSEHOLD_CODES.unknownTrack.hint } },
  },
  check(context) {
    reportHouseholdReferences(context, 'unknown-track');
  },
});
