import { createDiagnostic } from '../diagnostics/index.js';
import { LIMITS, type Result } from '../model/index.js';
import { VALIDATE_CODES } from '../validate/codes.js';
import { parseValidateConfig } from '../validate/config.js';
import type { ValidateConfig } from '../validate/options.js';
import { readBoundedSync } from './bounded-read.js';

/**
 * Reads a validation config (`zorgpaden.config.json`); problems are diagnostics with file, line and column.
 * @example
 * const config = loadValidateConfig('zorgpaden.config.json');
 * if (config.ok) validatePath(path, { config: config.value });
 */
export function loadValidateConfig(file: string): Result<ValidateConfig> {
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
