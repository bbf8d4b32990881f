import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createDiagnostic, LOAD_CODES, ZorgpadenError } from '../diagnostics/index.js';
import { PopulationSchema, safeParseData, type Population } from '../model/index.js';

/** Where this module lives: `import.meta.url` in ESM, `__filename` in the CommonJS build. */
export function moduleUrl(): URL {
  const meta = (import.meta as { url?: string } | undefined)?.url;
  if (meta) return new URL(meta);
  if (typeof __filename === 'string') return pathToFileURL(__filename);
  return pathToFileURL(process.cwd() + '/');
}

const CANDIDATES = ['../../paths/populations/default.json', '../paths/populations/default.json'];

let cached: Population | undefined;

/** The file of the shipped default population, from the source tree or the installed package. */
export function defaultPopulationFile(): string | undefined {
  for (const candidate of CANDIDATES) {
    const file = fileURLToPath(new URL(candidate, moduleUrl()));
    if (existsSync(file)) return file;
  }
  return undefined;
}

/** The shipped default population (paths/populations/default.json); throws when it is missing or invalid. */
export function defaultPopulation(): Population {
  if (cached) return cached;
  const file = defaultPopulationFile();
  if (!file) {
    throw new ZorgpadenError('The default population (paths/populations/default.json) was not found; pass `population` explicitly.', [
      createDiagnostic(LOAD_CODES.fileNotFound, { file: 'paths/populations/default.json', base: 'the zorgpaden package', baseNl: 'het zorgpaden-pakket' }, { pointer: '' }),
    ]);
  }
  const parsed = safeParseData(PopulationSchema, JSON.parse(readFileSync(file, 'utf8')) as unknown);
  if (!parsed.ok) throw new ZorgpadenError(`The default population in ${file} is not valid.`, parsed.diagnostics.map((d) => ({ ...d, file })));
  cached = parsed.value;
  return cached;
}
