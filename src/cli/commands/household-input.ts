import { dirname, isAbsolute, resolve } from 'node:path';
import { createDiagnostic, type Diagnostic } from '../../diagnostics/index.js';
import { SAFETY_CODES } from '../../load/codes.js';
import { HOUSEHOLD_SCHEMA_VERSION, type HouseholdPath, type Menukaart, type Result } from '../../model/index.js';
import { safeLoadHouseholdPath, safeLoadMenukaart } from '../../node/index.js';
import { rootFor, staysInsideAsync } from '../../node/root.js';
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

/**
 * The menukaart a household path names in its `menukaart` field, read inside the path's root as
 * `simulate` reads it; no menukaart when the path names none.
 */
export async function householdMenukaart(path: HouseholdPath, file: string, flags: RootFlags, context: CliContext): Promise<Result<Menukaart | undefined>> {
  if (path.menukaart === undefined) return { ok: true, value: undefined, diagnostics: [] };
  const absolute = isAbsolute(file) ? file : resolve(context.cwd, file);
  const named = resolve(dirname(absolute), path.menukaart);
  const root = rootFor(absolute, rootOptions(flags, file, context.cwd), context.cwd);
  if (root !== undefined && !(await staysInsideAsync(root, named))) {
    return { ok: false, diagnostics: [createDiagnostic(SAFETY_CODES.outsideRoot, { file: path.menukaart, root }, { pointer: '/menukaart', file })] };
  }
  return safeLoadMenukaart(named);
}
