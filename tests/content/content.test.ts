import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeLoadDocument, safeLoadHouseholdPath } from '../../src/node/index.js';
import {
  CarePathSchema,
  CoalitionSchema,
  MenukaartSchema,
  PopulationSchema,
  RouteSchema,
  safeParseCarePathData,
  safeParseData,
  SourcesFileSchema,
  TargetsSchema,
  type Menukaart,
} from '../../src/model/index.js';
import { HouseholdPathSchema } from '../../src/model/household.js';
import { contentFiles, filesOfKind, hasProvenance, PATHS_DIR, sourceKeys, walkObjects, type ContentFile } from './content-files.js';

// In the style of Synthea's ValidationTest: every check walks every file and fails once, listing
// every problem it found, so that one run shows all that is wrong with the content.

const SCHEMAS = {
  carepath: CarePathSchema,
  household: HouseholdPathSchema,
  menukaart: MenukaartSchema,
  population: PopulationSchema,
  coalition: CoalitionSchema,
  route: RouteSchema,
  sources: SourcesFileSchema,
  targets: TargetsSchema,
} as const;

const SCHEMA_FILES: Record<string, string> = {
  carepath: 'carepath.schema.json',
  household: 'household.schema.json',
  menukaart: 'menukaart.schema.json',
  population: 'population.schema.json',
  coalition: 'coalition.schema.json',
  route: 'route.schema.json',
  sources: 'sources.schema.json',
  targets: 'targets.schema.json',
};

const menukaart = filesOfKind('menukaart')[0]!.data as unknown as Menukaart;
const sources = filesOfKind('sources')[0]!.data as { sources: Record<string, unknown> };

function lines(problems: string[]): string {
  return problems.join('\n');
}

describe('the shipped content', () => {
  it('has one file of every kind it needs', () => {
    const kinds = contentFiles().map((f) => f.kind);
    for (const kind of Object.keys(SCHEMAS)) expect(kinds, `a ${kind} file`).toContain(kind);
    expect(filesOfKind('carepath').map((f) => f.file)).toEqual([
      'national/eerste-1000-dagen.json',
      'national/na-de-geboorte.json',
      'national/preconceptie.json',
      'national/zwangerschap.json',
    ]);
    expect(filesOfKind('route').length).toBeGreaterThanOrEqual(5);
    expect(filesOfKind('coalition').length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(menukaart.interventions).length).toBeGreaterThanOrEqual(10);
  });

  it('parses every file with the schema of its kind', () => {
    const problems: string[] = [];
    for (const f of contentFiles()) {
      const schema = SCHEMAS[f.kind as keyof typeof SCHEMAS];
      if (!schema) {
        problems.push(`${f.file}: unknown kind "${f.kind}"`);
        continue;
      }
      const parsed = f.kind === 'carepath' && !f.data.includes ? safeParseCarePathData(f.data, { interventions: menukaart.interventions }) : safeParseData(schema, f.data);
      for (const d of parsed.diagnostics) if (d.severity === 'error') problems.push(`${f.file}${d.pointer ?? ''}: ${d.code} ${d.message}`);
    }
    expect(problems, lines(problems)).toEqual([]);
  });

  it('loads every file with the load layer (includes, menukaart and references resolved)', async () => {
    const problems: string[] = [];
    for (const f of contentFiles()) {
      // a version 2 path has a loader of its own
      const loaded = f.kind === 'household' ? await safeLoadHouseholdPath(f.absolute) : await safeLoadDocument(f.absolute);
      for (const d of loaded.diagnostics) problems.push(`${f.file}:${d.line ?? '?'}:${d.column ?? '?'} ${d.severity} ${d.code} ${d.message}`);
      if (loaded.ok && 'kind' in loaded.value && f.kind !== 'household') expect(loaded.value.kind, f.file).toBe(f.kind);
    }
    expect(problems, lines(problems)).toEqual([]);
  });

  it('points every $schema at the existing schema of its kind', () => {
    const problems: string[] = [];
    for (const f of contentFiles()) {
      const ref = f.data.$schema;
      if (typeof ref !== 'string') {
        problems.push(`${f.file}: no $schema`);
        continue;
      }
      const target = resolve(dirname(f.absolute), ref);
      if (!existsSync(target)) problems.push(`${f.file}: $schema "${ref}" does not exist`);
      if (!target.endsWith(`/schema/${SCHEMA_FILES[f.kind]}`)) problems.push(`${f.file}: $schema "${ref}" is not the ${f.kind} schema`);
    }
    expect(problems, lines(problems)).toEqual([]);
  });

  it('gives every Dutch text an English one beside it', () => {
    const problems: string[] = [];
    for (const f of contentFiles()) {
      walkObjects(f.data, (node, pointer) => {
        if (!('nl' in node)) return;
        if (typeof node.nl !== 'string' || node.nl.trim() === '') problems.push(`${f.file}${pointer}: empty nl`);
        if (typeof node.en !== 'string' || node.en.trim() === '') problems.push(`${f.file}${pointer}: no en beside nl "${String(node.nl)}"`);
      });
    }
    expect(problems, lines(problems)).toEqual([]);
  });

  it('labels every step of every path in Dutch and English', () => {
    const problems: string[] = [];
    for (const f of [...filesOfKind('carepath'), ...filesOfKind('household'), ...filesOfKind('coalition')]) {
      const steps = (f.data.steps ?? {}) as Record<string, { label?: { nl?: string; en?: string } }>;
      for (const [id, step] of Object.entries(steps)) {
        if (!step.label?.nl || !step.label.en) problems.push(`${f.file}: step "${id}" lacks an nl or en label`);
      }
    }
    expect(problems, lines(problems)).toEqual([]);
  });

  it('resolves every source key in sources.json, and sources.json lists only sources in use', () => {
    const problems: string[] = [];
    const used = new Set<string>();
    for (const f of contentFiles()) {
      walkObjects(f.data, (node, pointer) => {
        for (const key of sourceKeys(node.source)) {
          used.add(key);
          if (!Object.hasOwn(sources.sources, key)) problems.push(`${f.file}${pointer}/source: "${key}" is not in sources.json`);
        }
      });
    }
    for (const key of Object.keys(sources.sources)) if (!used.has(key) && !key.startsWith('seed-')) problems.push(`sources.json: "${key}" is not used`);
    expect(problems, lines(problems)).toEqual([]);
  });

  it('lists every seed document and gives each public source a URL', () => {
    const entries = sources.sources as Record<string, { url?: string; file?: string }>;
    const seeds = Object.keys(entries).filter((k) => k.startsWith('seed-'));
    expect(seeds).toEqual(['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004']);
    for (const key of seeds) expect(entries[key]!.file, key).toMatch(/^seeds\/00\d_[0-9a-f]{16}\.txt$/);
    const withoutUrl = Object.entries(entries).filter(([k, e]) => !k.startsWith('seed-') && !e.url?.startsWith('http'));
    expect(withoutUrl.map(([k]) => k)).toEqual([]);
  });

  it('names a menukaart entry in every intervention step', () => {
    const problems: string[] = [];
    const check = (f: ContentFile, id: string, step: { kind?: string; intervention?: string }) => {
      if (step.kind !== 'intervention') return;
      if (!step.intervention) problems.push(`${f.file}: intervention step "${id}" names no menukaart entry`);
      else if (!Object.hasOwn(menukaart.interventions, step.intervention)) problems.push(`${f.file}: step "${id}" names "${step.intervention}", which is not on the menukaart`);
    };
    for (const f of [...filesOfKind('carepath'), ...filesOfKind('household'), ...filesOfKind('coalition')]) {
      for (const [id, step] of Object.entries((f.data.steps ?? {}) as Record<string, { kind?: string; intervention?: string }>)) check(f, id, step);
    }
    for (const f of [...filesOfKind('carepath'), ...filesOfKind('household')]) {
      if (f.data.menukaart !== '../menukaart/menukaart.json') problems.push(`${f.file}: does not name the shipped menukaart`);
    }
    expect(problems, lines(problems)).toEqual([]);
  });

  it('gives every transition weight a source or an assumption', () => {
    const problems: string[] = [];
    for (const f of [...filesOfKind('carepath'), ...filesOfKind('household'), ...filesOfKind('coalition')]) {
      walkObjects(f.data, (node, pointer) => {
        if (typeof node.to === 'string' && node.weight !== undefined && !hasProvenance(node)) problems.push(`${f.file}${pointer}: weight ${String(node.weight)} to "${node.to}" has no source or assumption`);
      });
    }
    expect(problems, lines(problems)).toEqual([]);
  });

  it('gives every prevalence and attribute distribution a source or an assumption', () => {
    const problems: string[] = [];
    for (const f of filesOfKind('population')) {
      walkObjects(f.data, (node, pointer) => {
        const isNumber = (v: unknown) => typeof v === 'number';
        const carriesFigure = isNumber(node.prevalence) || isNumber(node.p) || node.values !== undefined || node.bins !== undefined;
        if (carriesFigure && !hasProvenance(node)) problems.push(`${f.file}${pointer}: figure without a source or assumption`);
      });
    }
    expect(problems, lines(problems)).toEqual([]);
  });

  it('marks every step with a source or an assumption', () => {
    const problems: string[] = [];
    for (const f of [...filesOfKind('carepath'), ...filesOfKind('household'), ...filesOfKind('coalition')]) {
      for (const [id, step] of Object.entries((f.data.steps ?? {}) as Record<string, Record<string, unknown>>)) {
        if (!hasProvenance(step)) problems.push(`${f.file}: step "${id}" has no source or assumption`);
      }
    }
    for (const [id, entry] of Object.entries(menukaart.interventions)) {
      if (!hasProvenance(entry as unknown as Record<string, unknown>)) problems.push(`menukaart: "${id}" has no source or assumption`);
    }
    expect(problems, lines(problems)).toEqual([]);
  });

  it('keeps the actors, risks and protections that the phase paths share identical (includes merge them)', () => {
    const problems: string[] = [];
    const seen = new Map<string, { file: string; json: string }>();
    for (const f of filesOfKind('carepath')) {
      for (const field of ['actors', 'risks', 'protections'] as const) {
        for (const [key, value] of Object.entries((f.data[field] ?? {}) as Record<string, unknown>)) {
          const json = JSON.stringify(value);
          const before = seen.get(`${field}.${key}`);
          if (before && before.json !== json) problems.push(`${field}.${key} differs between ${before.file} and ${f.file}`);
          else seen.set(`${field}.${key}`, { file: f.file, json });
        }
      }
    }
    expect(problems, lines(problems)).toEqual([]);
  });

  it('lives in the directory the README describes', () => {
    expect(PATHS_DIR.endsWith('/paths/')).toBe(true);
    expect(existsSync(resolve(PATHS_DIR, 'README.md'))).toBe(true);
  });
});
