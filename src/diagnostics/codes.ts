import type { DiagnosticTemplate } from './diagnostic.js';

/**
 * The diagnostics of reading and checking a document's shape and references (the "first rule").
 * Validation rules add their own templates in their modules.
 */
export const LOAD_CODES = {
  fileNotFound: {
    code: 'file-not-found',
    severity: 'error',
    message: { en: 'File "{{file}}" does not exist.', nl: 'Bestand "{{file}}" bestaat niet.' },
    hint: { en: 'Check the path; relative paths are resolved from {{base}}.', nl: 'Controleer het pad; relatieve paden gelden vanaf {{baseNl}}.' },
  },
  fileUnreadable: {
    code: 'file-unreadable',
    severity: 'error',
    message: { en: 'File "{{file}}" cannot be read: {{reason}}.', nl: 'Bestand "{{file}}" kan niet worden gelezen: {{reasonNl}}.' },
    hint: {
      en: 'Check that the name is of a file (not a folder) and that you may read it (its permissions, for example with "ls -l"); or give another file.',
      nl: 'Controleer dat de naam bij een bestand hoort (geen map) en dat je het mag lezen (de rechten, bijvoorbeeld met "ls -l"); of geef een ander bestand.',
    },
  },
  fileTooLarge: {
    code: 'file-too-large',
    severity: 'error',
    message: {
      en: 'File is {{size}} bytes, more than the limit of {{limit}} bytes.',
      nl: 'Bestand is {{size}} bytes, meer dan de grens van {{limit}} bytes.',
    },
    hint: {
      en: 'Split the path into sub-paths with "includes", or raise limits.maxFileBytes if the file is meant to be this large.',
      nl: 'Splits het pad in deelpaden met "includes", of verhoog limits.maxFileBytes als het bestand zo groot hoort te zijn.',
    },
  },
  unknownFormat: {
    code: 'unknown-format',
    severity: 'error',
    message: { en: 'Cannot tell the format of "{{file}}".', nl: 'Het formaat van "{{file}}" is onbekend.' },
    hint: { en: 'Use a .json, .yaml or .yml file.', nl: 'Gebruik een .json-, .yaml- of .yml-bestand.' },
  },
  invalidJson: {
    code: 'invalid-json',
    severity: 'error',
    message: { en: 'This is not valid JSON: {{reason}}.', nl: 'Dit is geen geldige JSON: {{reason}}.' },
    hint: {
      en: 'Look for a missing comma, quote or bracket just before this place.',
      nl: 'Zoek vlak voor deze plek naar een ontbrekende komma, aanhalingsteken of haak.',
    },
  },
  invalidYaml: {
    code: 'invalid-yaml',
    severity: 'error',
    message: { en: 'This is not valid YAML: {{reason}}.', nl: 'Dit is geen geldige YAML: {{reason}}.' },
    hint: { en: 'Check the indentation and quoting at this place.', nl: 'Controleer het inspringen en de aanhalingstekens op deze plek.' },
  },
  yamlAliasLimit: {
    code: 'yaml-alias-limit',
    severity: 'error',
    message: {
      en: 'The YAML aliases expand to more than {{limit}} nodes; reading stopped.',
      nl: 'De YAML-aliassen breiden uit tot meer dan {{limit}} knopen; het lezen is gestopt.',
    },
    hint: { en: 'Write the repeated parts out, or use fewer anchors and aliases.', nl: 'Schrijf herhaalde delen uit, of gebruik minder ankers en aliassen.' },
  },
  duplicateKey: {
    code: 'duplicate-key',
    severity: 'error',
    message: { en: 'Key "{{key}}" appears twice in the same object.', nl: 'Sleutel "{{key}}" komt twee keer voor in hetzelfde object.' },
    hint: {
      en: 'Remove or rename one of them; they are not merged. The first is on line {{firstLine}}.',
      nl: 'Verwijder of hernoem er een; ze worden niet samengevoegd. De eerste staat op regel {{firstLine}}.',
    },
  },
  forbiddenKey: {
    code: 'forbidden-key',
    severity: 'error',
    message: { en: 'Key "{{key}}" is not allowed.', nl: 'Sleutel "{{key}}" is niet toegestaan.' },
    hint: { en: 'Rename it; "__proto__", "constructor" and "prototype" are reserved.', nl: 'Hernoem hem; "__proto__", "constructor" en "prototype" zijn gereserveerd.' },
  },
  notAnObject: {
    code: 'not-an-object',
    severity: 'error',
    message: { en: 'The document is {{actual}}, not an object.', nl: 'Het document is {{actualNl}}, geen object.' },
    hint: { en: 'A path file is one JSON object: { "schemaVersion": 1, "id": …, "steps": { … } }.', nl: 'Een padbestand is één JSON-object: { "schemaVersion": 1, "id": …, "steps": { … } }.' },
  },
  wrongKind: {
    code: 'wrong-kind',
    severity: 'error',
    message: { en: 'This is a {{kindWords}} file, but a {{expectedWords}} was expected.', nl: 'Dit is een {{kindWordsNl}}-bestand, maar er werd een {{expectedWordsNl}} verwacht.' },
    hint: {
      en: 'Check that you gave the right file here; files given in the wrong order are a common cause. A file\'s kind is in its "kind" field (a care path has none).',
      nl: 'Controleer of je hier het juiste bestand hebt gegeven; bestanden in de verkeerde volgorde zijn een veelvoorkomende oorzaak. De soort van een bestand staat in het veld "kind" (een zorgpad heeft er geen).',
    },
  },
  unsupportedSchemaVersion: {
    code: 'unsupported-schema-version',
    severity: 'error',
    message: {
      en: 'schemaVersion {{actual}} is not supported; this version of zorgpaden reads up to {{supported}}.',
      nl: 'schemaVersion {{actual}} wordt niet ondersteund; deze versie van zorgpaden leest tot en met {{supported}}.',
    },
    hint: { en: 'Upgrade zorgpaden, or write "schemaVersion": {{supported}}.', nl: 'Werk zorgpaden bij, of schrijf "schemaVersion": {{supported}}.' },
  },
  invalidType: {
    code: 'invalid-type',
    severity: 'error',
    message: { en: 'Expected {{expected}} but found {{actual}}.', nl: 'Verwacht: {{expectedNl}}, gevonden: {{actualNl}}.' },
    hint: { en: 'Write the value as {{expected}}, or remove the field when it is optional.', nl: 'Schrijf de waarde als {{expectedNl}}, of laat het veld weg als het niet verplicht is.' },
  },
  missingField: {
    code: 'missing-field',
    severity: 'error',
    message: { en: 'Field "{{field}}" is required.', nl: 'Veld "{{field}}" is verplicht.' },
  },
  unknownField: {
    code: 'unknown-field',
    severity: 'error',
    message: { en: 'Field "{{field}}" is not part of the format here.', nl: 'Veld "{{field}}" hoort hier niet in het formaat.' },
    hint: { en: '{{suggestion}}', nl: '{{suggestionNl}}' },
  },
  invalidValue: {
    code: 'invalid-value',
    severity: 'error',
    message: { en: '{{reason}}', nl: '{{reasonNl}}' },
    hint: { en: 'Change the value as the message says.', nl: 'Pas de waarde aan zoals de melding zegt.' },
  },
  invalidCondition: {
    code: 'invalid-condition',
    severity: 'error',
    message: { en: '{{reason}}', nl: 'Ongeldige voorwaarde: {{reasonNl}}' },
    hint: {
      en: 'A condition is one of { "all": [...] }, { "any": [...] }, { "not": … }, { "hasRisk": "…" }, { "hasProtection": "…" }, { "attr": "…", "lt": 20 }.',
      nl: 'Een voorwaarde is een van { "all": [...] }, { "any": [...] }, { "not": … }, { "hasRisk": "…" }, { "hasProtection": "…" }, { "attr": "…", "lt": 20 }.',
    },
  },
  windowReversed: {
    code: 'window-reversed',
    severity: 'error',
    message: { en: 'The window ends ({{to}}) before it starts ({{from}}), so no client can ever be in it.', nl: 'Het tijdvenster eindigt ({{toNl}}) voordat het begint ({{fromNl}}), dus geen cliënt kan er ooit in zijn.' },
    hint: { en: 'Swap "from" and "to", or correct one of them (a unit mixed up?).', nl: 'Verwissel "from" en "to", of corrigeer een van beide (een eenheid verwisseld?).' },
  },
  invalidTime: {
    code: 'invalid-time',
    severity: 'error',
    message: { en: '{{reason}}', nl: 'Ongeldig tijdstip: {{reasonNl}}' },
    hint: {
      en: 'Write a moment as { "gw": 12 }, { "ageDays": 10 }, { "ageMonths": 6 }, { "day": -200 } or { "weeksBeforeConception": 12 }.',
      nl: 'Schrijf een moment als { "gw": 12 }, { "ageDays": 10 }, { "ageMonths": 6 }, { "day": -200 } of { "weeksBeforeConception": 12 }.',
    },
  },
  labelControlCharacter: {
    code: 'label-control-character',
    severity: 'error',
    message: { en: 'Text contains a control character (code {{char}}).', nl: 'Tekst bevat een stuurteken (code {{char}}).' },
    hint: { en: 'Remove tabs, line breaks and other invisible characters from labels.', nl: 'Verwijder tabs, regeleinden en andere onzichtbare tekens uit labels.' },
  },
  labelTooLong: {
    code: 'label-too-long',
    severity: 'error',
    message: { en: 'Text is {{length}} characters long, more than the limit of {{limit}}.', nl: 'Tekst is {{length}} tekens lang, meer dan de grens van {{limit}}.' },
    hint: {
      en: 'Shorten it: a label is one line; longer explanations go in "description" (up to five times as long).',
      nl: 'Maak hem korter: een label is één regel; langere uitleg hoort in "description" (tot vijf keer zo lang).',
    },
  },
  unknownInitial: {
    code: 'unknown-initial',
    severity: 'error',
    message: { en: 'The initial step "{{step}}" does not exist.', nl: 'De beginstap "{{step}}" bestaat niet.' },
    hint: { en: '{{suggestion}}', nl: '{{suggestionNl}}' },
  },
  unknownTarget: {
    code: 'unknown-target',
    severity: 'error',
    message: {
      en: 'Step "{{from}}" has a transition to "{{to}}", which does not exist.',
      nl: 'Stap "{{from}}" heeft een overgang naar "{{to}}", maar die stap bestaat niet.',
    },
    hint: { en: '{{suggestion}}', nl: '{{suggestionNl}}' },
  },
  unknownActor: {
    code: 'unknown-actor',
    severity: 'error',
    message: { en: '"{{actor}}" is not an actor of this path.', nl: '"{{actor}}" is geen actor van dit pad.' },
    hint: { en: '{{suggestion}}', nl: '{{suggestionNl}}' },
  },
  unknownIntervention: {
    code: 'unknown-intervention',
    severity: 'error',
    message: { en: '"{{intervention}}" is not an intervention of the menukaart.', nl: '"{{intervention}}" staat niet op de menukaart.' },
    hint: { en: '{{suggestion}}', nl: '{{suggestionNl}}' },
  },
  outcomeWithTransitions: {
    code: 'outcome-with-transitions',
    severity: 'error',
    message: { en: 'Outcome step "{{step}}" has transitions, but an outcome is final.', nl: 'Uitkomststap "{{step}}" heeft overgangen, maar een uitkomst is een eindpunt.' },
    hint: { en: 'Give the step another kind, or remove its transitions.', nl: 'Geef de stap een andere soort, of verwijder de overgangen.' },
  },
  tooManySteps: {
    code: 'too-many-steps',
    severity: 'error',
    message: { en: 'The path has {{count}} steps, more than the limit of {{limit}}.', nl: 'Het pad heeft {{count}} stappen, meer dan de grens van {{limit}}.' },
  },
  conditionTooDeep: {
    code: 'condition-too-deep',
    severity: 'error',
    message: { en: 'Condition nests {{depth}} levels deep, more than the limit of {{limit}}.', nl: 'Voorwaarde is {{depth}} niveaus diep genest, meer dan de grens van {{limit}}.' },
    hint: { en: 'Flatten nested "all" and "any" lists.', nl: 'Maak geneste "all"- en "any"-lijsten platter.' },
  },
  includeNotFound: {
    code: 'include-not-found',
    severity: 'error',
    message: { en: 'Included file "{{file}}" does not exist.', nl: 'Ingevoegd bestand "{{file}}" bestaat niet.' },
    hint: { en: 'Paths in "includes" are relative to the including file.', nl: 'Paden in "includes" gelden vanaf het bestand dat ze invoegt.' },
  },
  includeCycle: {
    code: 'include-cycle',
    severity: 'error',
    message: { en: 'Includes form a cycle: {{cycle}}.', nl: 'Invoegingen vormen een kringloop: {{cycle}}.' },
    hint: { en: 'A path cannot include itself, directly or through other files.', nl: 'Een pad kan zichzelf niet invoegen, direct of via andere bestanden.' },
  },
  includeTooDeep: {
    code: 'include-too-deep',
    severity: 'error',
    message: { en: 'Includes nest more than {{limit}} levels deep.', nl: 'Invoegingen zijn meer dan {{limit}} niveaus diep genest.' },
  },
  includeConflict: {
    code: 'include-conflict',
    severity: 'error',
    message: { en: '{{reason}}', nl: '{{reasonNl}}' },
  },
  unknownConnect: {
    code: 'unknown-connect',
    severity: 'error',
    message: {
      en: '"connect" names "{{step}}", which is not an outcome of the included path "{{include}}".',
      nl: '"connect" noemt "{{step}}", maar dat is geen uitkomst van het ingevoegde pad "{{include}}".',
    },
    hint: { en: '{{suggestion}}', nl: '{{suggestionNl}}' },
  },
} as const satisfies Record<string, DiagnosticTemplate>;

/** Fills the `suggestion` params of a did-you-mean hint in both languages. */
export function suggestionParams(candidate: string | undefined, known: readonly string[]): { suggestion: string; suggestionNl: string } {
  if (candidate !== undefined) return { suggestion: `Did you mean "${candidate}"?`, suggestionNl: `Bedoelde je "${candidate}"?` };
  const list = known.slice(0, 8).map((k) => `"${k}"`).join(', ') + (known.length > 8 ? ', …' : '');
  if (known.length === 0) return { suggestion: 'There is nothing to refer to yet.', suggestionNl: 'Er is nog niets om naar te verwijzen.' };
  return { suggestion: `Known: ${list}.`, suggestionNl: `Bekend: ${list}.` };
}
