import type { DiagnosticTemplate } from '../diagnostics/index.js';

/** The diagnostics of the named edit operations when they are asked to do something impossible. */
export const EDIT_CODES = {
  stepExists: {
    code: 'step-exists',
    severity: 'error',
    message: { en: 'Step "{{step}}" already exists.', nl: 'Stap "{{step}}" bestaat al.' },
    hint: { en: 'Choose another id, or edit the existing step.', nl: 'Kies een ander id, of bewerk de bestaande stap.' },
  },
  stepNotFound: {
    code: 'step-not-found',
    severity: 'error',
    message: { en: 'Step "{{step}}" does not exist.', nl: 'Stap "{{step}}" bestaat niet.' },
    hint: { en: '{{suggestion}}', nl: '{{suggestionNl}}' },
  },
  stepStillTargeted: {
    code: 'step-still-targeted',
    severity: 'error',
    message: {
      en: 'Step "{{step}}" cannot be removed: {{count}} transition(s) still lead to it, from {{sources}}.',
      nl: 'Stap "{{step}}" kan niet weg: {{count}} overgang(en) leiden er nog heen, vanuit {{sources}}.',
    },
    hint: {
      en: 'Retarget those transitions first, or pass { retarget: "<step>" } to send them to another step.',
      nl: 'Stuur die overgangen eerst naar een andere stap, of geef { retarget: "<stap>" } mee.',
    },
  },
  stepIsInitial: {
    code: 'step-is-initial',
    severity: 'error',
    message: { en: 'Step "{{step}}" is the initial step and cannot be removed.', nl: 'Stap "{{step}}" is de beginstap en kan niet weg.' },
    hint: {
      en: 'Change "initial" first, or pass { retarget: "<step>" } to make that step the initial one.',
      nl: 'Wijzig eerst "initial", of geef { retarget: "<stap>" } mee om die stap de beginstap te maken.',
    },
  },
  retargetToSelf: {
    code: 'retarget-to-removed-step',
    severity: 'error',
    message: {
      en: 'Cannot retarget the transitions of step "{{step}}" to the step that is being removed.',
      nl: 'De overgangen naar stap "{{step}}" kunnen niet naar de stap die verdwijnt.',
    },
    hint: { en: 'Pass another step in { retarget }.', nl: 'Geef een andere stap mee in { retarget }.' },
  },
  transitionNotFound: {
    code: 'transition-not-found',
    severity: 'error',
    message: {
      en: 'Step "{{step}}" has no transition {{index}}; it has {{count}}.',
      nl: 'Stap "{{step}}" heeft geen overgang {{index}}; er zijn er {{count}}.',
    },
    hint: { en: 'Transitions are counted from 0 in the order of the file.', nl: 'Overgangen tellen vanaf 0, in de volgorde van het bestand.' },
  },
} as const satisfies Record<string, DiagnosticTemplate>;
