import { LOAD_CODES } from '../../diagnostics/index.js';
import { defineRule, ruleDocsUrl } from '../rule.js';
import { reportReferences } from '../shared.js';

/** `unknown-actor`: a step, handoff or transition names an actor the path does not declare (reuses `checkReferences` and its did-you-mean hint). */
export const unknownActor = defineRule({
  meta: {
    code: 'unknown-actor',
    severity: 'error',
    category: 'structure',
    docs: { description: 'A step, handoff or transition names an actor the path does not declare.', url: ruleDocsUrl('unknown-actor') },
    messages: { default: { message: LOAD_CODES.unknownActor.message, hint: LOAD_CODES.unknownActor.hint } },
  },
  check(context) {
    reportReferences(context, 'unknown-actor');
  },
});
