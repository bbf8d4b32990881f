import type { DiagnosticTemplate } from '../diagnostics/index.js';

/** The diagnostics of the simulation layer. */
export const SIMULATE_CODES = {
  exactTooLarge: {
    code: 'exact-too-large',
    severity: 'error',
    message: {
      en: 'The exact computation needs more than {{limit}} states (step × day) for this client; it was not done.',
      nl: 'De exacte berekening heeft voor deze cliënt meer dan {{limit}} toestanden (stap × dag) nodig; ze is niet uitgevoerd.',
    },
    hint: {
      en: 'Raise maxStates, or use simulate() for this path: its time windows and delays make the state space large.',
      nl: 'Verhoog maxStates, of gebruik simulate() voor dit pad: de tijdvensters en wachttijden maken de toestandsruimte groot.',
    },
  },
  exactNeverEnds: {
    code: 'exact-never-ends',
    severity: 'warning',
    message: {
      en: 'With probability {{probability}} this client enters a cycle without exit (steps: {{steps}}); the journey never ends there.',
      nl: 'Met kans {{probability}} komt deze cliënt in een kringloop zonder uitgang (stappen: {{steps}}); de route eindigt daar nooit.',
    },
    hint: {
      en: 'Add a transition out of the cycle; the simulator ends such journeys at the visit limit.',
      nl: 'Voeg een overgang uit de kringloop toe; de simulatie beëindigt zulke routes bij de bezoekgrens.',
    },
  },
} as const satisfies Record<string, DiagnosticTemplate>;
