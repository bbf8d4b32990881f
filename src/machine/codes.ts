import type { z } from 'zod';
import { createDiagnostic, ZorgpadenError, type DiagnosticParams, type DiagnosticTemplate } from '../diagnostics/index.js';
import { issuesToDiagnostics, typeWords } from '../model/schema-issues.js';
import { ClientShape } from '../model/shapes.js';

/** The diagnostics of compiling paths to machines and of restoring and migrating journeys. */
export const MACHINE_CODES = {
  pathInvalid: {
    code: 'machine-path-invalid',
    severity: 'error',
    message: { en: 'Path "{{path}}" cannot be compiled to a machine: it has {{count}} reference problem(s).', nl: 'Pad "{{path}}" kan niet naar een machine worden omgezet: het heeft {{count}} verwijzingsfout(en).' },
    hint: { en: 'Run `zorgpaden validate` on the path and fix the errors first.', nl: 'Draai `zorgpaden validate` op het pad en los eerst de fouten op.' },
  },
  clientInvalid: {
    code: 'client-invalid',
    severity: 'error',
    message: { en: 'The client is not valid: {{reason}}.', nl: 'De cliënt is niet geldig: {{reasonNl}}.' },
    hint: { en: 'A client is { risks: [...], protections: [...], attributes: { ... } }.', nl: 'Een cliënt is { risks: [...], protections: [...], attributes: { ... } }.' },
  },
  snapshotInvalid: {
    code: 'snapshot-invalid',
    severity: 'error',
    message: { en: 'The saved journey cannot be restored: {{reason}}.', nl: 'De opgeslagen route kan niet worden hersteld: {{reasonNl}}.' },
    hint: { en: 'Restore only what `journey.persist()` produced, unchanged.', nl: 'Herstel alleen wat `journey.persist()` opleverde, onveranderd.' },
  },
  snapshotPathMismatch: {
    code: 'snapshot-path-mismatch',
    severity: 'error',
    message: {
      en: 'The saved journey belongs to path "{{savedId}}" version {{savedVersion}}, not to "{{pathId}}" version {{pathVersion}}{{hashNote}}.',
      nl: 'De opgeslagen route hoort bij pad "{{savedId}}" versie {{savedVersion}}, niet bij "{{pathId}}" versie {{pathVersion}}{{hashNoteNl}}.',
    },
    hint: { en: 'Move it to this path with migrateJourney(snapshot, oldPath, newPath, mapping) first.', nl: 'Zet de route eerst over met migrateJourney(snapshot, oudPad, nieuwPad, mapping).' },
  },
  migrationStepMissing: {
    code: 'migration-step-missing',
    severity: 'error',
    message: {
      en: 'Step "{{step}}" of the saved journey does not exist in "{{pathId}}" version {{pathVersion}}, and the mapping does not say where it went.',
      nl: 'Stap "{{step}}" van de opgeslagen route bestaat niet in "{{pathId}}" versie {{pathVersion}}, en de mapping zegt niet waar hij heen is.',
    },
    hint: {
      en: 'Add it to mapping.steps: the step of the new version it became (or null for a step that was removed and is not the current one).',
      nl: 'Voeg hem toe aan mapping.steps: de stap van de nieuwe versie die hij werd (of null voor een verwijderde stap die niet de huidige is).',
    },
  },
  migrationCurrentRemoved: {
    code: 'migration-current-removed',
    severity: 'error',
    message: {
      en: 'The journey is now in step "{{step}}", which the mapping marks as removed; a journey cannot be left without a step.',
      nl: 'De route staat nu in stap "{{step}}", die de mapping als verwijderd aanmerkt; een route kan niet zonder stap.',
    },
    hint: { en: 'Map "{{step}}" to the step of the new version where the family continues.', nl: 'Koppel "{{step}}" aan de stap van de nieuwe versie waar het gezin verder gaat.' },
  },
  migrationTargetUnknown: {
    code: 'migration-target-unknown',
    severity: 'error',
    message: { en: 'The mapping sends "{{step}}" to "{{target}}", which is not a step of the new version.', nl: 'De mapping stuurt "{{step}}" naar "{{target}}", dat geen stap van de nieuwe versie is.' },
  },
  tooManyChildren: {
    code: 'too-many-children',
    severity: 'error',
    message: {
      en: 'A birth of {{born}} would bring the household to {{total}} children, but this journey follows at most {{max}} (maxChildren); the event was not sent.',
      nl: 'Een geboorte van {{bornNl}} zou het huishouden op {{total}} kinderen brengen, maar deze route volgt er hoogstens {{max}} (maxChildren); de gebeurtenis is niet verstuurd.',
    },
    hint: {
      en: 'Create the journey with { maxChildren: {{total}} } or more; a saved journey can be restored with a higher maxChildren.',
      nl: 'Maak de route met { maxChildren: {{total}} } of meer; een opgeslagen route kan met een hogere maxChildren worden hersteld.',
    },
  },
  journeyFinished: {
    code: 'journey-finished',
    severity: 'error',
    message: { en: 'The journey has finished in outcome "{{step}}"; event {{event}} cannot be sent to it.', nl: 'De route is afgelopen in uitkomst "{{step}}"; gebeurtenis {{event}} kan niet meer worden gestuurd.' },
    hint: { en: 'Check `journey.done` before sending, or start a new journey.', nl: 'Kijk eerst naar `journey.done`, of begin een nieuwe route.' },
  },
} as const satisfies Record<string, DiagnosticTemplate>;

/** Builds the ZorgpadenError for one machine-layer problem. */
export function machineError(template: DiagnosticTemplate, params: DiagnosticParams, pointer = ''): ZorgpadenError {
  const diagnostic = createDiagnostic(template, params, { pointer });
  return new ZorgpadenError(`Journey problem (${template.code}):`, [diagnostic]);
}

/** The `client-invalid` error for a client that fails the client's shape, saying what and where. */
export function clientError(client: unknown, issues: readonly z.core.$ZodIssue[]): ZorgpadenError {
  if (client === null || typeof client !== 'object' || Array.isArray(client)) {
    const actual = typeWords(client);
    return machineError(MACHINE_CODES.clientInvalid, { reason: `it is ${actual.en}, not an object`, reasonNl: `het is ${actual.nl}, geen object` });
  }
  const found = issuesToDiagnostics(issues, client, ClientShape);
  const strip = (text: string) => text.replace(/\.$/, '');
  const reason = found.map((d) => `${strip(d.message)} (at ${d.pointer})`).join('; ');
  const reasonNl = found.map((d) => `${strip(d.nl.message)} (bij ${d.pointer})`).join('; ');
  return machineError(MACHINE_CODES.clientInvalid, { reason, reasonNl });
}
