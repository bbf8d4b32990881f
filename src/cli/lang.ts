import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { Lang } from '../diagnostics/index.js';
import { CliError } from './errors.js';
import { EXIT } from './exit-codes.js';

/** The language of every command unless `--lang`, `ZORGPADEN_LANG` or the config file says otherwise. */
export const DEFAULT_LANG: Lang = 'nl';

/** The environment variable that sets the language of every command. */
export const LANG_VARIABLE = 'ZORGPADEN_LANG';
/** The config file, in the working folder, that may set `"lang"`. */
export const CONFIG_FILE = 'zorgpaden.config.json';

function checked(value: unknown, where: string): Lang {
  if (value === 'nl' || value === 'en') return value;
  throw new CliError(
    `${where} must be "nl" or "en", not ${JSON.stringify(value)}.`,
    EXIT.usage,
    `${where} moet "nl" of "en" zijn, niet ${JSON.stringify(value)}.`,
  );
}

/**
 * The language set for every command: `ZORGPADEN_LANG`, else `"lang"` in `zorgpaden.config.json`
 * in the working folder; undefined when neither is set (every command then speaks `DEFAULT_LANG`).
 * A command's `--lang` wins over both.
 */
export function configuredLang(cwd: string, env: NodeJS.ProcessEnv = process.env): Lang | undefined {
  const fromEnv = env[LANG_VARIABLE];
  if (fromEnv !== undefined && fromEnv !== '') return checked(fromEnv, LANG_VARIABLE);
  let text: string;
  try {
    text = readFileSync(join(cwd, CONFIG_FILE), 'utf8');
  } catch {
    return undefined;
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${CONFIG_FILE} is not valid JSON: ${(error as Error).message}`, EXIT.usage, `${CONFIG_FILE} is geen geldige JSON: ${(error as Error).message}`);
  }
  const lang = typeof config === 'object' && config !== null ? (config as Record<string, unknown>)['lang'] : undefined;
  return lang === undefined ? undefined : checked(lang, `"lang" in ${CONFIG_FILE}`);
}

/** Gives every command's `--lang` the configured language as its default. */
export function applyConfiguredLang(program: Command, lang: Lang | undefined): void {
  if (lang === undefined) return;
  for (const command of program.commands) {
    const option = command.options.find((o) => o.long === '--lang');
    if (!option) continue;
    // the help shows the default that applies
    option.default(lang);
    command.setOptionValueWithSource('lang', lang, 'default');
  }
}
