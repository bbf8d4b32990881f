import { createDiagnostic } from '../diagnostics/index.js';
import { LIMITS, type Result } from '../model/index.js';
import { VALIDATE_CODES } from '../validate/codes.js';
import { parseValidateConfig } from '../validate/config.js';
import type { ValidateConfig } from '../validate/options.js';
import { readBoundedSync } from './bounded-read.js';

/**
 * Reads a validation config (`zorgpaden.config.json`) without throwing: problems are diagnostics
 * with file, line and column, like every other `safe…` reader.
 * @example
 * const config = safeLoadValidateConfig('zorgpaden.config.json');
 * if (config.ok) validatePath(path, { config: config.value });
 */
export function safeLoadValidateConfig(file: string): Result<ValidateConfig> {
  // a config is small: read at most the file limit, and only from a regular file (not /dev/zero, not a FIFO)
  const reply = readBoundedSync(file, LIMITS.maxFileBytes);
  if (!reply.ok) {
    const [reason, reasonNl] =
      reply.problem === 'not-found'
        ? ['it does not exist', 'het bestaat niet']
        : reply.problem === 'too-large'
          ? [`it is more than ${LIMITS.maxFileBytes} bytes`, `het is meer dan ${LIMITS.maxFileBytes} bytes`]
          : [reply.reason, reply.reasonNl];
    return { ok: false, diagnostics: [createDiagnostic(VALIDATE_CODES.invalidConfig, { reason: `cannot read ${file} (${reason})`, reasonNl: `kan ${file} niet lezen (${reasonNl})` }, { pointer: '', file })] };
  }
  return parseValidateConfig(reply.text, file);
}

/**
 * The former name of {@link safeLoadValidateConfig}, which it is: it returns a Result and never
 * throws. Kept so that code written for 0.1 keeps working.
 * @deprecated Use `safeLoadValidateConfig`; this alias goes in 1.0.
 * @example
 * const config = loadValidateConfig('zorgpaden.config.json'); // as safeLoadValidateConfig
 */
export const loadValidateConfig: (file: string) => Result<ValidateConfig> = safeLoadValidateConfig;
