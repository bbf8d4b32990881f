import { HOUSEHOLD_CODES } from '../../model/index.js';
import { reportHouseholdReferences } from '../household.js';
import { defineRule, ruleDocsUrl } from '../rule.js';

/** `child-track-without-birth`: A track of the child member on a path where no step emits BIRTH (reuses `checkHouseholdReferences`). */
export const childTrackWithoutBirth = defineRule({
  meta: {
    code: 'child-track-without-birth',
    severity: 'error',
    category: 'structure',
    scopes: ['household'],
    docs: { description: 'A track of the child member on a path where no step emits BIRTH.', url: ruleDocsUrl('child-track-without-birth') },
    messages: { default: { message: HOUSEHOLD_CODES.childTrackWithoutBirth.message, hint: HOUSEHOLD_CODES.childTrackWithoutBirth.hint } },
  },
  check(context) {
    reportHouseholdReferences(context, 'child-track-without-birth');
  },
});
