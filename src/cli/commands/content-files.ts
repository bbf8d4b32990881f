import { readdirSync, statSync } from 'node:fs';
import { readBoundedSync } from '../../node/bounded-read.js';
import { basename, extname, isAbsolute, join, resolve } from 'node:path';
import type { Lang } from '../../diagnostics/index.js';
import { LIMITS } from '../../model/index.js';
import { CliError, type CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';

const CONTENT_EXTENSIONS = new Set(['.json', '.yaml', '.yml']);
/** Most files one folder argument expands to. */
const MAX_FILES = 10_000;

/**
 * The files to read: a file stays as given, a folder becomes its JSON and YAML files, sorted, with
 * its subfolders (not hidden ones, not `node_modules`).
 */
export function expandFolders(files: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (const file of files) {
    const at = isAbsolute(file) ? file : resolve(cwd, file);
    if (!isFolder(at)) {
      out.push(file);
      continue;
    }
    const found = filesIn(file, at);
    if (found.length === 0) {
      throw new CliError(`"${file}" is a folder without JSON or YAML files; give a folder with content files, or the files themselves.`, EXIT.usage, `"${file}" is een map zonder JSON- of YAML-bestanden; geef een map met inhoudsbestanden, of de bestanden zelf.`);
    }
    out.push(...found);
  }
  return out;
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function filesIn(shown: string, folder: string): string[] {
  const found: string[] = [];
  const walk = (shownDir: string, dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (found.length >= MAX_FILES || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      if (entry.isDirectory()) walk(join(shownDir, entry.name), join(dir, entry.name));
      else if (entry.isFile() && CONTENT_EXTENSIONS.has(extname(entry.name).toLowerCase())) found.push(join(shownDir, entry.name));
    }
  };
  walk(shown, folder);
  return found;
}

type Words = { en: string; nl: string };

const TOOL_FILES: Record<string, Words> = {
  'package.json': { en: 'an npm package manifest', nl: 'een npm-pakketbestand' },
  'package-lock.json': { en: 'an npm lock file', nl: 'een npm-lockbestand' },
  'tsconfig.json': { en: 'a TypeScript config', nl: 'een TypeScript-instelling' },
};

/**
 * What a JSON file is when it is recognisably not zorgpaden content (no `schemaVersion`): a simulation
 * result, a validate config, a SARIF report, a JSON Schema or a tool's file; undefined otherwise,
 * also for anything that might be content with a mistake in it.
 */
export function nonContentKind(file: string): Words | undefined {
  if (Object.hasOwn(TOOL_FILES, basename(file))) return TOOL_FILES[basename(file)];
  if (extname(file).toLowerCase() !== '.json') return undefined;
  // read with the limit and only from a regular file: a FIFO or a device is left to the loader to refuse
  const reply = readBoundedSync(file, LIMITS.maxFileBytes);
  if (!reply.ok) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(reply.text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const record = data as Record<string, unknown>;
  if ('schemaVersion' in record || 'steps' in record || 'kind' in record) return undefined;
  const meta = record['meta'] as Record<string, unknown> | undefined;
  if (typeof record['cohort'] === 'number' && typeof meta?.['pathId'] === 'string' && 'visits' in record) {
    return { en: 'a simulation result (zorgpaden simulate -o)', nl: 'een simulatieresultaat (zorgpaden simulate -o)' };
  }
  const keys = Object.keys(record);
  if (keys.length > 0 && keys.every((k) => k === 'rules' || k === '$schema')) return { en: 'a validate config', nl: 'een validate-instelling' };
  if (typeof record['$schema'] === 'string' && /sarif/i.test(record['$schema']) && Array.isArray(record['runs'])) return { en: 'a SARIF report', nl: 'een SARIF-rapport' };
  if (typeof record['$schema'] === 'string' && /json-schema\.org/.test(record['$schema'])) return { en: 'a JSON Schema', nl: 'een JSON Schema' };
  return undefined;
}

/**
 * Splits the files into content to read and files skipped, printing one line on stderr for each
 * skipped file; returns the files to read.
 */
export function skipNonContent(files: readonly string[], lang: Lang, context: CliContext): string[] {
  const kept: string[] = [];
  for (const file of files) {
    const kind = nonContentKind(isAbsolute(file) ? file : resolve(context.cwd, file));
    if (kind === undefined) kept.push(file);
    else context.stderr(lang === 'nl' ? `overgeslagen: ${file} is ${kind.nl}, geen inhoudsbestand.\n` : `skipped: ${file} is ${kind.en}, not a content file.\n`);
  }
  return kept;
}
