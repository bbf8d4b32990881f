import { readFileSync } from 'node:fs';
import { createDiagnostic } from '../diagnostics/index.js';
import type { Result } from '../model/index.js';
import { VALIDATE_CODES } from '../validate/codes.js';
import { parseValidateConfig } from '../validate/config.js';
import type { ValidateConfig } from '../validate/options.js';

/**
 * Reads a validation config (`zorgpaden.config.json`); problems are diagnostics with file, line and column.
 * @example
 * const config = loadValidateConfig('zorgpaden.config.json');
 * if (config.ok) validatePath(path, { config: config.value });
 */
export function loadValidateConfig(file: string): Result<ValidateConfig> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, diagnostics: [createDiagnostic(VALIDATE_CODES.invalidConfig, { reason: `cannot read ${file} (${reason})`, reasonNl: `kan ${file} niet lezen (${reason})` }, { pointer: '', file })] };
  }
  return parseValidateConfig(text, file);
}

