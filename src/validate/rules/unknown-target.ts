import { LOAD_CODES } from '../../diagnostics/index.js';
import { defineRule, ruleDocsUrl } from '../rule.js';
import { reportReferences } from '../shared.js';

/** `unknown-target`: a transition points to a step that does not exist (reuses `checkReferences` and its did-you-mean hint). */
export const unknownTarget = defineRule({
  meta: {
    code: 'unknown-target',
    severity: 'error',
    category: 'structure',
    docs: { description: 'A transition points to a step that does not exist.', url: ruleDocsUrl('unknown-target') },
    messages: { default: { message: LOAD_CODES.unknownTarget.message, hint: LOAD_CODES.unknownTarget.hint } },
  },
  check(context) {
    reportReferences(context, 'unknown-target');
  },
});
