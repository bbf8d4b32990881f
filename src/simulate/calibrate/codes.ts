import type { DiagnosticTemplate } from '../../diagnostics/index.js';

/** The diagnostics of calibration, overlays and targets. */
export const CALIBRATE_CODES = {
  overlayPointerMissing: {
    code: 'overlay-pointer-missing',
    severity: 'error',
    message: {
      en: 'The {{file}} has nothing at {{pointer}}, so the value cannot be set there.',
      nl: 'In {{fileNl}} staat niets op {{pointer}}, dus de waarde kan daar niet worden gezet.',
    },
    hint: {
      en: 'Point at a number that exists in the loaded {{file}} (includes resolved; "/" in a step id is written "~1").',
      nl: 'Wijs naar een getal dat in {{fileNl}} bestaat zoals het geladen is (includes opgelost; "/" in een stap-id schrijf je als "~1").',
    },
  },
  overlayNotANumber: {
    code: 'overlay-not-a-number',
    severity: 'error',
    message: { en: 'At {{pointer}} the {{file}} holds {{found}}, not a number; only numbers can be tuned.', nl: 'Op {{pointer}} staat in {{fileNl}} {{found}}, geen getal; alleen getallen kunnen worden afgesteld.' },
    hint: { en: 'Point at a weight, prevalence or other number.', nl: 'Wijs naar een gewicht, prevalentie of ander getal.' },
  },
  overlayOutOfRange: {
    code: 'overlay-out-of-range',
    severity: 'error',
    message: { en: 'The value {{value}} for {{pointer}} lies outside its range {{min}}…{{max}}.', nl: 'De waarde {{value}} voor {{pointer}} ligt buiten het bereik {{min}}…{{max}}.' },
    hint: { en: 'Give a value within the range, or widen the range in the targets file.', nl: 'Geef een waarde binnen het bereik, of verruim het bereik in het streefwaardenbestand.' },
  },
  overlayInvalidResult: {
    code: 'overlay-invalid-result',
    severity: 'error',
    message: { en: 'With the overlay applied the {{file}} is no longer valid: {{problem}}', nl: 'Met de overlay toegepast is {{fileNl}} niet meer geldig: {{problem}}' },
    hint: { en: 'Keep tuned values within what the file format allows (a prevalence lies between 0 and 1, a weight is not negative).', nl: 'Houd afgestelde waarden binnen wat het bestandsformaat toestaat (een prevalentie ligt tussen 0 en 1, een gewicht is niet negatief).' },
  },
  targetUnknownStep: {
    code: 'target-unknown-step',
    severity: 'error',
    message: { en: 'Target "{{target}}" counts step "{{step}}", which the path does not have.', nl: 'Streefwaarde "{{target}}" telt stap "{{step}}", die het pad niet heeft.' },
    hint: { en: 'Use a step id of the loaded path (with its include prefix, like "zwangerschap/intake"). {{suggestion}}', nl: 'Gebruik een stap-id van het geladen pad (met het include-voorvoegsel, zoals "zwangerschap/intake"). {{suggestionNl}}' },
  },
  targetUnknownRisk: {
    code: 'target-unknown-risk',
    severity: 'error',
    message: { en: 'Target "{{target}}" counts risk "{{risk}}", which neither the path nor the population knows.', nl: 'Streefwaarde "{{target}}" telt risico "{{risk}}", dat pad noch populatie kent.' },
    hint: { en: 'Use a risk key of the population. {{suggestion}}', nl: 'Gebruik een risicosleutel van de populatie. {{suggestionNl}}' },
  },
  targetUnknownBirthOutcome: {
    code: 'target-unknown-birth-outcome',
    severity: 'error',
    message: { en: 'Target "{{target}}" counts birth outcome "{{key}}", which the model does not know.', nl: 'Streefwaarde "{{target}}" telt geboorte-uitkomst "{{key}}", die het model niet kent.' },
    hint: {
      en: 'Count "big2", "preterm" or "small-for-gestational-age" over everyone or over "singleton" or "multiple" births. {{suggestion}}',
      nl: 'Tel "big2", "preterm" of "small-for-gestational-age" over iedereen of over "singleton"- of "multiple"-geboortes. {{suggestionNl}}',
    },
  },
  targetNotComputable: {
    code: 'target-not-computable',
    severity: 'warning',
    message: {
      en: 'Target "{{target}}" cannot be computed by this model yet: {{reason}}. It is reported but not fitted.',
      nl: 'Streefwaarde "{{target}}" kan dit model nog niet berekenen: {{reasonNl}}. Ze wordt gemeld maar niet gefit.',
    },
    hint: { en: 'Keep the target in the file: it is computed once the model counts {{what}}.', nl: 'Laat de streefwaarde in het bestand staan: ze wordt berekend zodra het model {{whatNl}} telt.' },
  },
  targetEmptyDenominator: {
    code: 'target-empty-denominator',
    severity: 'warning',
    message: { en: 'Target "{{target}}": no simulated client is in its denominator, so it has no value.', nl: 'Streefwaarde "{{target}}": geen gesimuleerde cliënt valt in de noemer, dus ze heeft geen waarde.' },
    hint: { en: 'Check the denominator, or simulate a larger cohort.', nl: 'Controleer de noemer, of simuleer een groter cohort.' },
  },
} as const satisfies Record<string, DiagnosticTemplate>;
