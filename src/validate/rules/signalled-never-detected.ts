import { didYouMean, toPointer } from '../../diagnostics/index.js';
import { forEachCondition, signalledIn } from '../household.js';
import { defineRule, ruleDocsUrl } from '../rule.js';

/** `signalled-never-detected`: a condition waits for a risk to be signalled, but no step detects it. */
export const signalledNeverDetected = defineRule({
  meta: {
    code: 'signalled-never-detected',
    severity: 'warning',
    category: 'chain',
    scopes: ['household'],
    docs: { description: 'A condition tests whether a risk is signalled, but no step of the path detects that risk.', url: ruleDocsUrl('signalled-never-detected') },
    messages: {
      default: {
        message: { en: 'This condition needs "{{risk}}" to be signalled, but no step detects it.', nl: 'Deze voorwaarde vraagt dat "{{risk}}" gesignaleerd is, maar geen enkele stap signaleert het.' },
        hint: {
          en: 'Add "detects": { "{{risk}}": <probability> } to the screening or visit where it can be found; only an app that sends RISK_SIGNALLED can make it true now.',
          nl: 'Zet "detects": { "{{risk}}": <kans> } bij de screening of het bezoek waar het gevonden kan worden; nu kan alleen een app met RISK_SIGNALLED het waar maken.',
        },
      },
      misspelt: {
        message: { en: 'This condition needs "{{risk}}" to be signalled, but no step detects it.', nl: 'Deze voorwaarde vraagt dat "{{risk}}" gesignaleerd is, maar geen enkele stap signaleert het.' },
        hint: { en: 'Did you mean "{{suggestion}}"? That risk is detected.', nl: 'Bedoelde je "{{suggestion}}"? Dat risico wordt wel gesignaleerd.' },
      },
    },
  },
  check({ household: path, report }) {
    const detected = new Set(Object.values(path.steps).flatMap((s) => Object.keys(s.detects ?? {})));
    forEachCondition(path, (condition, at) => {
      for (const risk of signalledIn(condition)) {
        if (detected.has(risk)) continue;
        // a risk one typo away from one that is detected is most likely that one
        const suggestion = didYouMean(risk, detected);
        report(suggestion ? { pointer: toPointer(at), params: { risk, suggestion }, messageId: 'misspelt' } : { pointer: toPointer(at), params: { risk } });
      }
    });
  },
});
