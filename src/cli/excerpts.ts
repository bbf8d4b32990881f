import { isAbsolute, resolve } from 'node:path';
import { readBoundedSync } from '../node/bounded-read.js';
import { hasDocumentExtension } from '../load/root.js';
import { LIMITS } from '../model/index.js';

// a document of ours says so; the excerpt of anything else could be a secret
const CLAIMS_TO_BE_OURS = /(^|[\s{,"'])schemaVersion["']?\s*:/;

/**
 * The text of a file for the excerpt under a diagnostic: only JSON and YAML files (by extension), and
 * of those only the files the user named on the command line and documents of ours (that declare a
 * "schemaVersion"): `check /proc/self/environ` shows no line of the environment. Every file is read
 * once, with the size limit, and only when it is a regular file.
 */
export function excerptReader(cwd: string, named: readonly string[]): (file: string | undefined) => string | undefined {
  const absolute = (file: string) => (isAbsolute(file) ? file : resolve(cwd, file));
  const given = new Set(named.map(absolute));
  const texts = new Map<string, string | undefined>();
  return (file) => {
    if (file === undefined) return undefined;
    if (!texts.has(file)) {
      const at = absolute(file);
      let text: string | undefined;
      if (hasDocumentExtension(at)) {
        const reply = readBoundedSync(at, LIMITS.maxFileBytes);
        if (reply.ok && (given.has(at) || CLAIMS_TO_BE_OURS.test(reply.text))) text = reply.text;
      }
      texts.set(file, text);
    }
    return texts.get(file);
  };
}
