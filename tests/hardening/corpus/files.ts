/** The loaders a file case goes through (src/load/index.ts). */
export type Loader = 'path' | 'population' | 'coalition' | 'route' | 'menukaart' | 'coalitionPath';

/** One bad file and the one diagnostic it must give, with its exact place. */
export interface CorpusCase {
  name: string;
  /** A file in tests/fixtures/corpus, or the name of a generated file. */
  file: string;
  /** For a generated file: its content, written to a temporary folder before loading. */
  generate?: () => string | Uint8Array;
  loader: Loader;
  code: string;
  pointer: string;
  /**
   * 1-based line and column; undefined when the diagnostic is about the file as a whole (or, for
   * the column, when `at` pins the place in a generated file).
   */
  line?: number;
  column?: number;
  /** Text that starts at the reported line and column, checked against the file itself. */
  at?: string;
  /** The file the diagnostic is in, when it is not the loaded one (relative to tests/fixtures/corpus). */
  in?: string;
  /** Fragments of the English message, the Dutch message, the English hint and the Dutch hint. */
  message?: string;
  nl?: string;
  hint?: string;
  nlHint?: string;
  /** True when this must be the only diagnostic (one clear problem, not a flood). */
  only?: boolean;
}

const DEEP = 100_000;

// a path whose one error (a transition to "nergens") sits at the far end of a 1.5 MB single line
function longLine(): string {
  const steps: Record<string, unknown> = { intake: { kind: 'contact', phase: 'pregnancy', label: { nl: 'Intake' }, transitions: [{ to: 's0' }] } };
  for (let i = 0; i < 20_000; i++) steps[`s${i}`] = { kind: 'outcome', phase: 'pregnancy', label: { nl: `Stap ${i} met een wat langer label` } };
  steps.laatste = { kind: 'contact', phase: 'pregnancy', label: { nl: 'Laatste' }, transitions: [{ to: 'nergens' }] };
  return JSON.stringify({ schemaVersion: 1, id: 'test/lang', version: '1.0.0', title: { nl: 'Lang' }, initial: 'intake', steps });
}
let longLineText: string | undefined;
const longLineOnce = () => (longLineText ??= longLine());

function deepCondition(): string {
  const when = '{"not":'.repeat(DEEP) + '{"hasRisk":"debts"}' + '}'.repeat(DEEP);
  return `{\n  "schemaVersion": 1,\n  "id": "test/diep",\n  "version": "1.0.0",\n  "title": { "nl": "Diep" },\n  "initial": "intake",\n  "steps": {\n    "intake": {\n      "kind": "contact",\n      "phase": "pregnancy",\n      "label": { "nl": "Intake" },\n      "transitions": [{ "to": "einde", "when": ${when} }]\n    },\n    "einde": { "kind": "outcome", "phase": "pregnancy", "label": { "nl": "Einde" } }\n  }\n}\n`;
}

// 5,000 steps, each with a transition to a step that does not exist: every wrong target is
// compared with every step for a did-you-mean hint, which once took minutes. Pretty-printed, step i
// starts on line 10 + 12i and its "to" is 8 lines further down
function manyWrongTargets(): string {
  const steps: Record<string, unknown> = {};
  for (let i = 0; i < 5_000; i++) steps[`stap-${i}`] = { kind: 'contact', phase: 'pregnancy', label: { nl: `Stap ${i}` }, transitions: [{ to: `doel-${i}` }] };
  return JSON.stringify({ schemaVersion: 1, id: 'test/veel-fouten', version: '1.0.0', title: { nl: 'Veel fouten' }, initial: 'stap-0', steps }, null, 2);
}

export const CASES: readonly CorpusCase[] = [
  // population files
  { name: 'population (JSON): prevalence above 1', file: 'population-prevalence.json', loader: 'population', code: 'invalid-value', pointer: '/risks/financial-stress/prevalence', line: 10, column: 7, at: '"prevalence": 1.5', message: 'The value must be at most 1.', nl: 'hoogstens 1' },
  { name: 'population (YAML): no title', file: 'population-missing-title.yaml', loader: 'population', code: 'missing-field', pointer: '/title', line: 1, column: 1, message: 'Field "title" is required.' },
  { name: 'population (JSON): a number attribute without bins', file: 'population-number-no-bins.json', loader: 'population', code: 'missing-field', pointer: '/attributes/age/bins', line: 8, column: 5, at: '"age"', message: 'Field "bins" is required.' },
  { name: 'population (YAML): a conditional prevalence whose condition mixes forms', file: 'population-given-mixed.yaml', loader: 'population', code: 'invalid-condition', pointer: '/risks/financial-stress/given/0/when', line: 11, column: 9, at: 'when:', message: 'mixes hasRisk and attr', nl: 'mengt hasRisk en attr' },
  { name: 'population (YAML): a route file given as population', file: 'population-is-route.yaml', loader: 'population', code: 'wrong-kind', pointer: '/kind', line: 2, column: 1, at: 'kind: route', message: 'This is a klantroute file, but a population (kind: "population") was expected.', nl: 'Dit is een klantroute-bestand, maar er werd een populatie (kind: "population") verwacht.', hint: 'Check that you gave the right file here', only: true },
  { name: 'population (YAML): a care path file given as population', file: 'after-negative.yaml', loader: 'population', code: 'wrong-kind', pointer: '', line: 1, column: 1, message: 'This is a care path file, but a population (kind: "population") was expected.', nl: 'Dit is een zorgpad-bestand, maar er werd een populatie (kind: "population") verwacht.', nlHint: 'een zorgpad heeft er geen', only: true },
  { name: 'population (JSON): a risk defined twice', file: 'population-duplicate-risk.json', loader: 'population', code: 'duplicate-key', pointer: '/risks/debts', line: 9, column: 5, at: '"debts"', hint: 'The first is on line 8.' },

  // coalition files
  { name: 'coalition (JSON): offers is text, not a list', file: 'coalition-offers-text.json', loader: 'coalition', code: 'invalid-type', pointer: '/offers', line: 9, column: 3, at: '"offers"', message: 'Expected a list but found text.', nl: 'Verwacht: een lijst, gevonden: tekst.' },
  { name: 'coalition (YAML): a misspelt field', file: 'coalition-misspelt.yaml', loader: 'coalition', code: 'unknown-field', pointer: '/municipallity', line: 6, column: 1, at: 'municipallity:', hint: 'Did you mean "municipality"?' },
  { name: 'coalition (JSON): a care path file given as coalition', file: 'base-path.json', loader: 'coalition', code: 'wrong-kind', pointer: '', line: 1, column: 1, message: 'This is a care path file, but a coalition (kind: "coalition") was expected.', nl: 'maar er werd een coalitie (kind: "coalition") verwacht', only: true },
  { name: 'coalition (YAML): a care path file where the coalition to apply is expected', file: 'after-negative.yaml', loader: 'coalitionPath', code: 'wrong-kind', pointer: '', line: 1, column: 1, message: 'This is a care path file, but a coalition (kind: "coalition") was expected.', only: true },
  { name: 'coalition (JSON): a local transition with a lower-case event', file: 'coalition-local-event.json', loader: 'coalition', code: 'invalid-value', pointer: '/transitions/0/on', line: 11, column: 43, at: '"on"', message: 'upper snake case' },
  { name: 'coalition (YAML): adapts a path file that does not exist', file: 'coalition-adapts-missing.yaml', loader: 'coalitionPath', code: 'file-not-found', pointer: '/adapts', line: 7, column: 1, at: 'adapts: no-such-path.json', message: 'no-such-path.json" does not exist', hint: 'resolved from the file that names it', nlHint: 'gelden vanaf het bestand dat het noemt' },
  { name: 'coalition (YAML): a new partner without label and domain', file: 'coalition-partner-incomplete.yaml', loader: 'coalitionPath', code: 'partner-incomplete', pointer: '/partners/buurtgezinscoach', line: 10, column: 3, at: 'buurtgezinscoach:', message: 'it has no "label" and "domain"', nl: 'heeft geen "label" en "domain"' },

  // files a document names: inside the root, and documents of ours
  { name: 'path (JSON): an include outside the root', file: 'include-outside.json', loader: 'path', code: 'outside-root', pointer: '/includes/0/path', line: 7, column: 18, at: '"path"', message: 'lies outside the root folder', nl: 'ligt buiten de hoofdmap', hint: 'set another root', only: true },
  { name: 'path (YAML): an include of a .env file', file: 'include-dotenv.yaml', loader: 'path', code: 'not-a-document-file', pointer: '/includes/0/path', line: 7, column: 5, at: 'path: .env', message: 'is not a JSON or YAML document', only: true },
  { name: 'path (JSON): a menukaart by absolute name outside the root', file: 'menukaart-outside.json', loader: 'path', code: 'outside-root', pointer: '/menukaart', line: 7, column: 3, at: '"menukaart"', message: '"/etc/menukaart.json" lies outside the root folder', only: true },
  { name: 'coalition (YAML): adapts a path outside the root', file: 'coalition-adapts-outside.yaml', loader: 'coalitionPath', code: 'outside-root', pointer: '/adapts', line: 7, column: 1, at: 'adapts:', message: 'lies outside the root folder', only: true },
  { name: 'path (JSON): a condition on the attribute "__proto__"', file: 'condition-proto-attr.json', loader: 'path', code: 'invalid-value', pointer: '/steps/begin/transitions/0/when/attr', line: 8, column: 128, at: '"attr"', message: '"__proto__" cannot be the name of an attribute.', nl: 'kan niet de naam van een kenmerk zijn' },
  { name: 'path (YAML): a step named "prototype"', file: 'path-step-prototype.yaml', loader: 'path', code: 'forbidden-key', pointer: '/steps/prototype', line: 8, column: 3, at: 'prototype:' },
  { name: 'population (JSON): categorical weights that are all 0', file: 'population-zero-weights.json', loader: 'population', code: 'invalid-value', pointer: '/attributes/kleur/values', line: 8, column: 39, at: '"values"', message: 'The weights of the values are all 0', nl: 'De gewichten van de waarden zijn allemaal 0' },
  { name: 'population (YAML): a bin whose min is above its max', file: 'population-inverted-bin.yaml', loader: 'population', code: 'invalid-value', pointer: '/attributes/age/bins/0', line: 10, column: 9, at: '{ min: 40', message: 'is above its "max"', nl: 'ligt boven de "max"' },

  // route files
  { name: 'route (JSON): no steps', file: 'route-no-steps.json', loader: 'route', code: 'invalid-value', pointer: '/steps', line: 10, column: 3, at: '"steps"', message: 'The list needs at least 1 item(s).' },
  { name: 'route (YAML): a risk key with capitals and a space', file: 'route-risk-key.yaml', loader: 'route', code: 'invalid-value', pointer: '/client/risks/0', line: 9, column: 11, at: 'Financial Stress', message: 'lower-case letters' },
  { name: 'route (JSON): a moment in two units', file: 'route-at-two-units.json', loader: 'route', code: 'invalid-time', pointer: '/steps/1/at', line: 12, column: 30, at: '"at"', nl: 'Een tijdstip geeft precies één van' },
  { name: 'route (JSON): a care path file given as route', file: 'base-path.json', loader: 'route', code: 'wrong-kind', pointer: '', line: 1, column: 1, message: 'This is a care path file, but a klantroute (kind: "route") was expected.', nl: 'Dit is een zorgpad-bestand, maar er werd een klantroute (kind: "route") verwacht.', only: true },
  { name: 'route (YAML): steps written as text, not a list', file: 'route-steps-text.yaml', loader: 'route', code: 'invalid-type', pointer: '/steps', line: 8, column: 1, at: 'steps: intake', message: 'Expected a list but found text.', hint: 'in YAML one "- item" per line', nlHint: 'Schrijf een lijst' },
  { name: 'route (YAML): persona is text, not an object', file: 'route-persona-text.yaml', loader: 'route', code: 'invalid-type', pointer: '/persona', line: 6, column: 1, at: 'persona: Sanne', message: 'Expected an object but found text.' },

  // menukaart files
  { name: 'menukaart (JSON): a misspelt recognition status', file: 'menukaart-recognition.json', loader: 'menukaart', code: 'invalid-value', pointer: '/interventions/stevig-ouderschap/recognition', line: 12, column: 7, at: '"recognition"', message: 'Did you mean "well-described"?', nl: 'Bedoelde je "well-described"?' },
  { name: 'menukaart (YAML): an intervention in no phase', file: 'menukaart-no-phases.yaml', loader: 'menukaart', code: 'invalid-value', pointer: '/interventions/stevig-ouderschap/phases', line: 9, column: 5, at: 'phases: []', message: 'at least 1 item(s)' },
  { name: 'menukaart (JSON): a URL without a scheme', file: 'menukaart-url.json', loader: 'menukaart', code: 'invalid-value', pointer: '/interventions/voorzorg/url', line: 13, column: 7, at: '"url"', nl: 'Dit is geen geldige URL.' },
  { name: 'menukaart (YAML): schemaVersion written as text', file: 'menukaart-schema-version.yaml', loader: 'menukaart', code: 'invalid-type', pointer: '/schemaVersion', line: 1, column: 1, at: 'schemaVersion: "1"', message: 'Expected the number 1 but found text.' },
  { name: 'path (YAML): its menukaart is a route file', file: 'menukaart-is-route.yaml', loader: 'path', code: 'wrong-kind', pointer: '/kind', line: 2, column: 1, in: 'route-persona-text.yaml', message: 'a menukaart (kind: "menukaart") was expected' },
  { name: 'menukaart (JSON): a care path file given as menukaart', file: 'base-path.json', loader: 'menukaart', code: 'wrong-kind', pointer: '', line: 1, column: 1, message: 'This is a care path file, but a menukaart (kind: "menukaart") was expected.', only: true },

  // path files: content
  { name: 'path (JSON): a wrong type deep in a condition', file: 'condition-deep-type.json', loader: 'path', code: 'invalid-type', pointer: '/steps/intake/transitions/0/when/all/1/any/1/lt', line: 18, column: 74, at: '"lt"', message: 'Expected a number but found text.' },
  { name: 'path (YAML): "not" given a list', file: 'condition-not-list.yaml', loader: 'path', code: 'invalid-type', pointer: '/steps/intake/transitions/0/when/not', line: 14, column: 11, at: 'not:', message: 'Expected an object but found a list.' },
  { name: 'path (JSON): a window with "until" instead of "to"', file: 'window-misspelt.json', loader: 'path', code: 'unknown-field', pointer: '/steps/intake/window/until', line: 12, column: 40, at: '"until"', hint: 'Known: "from", "to".' },
  { name: 'path (YAML): a window written as text', file: 'window-text.yaml', loader: 'path', code: 'invalid-type', pointer: '/steps/intake/window', line: 11, column: 5, at: 'window: week 6 to 10' },
  { name: 'path (JSON): a window moment in an unknown unit', file: 'window-unit.json', loader: 'path', code: 'unknown-field', pointer: '/steps/intake/window/from/weeks', line: 12, column: 29, at: '"weeks"' },
  { name: 'path (YAML): a negative delay', file: 'after-negative.yaml', loader: 'path', code: 'invalid-value', pointer: '/steps/intake/transitions/0/after', line: 13, column: 9, at: 'after: -5', message: 'The value must be at least 0.' },
  { name: 'path (YAML): steps as a list', file: 'steps-list.yaml', loader: 'path', code: 'invalid-type', pointer: '/steps', line: 6, column: 1, at: 'steps:', nl: 'Verwacht: een object, gevonden: een lijst.' },
  { name: 'path (JSON): a number too large (1e400)', file: 'big-number.json', loader: 'path', code: 'invalid-type', pointer: '/steps/intake/transitions/0/weight', line: 12, column: 40, at: '"weight": 1e400', message: 'a number too large to use' },
  { name: 'path (YAML): a merge key "<<" is not merged', file: 'yaml-merge-key.yaml', loader: 'path', code: 'unknown-field', pointer: '/steps/tweede/<<', line: 13, column: 5, at: '<<: *base' },
  { name: 'path (YAML): a !!js/function tag stays inert text', file: 'yaml-js-tag.yaml', loader: 'path', code: 'invalid-type', pointer: '/title', line: 4, column: 1, at: 'title: !!js/function', message: 'Expected an object but found text.' },
  { name: 'path (JSON): an include that is a route file', file: 'include-population.json', loader: 'path', code: 'wrong-kind', pointer: '/kind', line: 2, column: 1, in: 'population-is-route.yaml', message: 'This is a klantroute file, but a care path (a file without "kind") was expected.', nl: 'Dit is een klantroute-bestand, maar er werd een zorgpad (een bestand zonder "kind") verwacht.' },
  { name: 'path (YAML): a route file given as the path', file: 'route-persona-text.yaml', loader: 'path', code: 'wrong-kind', pointer: '/kind', line: 2, column: 1, at: 'kind: route', message: 'This is a klantroute file, but a care path (a file without "kind") was expected.', only: true },

  // path files: bytes and layout
  { name: 'path (YAML): two documents in one file', file: 'multi-document.yaml', loader: 'path', code: 'invalid-yaml', pointer: '', line: 8, column: 1, at: '---', message: 'more than one document', nl: 'meer dan één document' },
  { name: 'path (YAML): an empty file', file: 'empty.yaml', loader: 'path', code: 'not-an-object', pointer: '', line: 1, column: 1, message: 'The document is empty, not an object.', nl: 'Het document is leeg, geen object.', hint: 'The file has no content: write the document in it', nlHint: 'Het bestand heeft geen inhoud: schrijf het document erin' },
  { name: 'path (JSON): an empty file', file: 'empty.json', generate: () => '', loader: 'path', code: 'not-an-object', pointer: '', line: 1, column: 1, message: 'The document is empty, not an object.', nl: 'Het document is leeg, geen object.', hint: 'The file has no content: write the document in it', nlHint: 'Het bestand heeft geen inhoud: schrijf het document erin' },
  { name: 'population (JSON): only blank lines and a byte-order mark', file: 'blank-population.json', generate: () => '\uFEFF  \r\n\n\t\n', loader: 'population', code: 'not-an-object', pointer: '', line: 1, column: 1, message: 'The document is empty', hint: 'write the document in it' },
  { name: 'path (YAML): only a comment', file: 'comment-only.yaml', loader: 'path', code: 'not-an-object', pointer: '', line: 1, column: 1, message: 'The document is empty' },
  { name: 'path: a file that does not exist', file: 'no-such-file.json', loader: 'path', code: 'file-not-found', pointer: '', message: 'no-such-file.json" does not exist', hint: 'resolved from the current directory', nlHint: 'gelden vanaf de huidige map' },
  { name: 'path: "-" for standard input, which is not read', file: '-', loader: 'path', code: 'file-not-found', pointer: '', message: 'reading from standard input ("-") is not supported', nl: 'lezen van standaardinvoer ("-") wordt niet ondersteund', hint: 'Give the name of a file' },
  { name: 'path: a directory instead of a file', file: 'a-directory.json', loader: 'path', code: 'file-unreadable', pointer: '', message: 'it is a directory, not a file', nl: 'het is een map, geen bestand', hint: 'Check that the name is of a file (not a folder) and that you may read it', nlHint: 'dat je het mag lezen' },
  { name: 'path (JSON): a byte-order mark keeps lines and columns', file: 'bom.json', loader: 'path', code: 'unknown-target', pointer: '/steps/intake/transitions/0/to', line: 8, column: 105, at: '"to": "eind"', hint: 'Did you mean "einde"?' },
  { name: 'path (JSON): CRLF line endings keep line numbers', file: 'crlf-target.json', loader: 'path', code: 'unknown-target', pointer: '/steps/intake/transitions/0/to', line: 12, column: 31, at: '"to": "eind"' },
  { name: 'path (YAML): CRLF line endings keep line numbers', file: 'crlf-weight.yaml', loader: 'path', code: 'invalid-type', pointer: '/steps/intake/transitions/0/weight', line: 13, column: 9, at: 'weight: "zwaar"' },
  { name: 'path (JSON): UTF-16 text', file: 'utf16.json', loader: 'path', code: 'invalid-json', pointer: '', line: 1, column: 1, message: 'an unexpected character' },
  { name: 'path (JSON): binary bytes (a PNG header)', file: 'binary.json', loader: 'path', code: 'invalid-json', pointer: '', line: 1, column: 1, nl: 'een onverwacht teken' },
  { name: 'path (JSON): a NUL character inside a label', file: 'nul-in-text.json', loader: 'path', code: 'invalid-json', pointer: '', line: 5, column: 20, at: '"Ven\u0000ster"', message: 'a control character appears inside a text value' },
  { name: 'path: JSON in a .txt file is read as JSON', file: 'path.txt', loader: 'path', code: 'unknown-field', pointer: '/steps/intake/window/until', line: 12, column: 40, at: '"until"' },
  { name: 'path: XML in a .xml file', file: 'path.xml', loader: 'path', code: 'unknown-format', pointer: '', line: 1, column: 1, hint: 'Use a .json, .yaml or .yml file.' },

  // generated: sizes and depths no hand-written file has
  { name: 'path (JSON): arrays nested 100,000 deep', file: 'deep-arrays.json', generate: () => '['.repeat(DEEP) + ']'.repeat(DEEP), loader: 'path', code: 'not-an-object', pointer: '', line: 1, column: 1, message: 'The document is a list, not an object.' },
  { name: 'path (JSON): 100,000 brackets, one left open (the careful reader, not JSON.parse)', file: 'deep-unclosed.json', generate: () => '['.repeat(DEEP) + ']'.repeat(DEEP - 1), loader: 'path', code: 'invalid-json', pointer: '', line: 1, column: 1, message: 'the document nests too deeply to read', nl: 'het document is te diep genest om te lezen' },
  { name: 'path (JSON): a title nested 100,000 lists deep', file: 'deep-title.json', generate: () => `{\n  "schemaVersion": 1,\n  "title": ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n}\n`, loader: 'path', code: 'invalid-type', pointer: '/title', line: 3, column: 3, at: '"title": [[[', message: 'Expected an object but found a list.' },
  { name: 'path (YAML): flow lists nested 100,000 deep', file: 'deep-arrays.yaml', generate: () => `title: ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n`, loader: 'path', code: 'invalid-yaml', pointer: '', line: 1, message: 'the document nests too deeply to read', nl: 'te diep genest' },
  { name: 'path (JSON): a condition nested 100,000 "not"s deep', file: 'deep-condition.json', generate: deepCondition, loader: 'path', code: 'condition-too-deep', pointer: '/steps/intake/transitions/0/when', line: 12, at: '"when": {"not":{"not":', message: 'more than the limit of 32' },
  { name: 'path (JSON): 5,000 transitions to steps that do not exist', file: 'many-wrong-targets.json', generate: manyWrongTargets, loader: 'path', code: 'unknown-target', pointer: '/steps/stap-4999/transitions/0/to', line: 18 + 12 * 4999, column: 11, at: '"to": "doel-4999"', message: 'Step "stap-4999" has a transition to "doel-4999", which does not exist.' },
  { name: 'path (JSON): an error at the end of a 1.5 MB single line', file: 'long-line.json', generate: longLineOnce, loader: 'path', code: 'unknown-target', pointer: '/steps/laatste/transitions/0/to', line: 1, at: '"to":"nergens"' },
];
