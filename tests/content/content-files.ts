import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { safeLoadCoalitionPath, safeLoadMenukaart, safeLoadPath } from '../../src/node/index.js';
import type { CarePath, Menukaart } from '../../src/model/index.js';

/** The content directory at the repository root. */
export const PATHS_DIR = fileURLToPath(new URL('../../paths/', import.meta.url));

/** One content file: where it is, its raw JSON, and its kind (`carepath` when it names none; `household` for a care path in format version 2). */
export interface ContentFile {
  /** Relative to paths/, with forward slashes. */
  file: string;
  absolute: string;
  data: Record<string, unknown>;
  kind: string;
}

function listJson(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return listJson(full);
    return entry.name.endsWith('.json') ? [full] : [];
  });
}

let cache: ContentFile[] | undefined;

/** Every JSON file under paths/, parsed, in a stable order. */
export function contentFiles(): ContentFile[] {
  cache ??= listJson(PATHS_DIR)
    .sort()
    .map((absolute) => {
      const data = JSON.parse(readFileSync(absolute, 'utf8')) as Record<string, unknown>;
      const named = typeof data.kind === 'string' ? data.kind : 'carepath';
      // a version 2 care path is read by the household loader, not by the version 1 checks
      const kind = named === 'carepath' && data.schemaVersion === 2 ? 'household' : named;
      return { file: relative(PATHS_DIR, absolute).split('\\').join('/'), absolute, data, kind };
    });
  return cache;
}

/** The content files of one kind. */
export function filesOfKind(kind: string): ContentFile[] {
  return contentFiles().filter((f) => f.kind === kind);
}

/** Calls `visit` for every object in a JSON value, with its JSON pointer. */
export function walkObjects(value: unknown, visit: (node: Record<string, unknown>, pointer: string) => void, pointer = ''): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => walkObjects(item, visit, `${pointer}/${i}`));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const node = value as Record<string, unknown>;
  visit(node, pointer);
  for (const [key, child] of Object.entries(node)) walkObjects(child, visit, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
}

/** The source keys a `source` field names (a string or a list). */
export function sourceKeys(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** True when a content object says where its fact comes from, or marks it as an assumption. */
export function hasProvenance(node: Record<string, unknown>): boolean {
  return sourceKeys(node.source).length > 0 || (typeof node.assumption === 'string' && node.assumption.trim().length > 0);
}

const loaded = new Map<string, Promise<CarePath>>();

async function orFail<T>(result: Promise<{ ok: boolean; value?: T; diagnostics: { code: string; message: string; pointer?: string }[] }>, what: string): Promise<T> {
  const r = await result;
  if (!r.ok || r.value === undefined) throw new Error(`${what} does not load:\n${r.diagnostics.map((d) => `  ${d.code} ${d.pointer ?? ''} ${d.message}`).join('\n')}`);
  return r.value;
}

/** A care path under paths/ with its includes resolved (loaded once per test file). */
export function loadContentPath(file: string): Promise<CarePath> {
  let path = loaded.get(file);
  if (!path) {
    path = orFail(safeLoadPath(join(PATHS_DIR, file)), file);
    loaded.set(file, path);
  }
  return path;
}

/** The path a coalition file adapts, with the coalition applied. */
export function loadCoalitionContentPath(file: string): Promise<CarePath> {
  return orFail(safeLoadCoalitionPath(join(PATHS_DIR, file)), file);
}

/** The shipped menukaart. */
export function loadContentMenukaart(): Promise<Menukaart> {
  return orFail(safeLoadMenukaart(join(PATHS_DIR, 'menukaart/menukaart.json')), 'menukaart/menukaart.json');
}
