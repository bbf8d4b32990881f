import { isAbsolute, resolve } from 'node:path';
import type { Diagnostic } from '../../diagnostics/index.js';
import { HOUSEHOLD_SCHEMA_VERSION, type HouseholdPath, type Result } from '../../model/index.js';
import { safeLoadHouseholdPath } from '../../node/index.js';
import type { CliContext } from '../context.js';
import { CliError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { rootOptions, type RootFlags } from './flags.js';

/** True when loading as a version 1 document failed only because the file is a household path (format version 2). */
export function isHouseholdFile(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.code === 'unsupported-schema-version' && d.pointer === '/schemaVersion' && d.params.actual === String(HOUSEHOLD_SCHEMA_VERSION));
}

/**
 * Refuses the first given flag of `flags` (name as typed, and whether it was given) that a command
 * does not take for a household path, with a usage error that says what to do instead.
 */
export function refuseHouseholdFlags(command: string, flags: readonly (readonly [string, boolean])[]): void {
  const given = flags.find(([, present]) => present);
  if (!given) return;
  throw new CliError(
    `${command} ${given[0]} is not available for a household path (format version 2) yet; leave it out.`,
    EXIT.usage,
    `${command} ${given[0]} kan nog niet bij een huishoudpad (formaatversie 2); laat het weg.`,
  );
}

/** Loads a household path file as the commands do: relative to the working folder, inside its root. */
export function loadHouseholdFile(file: string, flags: RootFlags, context: CliContext): Promise<Result<HouseholdPath>> {
  const absolute = isAbsolute(file) ? file : resolve(context.cwd, file);
  return safeLoadHouseholdPath(absolute, rootOptions(flags, file, context.cwd));
}
