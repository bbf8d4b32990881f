import type { DiagnosticTemplate } from '../diagnostics/index.js';

/** Diagnostics of the validation harness and its configuration (not rules: they cannot be switched off). */
export const VALIDATE_CODES = {
  internalError: {
    code: 'internal-error',
    severity: 'error',
    message: {
      en: 'Rule "{{rule}}" failed with an internal error: {{reason}}. The other rules still ran.',
      nl: 'Regel "{{rule}}" liep vast op een interne fout: {{reason}}. De andere regels zijn wel uitgevoerd.',
    },
    hint: {
      en: 'This is a bug in zorgpaden; please report it with the file. Switch the rule off ("{{rule}}": "off") to continue meanwhile.',
      nl: 'Dit is een fout in zorgpaden; meld die graag met het bestand. Zet de regel uit ("{{rule}}": "off") om intussen verder te kunnen.',
    },
  },
  unknownRule: {
    code: 'unknown-rule',
    severity: 'error',
    message: { en: '"{{rule}}" is not a validation rule.', nl: '"{{rule}}" is geen validatieregel.' },
    hint: { en: '{{suggestion}}', nl: '{{suggestionNl}}' },
  },
  invalidRuleSetting: {
    code: 'invalid-rule-setting',
    severity: 'error',
    message: {
      en: 'Rule "{{rule}}" is set to {{value}}, but a rule is "off", "warn" or "error".',
      nl: 'Regel "{{rule}}" staat op {{value}}, maar een regel staat op "off", "warn" of "error".',
    },
    hint: { en: 'Write for example "{{rule}}": "warn".', nl: 'Schrijf bijvoorbeeld "{{rule}}": "warn".' },
  },
  invalidConfig: {
    code: 'invalid-config',
    severity: 'error',
    message: { en: 'The validation config is not usable: {{reason}}.', nl: 'De validatieconfiguratie is niet bruikbaar: {{reasonNl}}.' },
    hint: {
      en: 'A config file is JSON like { "rules": { "cold-handoff": "off" } }.',
      nl: 'Een configuratiebestand is JSON zoals { "rules": { "cold-handoff": "off" } }.',
    },
  },
} as const satisfies Record<string, DiagnosticTemplate>;
