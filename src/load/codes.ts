import type { DiagnosticTemplate } from '../diagnostics/index.js';

/** The diagnostics of applying a coalition over a path, in addition to `LOAD_CODES`. */
export const OVERLAY_CODES = {
  partnerIncomplete: {
    code: 'partner-incomplete',
    severity: 'error',
    message: {
      en: 'Partner "{{actor}}" is not an actor of the path, so it is added as a new actor, but it has no {{missing}}.',
      nl: 'Partner "{{actor}}" is geen actor van het pad en wordt dus als nieuwe actor toegevoegd, maar heeft geen {{missingNl}}.',
    },
    hint: {
      en: 'Give the partner "label" and "domain", or use the key of an actor of the path. {{suggestion}}',
      nl: 'Geef de partner "label" en "domain", of gebruik de sleutel van een actor van het pad. {{suggestionNl}}',
    },
  },
  localStepConflict: {
    code: 'local-step-conflict',
    severity: 'error',
    message: { en: 'Local step "{{step}}" has the id of a step the path already has.', nl: 'Lokale stap "{{step}}" heeft de id van een stap die het pad al heeft.' },
    hint: {
      en: 'Give the local step its own id (for example with the municipality as prefix); a coalition adds steps, it does not overwrite them.',
      nl: 'Geef de lokale stap een eigen id (bijvoorbeeld met de gemeente als voorvoegsel); een coalitie voegt stappen toe en overschrijft ze niet.',
    },
  },
  unknownLocalSource: {
    code: 'unknown-local-source',
    severity: 'error',
    message: { en: 'A local transition leaves from "{{step}}", which is not a step of the path.', nl: 'Een lokale overgang vertrekt uit "{{step}}", maar dat is geen stap van het pad.' },
    hint: { en: '{{suggestion}}', nl: '{{suggestionNl}}' },
  },
  unknownReplacement: {
    code: 'unknown-replacement',
    severity: 'error',
    message: {
      en: 'Intervention "{{intervention}}" is replaced by "{{step}}", which is not a step of the path or of the coalition.',
      nl: 'Interventie "{{intervention}}" wordt vervangen door "{{step}}", maar dat is geen stap van het pad of van de coalitie.',
    },
    hint: { en: '{{suggestion}}', nl: '{{suggestionNl}}' },
  },
  replacementUnused: {
    code: 'replacement-unused',
    severity: 'warning',
    message: {
      en: 'Intervention "{{intervention}}" is listed in "replaces", but no step of the path uses it.',
      nl: 'Interventie "{{intervention}}" staat bij "replaces", maar geen stap van het pad gebruikt haar.',
    },
    hint: { en: 'Remove the entry, or check the intervention key.', nl: 'Verwijder de regel, of controleer de sleutel van de interventie.' },
  },
  localTrackNotHousehold: {
    code: 'local-track-not-household',
    severity: 'error',
    message: {
      en: 'Local step "{{step}}" names track "{{track}}", but the path it adapts is a version 1 path, which has no tracks.',
      nl: 'Lokale stap "{{step}}" noemt spoor "{{track}}", maar het pad dat de coalitie aanpast is een pad in versie 1, zonder sporen.',
    },
    hint: {
      en: 'Remove "track" from the local step, or let "adapts" name a household path (format version 2).',
      nl: 'Haal "track" weg bij de lokale stap, of laat "adapts" een huishoudpad (formaatversie 2) noemen.',
    },
  },
  localStepWithoutTrack: {
    code: 'local-step-without-track',
    severity: 'error',
    message: {
      en: 'Local step "{{step}}" names no track, and the household path it is added to has several: {{tracks}}.',
      nl: 'Lokale stap "{{step}}" noemt geen spoor, en het huishoudpad waaraan hij wordt toegevoegd heeft er meerdere: {{tracks}}.',
    },
    hint: {
      en: 'Give the step "track": one of {{tracks}}. Transitions stay inside a track, so it is the track of the steps it is reached from and leads to.',
      nl: 'Geef de stap "track": een van {{tracks}}. Overgangen blijven binnen een spoor, dus het is het spoor van de stappen waaruit hij wordt bereikt en waarheen hij leidt.',
    },
  },
  replacementOtherTrack: {
    code: 'replacement-other-track',
    severity: 'error',
    message: {
      en: 'Intervention "{{intervention}}" is replaced by "{{step}}" in track "{{track}}", but step "{{replaced}}" of that intervention is in track "{{replacedTrack}}".',
      nl: 'Interventie "{{intervention}}" wordt vervangen door "{{step}}" in spoor "{{track}}", maar stap "{{replaced}}" van die interventie hoort bij spoor "{{replacedTrack}}".',
    },
    hint: {
      en: 'A replacement takes the place of the steps it replaces, so it must be in their track: give the local step "track": "{{replacedTrack}}", or replace with a step of that track.',
      nl: 'Een vervanging neemt de plaats in van de stappen die ze vervangt en moet dus in hun spoor liggen: geef de lokale stap "track": "{{replacedTrack}}", of vervang door een stap van dat spoor.',
    },
  },
} as const satisfies Record<string, DiagnosticTemplate>;

/** The diagnostics of reading only what a document may name: files of ours, inside the root. */
export const SAFETY_CODES = {
  outsideRoot: {
    code: 'outside-root',
    severity: 'error',
    message: {
      en: 'File "{{file}}" lies outside the root folder "{{root}}", so it is not read.',
      nl: 'Bestand "{{file}}" ligt buiten de hoofdmap "{{root}}" en wordt dus niet gelezen.',
    },
    hint: {
      en: 'Files a document names (includes, menukaart, adapts) must lie inside the root: by default the current folder (for a file elsewhere: its package, or its own folder). Move the file into it, or set another root (--root, or the "root" option of the loaders).',
      nl: 'Bestanden die een document noemt (includes, menukaart, adapts) moeten in de hoofdmap liggen: standaard de huidige map (voor een bestand elders: zijn pakket, of zijn eigen map). Zet het bestand daarin, of kies een andere hoofdmap (--root, of de optie "root" van de laadfuncties).',
    },
  },
  notADocumentFile: {
    code: 'not-a-document-file',
    severity: 'error',
    message: {
      en: 'File "{{file}}" is not a JSON or YAML document (.json, .yaml or .yml), so it is not read.',
      nl: 'Bestand "{{file}}" is geen JSON- of YAML-document (.json, .yaml of .yml) en wordt dus niet gelezen.',
    },
    hint: {
      en: 'A document may name only other documents: give the file the extension of its format.',
      nl: 'Een document mag alleen andere documenten noemen: geef het bestand de extensie van zijn formaat.',
    },
  },
  notADocument: {
    code: 'not-a-document',
    severity: 'error',
    message: {
      en: 'File "{{file}}" is not a zorgpaden document (it has no "schemaVersion"), so nothing of it is shown.',
      nl: 'Bestand "{{file}}" is geen zorgpaden-document (het heeft geen "schemaVersion"); er wordt niets uit getoond.',
    },
    hint: {
      en: 'Check the name: a document may name only other zorgpaden documents, which start with "schemaVersion".',
      nl: 'Controleer de naam: een document mag alleen andere zorgpaden-documenten noemen, die beginnen met "schemaVersion".',
    },
  },
} as const satisfies Record<string, DiagnosticTemplate>;

/**
 * The diagnostics of a targets file's tunable parameters checked against the loaded path and
 * population, before calibration simulates anything: each points at the parameter's `min` or `max`.
 */
export const TARGETS_CODES = {
  parameterRangeNotAllowed: {
    code: 'parameter-range-not-allowed',
    severity: 'error',
    message: {
      en: 'Parameter "{{parameter}}" {{ends}} its range at {{value}}, but the number it tunes ({{pointer}} in the {{file}}) must be {{allowed}}.',
      nl: 'Parameter "{{parameter}}" {{endsNl}} zijn bereik bij {{value}}, maar het getal dat hij afstelt ({{pointer}} in {{fileNl}}) moet {{allowedNl}} zijn.',
    },
    hint: {
      en: 'Give "{{field}}" a value that is {{allowed}}: calibration tries values across the whole range from "min" to "max".',
      nl: 'Geef "{{field}}" een waarde die {{allowedNl}} is: de kalibratie probeert waarden over het hele bereik van "min" tot "max".',
    },
  },
  parameterRangeTooWide: {
    code: 'parameter-range-too-wide',
    severity: 'error',
    message: {
      en: 'The range of parameter "{{parameter}}", from {{min}} to {{max}}, is too wide to compute with: the distance between its ends is larger than the largest number.',
      nl: 'Het bereik van parameter "{{parameter}}", van {{min}} tot {{max}}, is te breed om mee te rekenen: de afstand tussen de uiteinden is groter dan het grootste getal.',
    },
    hint: {
      en: 'Give "min" and "max" the values the number can really take (a chance lies between 0 and 1); calibration searches the whole range.',
      nl: 'Geef "min" en "max" de waarden die het getal echt kan aannemen (een kans ligt tussen 0 en 1); de kalibratie doorzoekt het hele bereik.',
    },
  },
  parameterWholeNumber: {
    code: 'parameter-whole-number',
    severity: 'error',
    message: {
      en: 'Parameter "{{parameter}}" tunes {{pointer}} in the {{file}}, which takes whole numbers only; calibration searches a continuous range, so it could never try values there.',
      nl: 'Parameter "{{parameter}}" stelt {{pointer}} in {{fileNl}} af, en dat neemt alleen hele getallen; de kalibratie doorzoekt een doorlopend bereik en kan daar dus geen waarden proberen.',
    },
    hint: {
      en: 'Tune a weight, prevalence or chance instead (such as the weight of the transition that waits longer), or try a few whole values by hand and compare them with "zorgpaden compare".',
      nl: 'Stel in plaats daarvan een gewicht, prevalentie of kans af (zoals het gewicht van de overgang die langer wacht), of probeer een paar hele waarden met de hand en vergelijk ze met "zorgpaden compare".',
    },
  },
} as const satisfies Record<string, DiagnosticTemplate>;
