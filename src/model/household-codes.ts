import type { DiagnosticTemplate } from '../diagnostics/index.js';

const SUGGEST = { en: '{{suggestion}}', nl: '{{suggestionNl}}' };

/** The diagnostics of checking the references of a household path (format version 2). */
export const HOUSEHOLD_CODES = {
  unknownTrack: {
    code: 'unknown-track',
    severity: 'error',
    message: { en: 'Step "{{step}}" is in track "{{track}}", which the path does not define.', nl: 'Stap "{{step}}" hoort bij spoor "{{track}}", maar dat spoor staat niet in het pad.' },
    hint: SUGGEST,
  },
  unknownMember: {
    code: 'unknown-member',
    severity: 'error',
    message: { en: '"{{member}}" is not a member of the household (nor "household").', nl: '"{{member}}" is geen lid van het huishouden (en ook niet "household").' },
    hint: SUGGEST,
  },
  initialOutsideTrack: {
    code: 'initial-outside-track',
    severity: 'error',
    message: { en: 'Track "{{track}}" starts in step "{{step}}", which belongs to track "{{other}}".', nl: 'Spoor "{{track}}" begint in stap "{{step}}", maar die stap hoort bij spoor "{{other}}".' },
    hint: { en: 'Give the step "track": "{{track}}", or start the track in one of its own steps.', nl: 'Geef de stap "track": "{{track}}", of laat het spoor in een eigen stap beginnen.' },
  },
  transitionAcrossTracks: {
    code: 'transition-across-tracks',
    severity: 'error',
    message: {
      en: 'Step "{{from}}" (track "{{fromTrack}}") has a transition to "{{to}}" in track "{{toTrack}}".',
      nl: 'Stap "{{from}}" (spoor "{{fromTrack}}") heeft een overgang naar "{{to}}" in spoor "{{toTrack}}".',
    },
    hint: {
      en: 'A transition stays inside its track; to bring in another line of care, write a referral in "refers" instead.',
      nl: 'Een overgang blijft binnen het eigen spoor; schrijf een verwijzing in "refers" om een andere zorglijn in te schakelen.',
    },
  },
  unknownReferralTarget: {
    code: 'unknown-referral-target',
    severity: 'error',
    message: { en: 'Step "{{from}}" refers to "{{to}}", which does not exist.', nl: 'Stap "{{from}}" verwijst naar "{{to}}", maar die stap bestaat niet.' },
    hint: SUGGEST,
  },
  referralIntoOwnTrack: {
    code: 'referral-into-own-track',
    severity: 'error',
    message: { en: 'Step "{{from}}" refers to "{{to}}" in its own track "{{track}}".', nl: 'Stap "{{from}}" verwijst naar "{{to}}" in het eigen spoor "{{track}}".' },
    hint: {
      en: 'A referral starts another line of care; within a track, write a transition instead.',
      nl: 'Een verwijzing start een andere zorglijn; schrijf binnen een spoor een overgang.',
    },
  },
  startEventNeverEmitted: {
    code: 'start-event-never-emitted',
    severity: 'error',
    message: { en: 'Track "{{track}}" starts on {{event}}, but no step emits {{event}}.', nl: 'Spoor "{{track}}" begint bij {{event}}, maar geen enkele stap geeft {{event}}.' },
    hint: {
      en: 'Add "emits": "{{event}}" to the step where it happens{{suggestion}}.',
      nl: 'Zet "emits": "{{event}}" bij de stap waar het gebeurt{{suggestionNl}}.',
    },
  },
  childTrackWithoutBirth: {
    code: 'child-track-without-birth',
    severity: 'error',
    message: {
      en: 'Track "{{track}}" is for child member "{{member}}", but no step emits BIRTH, so no child ever comes into being.',
      nl: 'Spoor "{{track}}" is voor kind "{{member}}", maar geen enkele stap geeft BIRTH, dus er wordt nooit een kind geboren.',
    },
    hint: { en: 'Add "emits": "BIRTH" to the birth step.', nl: 'Zet "emits": "BIRTH" bij de stap van de geboorte.' },
  },
  severalChildMembers: {
    code: 'several-child-members',
    severity: 'error',
    message: { en: 'The household has more than one child member: {{members}}.', nl: 'Het huishouden heeft meer dan één kind-lid: {{members}}.' },
    hint: {
      en: 'Keep one: a child member stands for each child of a birth (twins are two instances of it).',
      nl: 'Houd er één: een kind-lid staat voor elk kind van een geboorte (een tweeling is twee keer dat lid).',
    },
  },
  signalledNeedsVersion2: {
    code: 'signalled-needs-version-2',
    severity: 'error',
    message: { en: 'A "signalled" condition needs format version 2 (schemaVersion 2).', nl: 'Een voorwaarde "signalled" vraagt om formaatversie 2 (schemaVersion 2).' },
    hint: {
      en: 'In version 1, write { "hasRisk": … }; or move the path to version 2, where risks are signalled by "detects".',
      nl: 'Schrijf in versie 1 { "hasRisk": … }; of zet het pad om naar versie 2, waar risico\'s gesignaleerd worden met "detects".',
    },
  },
  exactHouseholdTooLarge: {
    code: 'exact-household-too-large',
    severity: 'error',
    message: {
      en: 'The exact household computation needs more than {{limit}} household states (the steps, days and signals of all tracks together) for this household; it was not done.',
      nl: 'De exacte berekening voor dit huishouden heeft meer dan {{limit}} toestanden nodig (de stappen, dagen en signalen van alle sporen samen); ze is niet uitgevoerd.',
    },
    hint: {
      en: 'Raise maxStates, or use simulateHousehold() for this path: parallel tracks, time windows, delays and cycles multiply the states.',
      nl: 'Verhoog maxStates, of gebruik simulateHousehold() voor dit pad: parallelle sporen, tijdvensters, wachttijden en kringlopen vermenigvuldigen de toestanden.',
    },
  },
} as const satisfies Record<string, DiagnosticTemplate>;
