import { ARGUMENT_CODES } from '../diagnostics/arguments.js';
import { isZorgpadenError } from '../diagnostics/errors.js';
import type { CarePath, ClientInput, Result } from '../model/index.js';
import { toMachine, type JourneyMachine, type MachineOptions } from './compile.js';
import { createJourney, type Journey, type JourneyOptions } from './journey.js';
import { migrateJourney, type JourneyMapping } from './migrate.js';
import type { PersistedJourney } from './snapshot.js';

// content problems (an invalid path, a damaged or foreign snapshot) become diagnostics; misuse
// (a wrong argument) still throws, as it does in every `safe…` function
function safely<T>(run: () => T): Result<T> {
  try {
    const value = run();
    return { ok: true, value, diagnostics: [] };
  } catch (error) {
    if (isZorgpadenError(error) && error.code !== ARGUMENT_CODES.invalidArgument.code && error.diagnostics.length > 0) return { ok: false, diagnostics: error.diagnostics };
    throw error;
  }
}

/**
 * Compiles a path like `toMachine`, but returns the diagnostics of a path whose references are
 * broken instead of throwing.
 * @example
 * const compiled = safeToMachine(path);
 * if (!compiled.ok) console.log(compiled.diagnostics.map((d) => d.code));
 */
export function safeToMachine<P extends CarePath>(path: P, options: MachineOptions = {}): Result<JourneyMachine<P>> {
  return safely(() => toMachine(path, options));
}

/**
 * Starts or restores a journey like `createJourney`, but returns diagnostics for an invalid client
 * or a damaged, foreign or outdated snapshot instead of throwing.
 * @example
 * const restored = safeCreateJourney(path, undefined, { snapshot: JSON.parse(saved) });
 * if (!restored.ok && restored.diagnostics[0]?.code === 'snapshot-path-mismatch') console.log('migrate it first');
 */
export function safeCreateJourney<P extends CarePath>(path: P, client: ClientInput | undefined, options: JourneyOptions<P> = {}): Result<Journey<P>> {
  return safely(() => createJourney(path, client, options));
}

/**
 * Moves a saved journey to a new version of its path like `migrateJourney`, but returns
 * diagnostics instead of throwing when the snapshot or the mapping does not fit.
 * @example
 * const moved = safeMigrateJourney(saved, oldPath, newPath, { steps: { intake: 'eerste-contact' } });
 */
export function safeMigrateJourney(snapshot: unknown, from: CarePath, to: CarePath, mapping: JourneyMapping = {}): Result<PersistedJourney> {
  return safely(() => migrateJourney(snapshot, from, to, mapping));
}
