import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { safeParseHouseholdPathData, type HouseholdPath, type HouseholdPathInput } from '../../src/model/index.js';

/** The file of the household fixture: parent, social track by referral, a child track per child. */
// not `new URL(…)`: happy-dom replaces the global URL in DOM test files
export const GEZIN_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'household', 'gezin.json');

/** The household fixture as data (a fresh copy each time, to edit in a test). */
export function gezinInput(): HouseholdPathInput & Record<string, unknown> {
  return JSON.parse(readFileSync(GEZIN_FILE, 'utf8')) as HouseholdPathInput & Record<string, unknown>;
}

/** Parses household path data, failing loudly when it is not valid. */
export function parseHousehold(data: unknown): HouseholdPath {
  const result = safeParseHouseholdPathData(data);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics, null, 2));
  return result.value;
}
