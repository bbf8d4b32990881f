import { HOUSEHOLD_CODES } from '../../model/index.js';
import { reportHouseholdReferences } from '../household.js';
import { defineRule, ruleDocsUrl } from '../rule.js';

/** `start-event-never-emitted`: A track starts on an event that no step emits, so it never starts (reuses `checkHouseholdReferences`). */
export const startEventNeverEmitted = defineRule({
  meta: {
    code: 'start-event-never-emitted',
    severity: 'error',
    category: 'structure',
    scopes: ['household'],
    docs: { description: 'A track starts on an event that no step emits, so it never starts.', url: ruleDocsUrl('start-event-never-emitted') },
    messages: { default: { message: HOUSEHOLD_CODES.startEventNeverEmitted.message, hint: HOUSEHOLD_CODES.startEventNeverEmitted.hint } },
  },
  check(context) {
    reportHouseholdReferences(context, 'start-event-never-emitted');
  },
});
