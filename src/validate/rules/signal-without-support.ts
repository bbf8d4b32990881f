import { toPointer } from '../../diagnostics/index.js';
import { stepAddresses } from '../../model/index.js';
import { householdReach } from '../household.js';
import { defineRule, ruleDocsUrl } from '../rule.js';
import { knownKeys } from './unknown-key.js';

/** `signal-without-support`: a step detects a risk, but no step the household can reach, in any track, addresses it. */
export const signalWithoutSupport = defineRule({
  meta: {
    code: 'signal-without-support',
    severity: 'warning',
    category: 'chain',
    scopes: ['household'],
    docs: { description: 'A step detects a risk, but no step the household can reach, in any track, addresses it.', url: ruleDocsUrl('signal-without-support') },
    messages: {
      default: {
        message: { en: 'Step "{{step}}" can signal "{{risk}}", but no reachable step in any track addresses it.', nl: 'Stap "{{step}}" kan "{{risk}}" signaleren, maar geen bereikbare stap in enig spoor biedt er steun voor.' },
        hint: {
          en: 'Refer the household to support that addresses "{{risk}}" ("refers" with { "signalled": "{{risk}}" }), or add the risk to the "addresses" of a reachable support step.',
          nl: 'Verwijs het huishouden naar steun voor "{{risk}}" ("refers" met { "signalled": "{{risk}}" }), of zet het risico bij "addresses" van een bereikbare steunstap.',
        },
      },
    },
  },
  check({ household: path, options, report }) {
    const reach = householdReach(path).reached;
    const addressed = new Set<string>();
    for (const id of reach) for (const risk of stepAddresses(path.steps[id]!, options.interventions ?? path.interventions)) addressed.add(risk);
    // a risk nothing declares is a typo that unknown-key names: advice to support it would build on the typo
    const known = knownKeys(path, options.interventions ?? path.interventions, options.population).risk;
    for (const [id, step] of Object.entries(path.steps)) {
      for (const risk of Object.keys(step.detects ?? {})) {
        if (known !== undefined && !known.has(risk)) continue;
        if (!addressed.has(risk)) report({ pointer: toPointer(['steps', id, 'detects', risk]), params: { step: id, risk } });
      }
    }
  },
});
