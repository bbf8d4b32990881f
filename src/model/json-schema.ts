import * as z from 'zod';
import { CarePathSchema } from './care-path.js';
import { CoalitionSchema } from './coalition.js';
import { HouseholdPathSchema } from './household.js';
import { MenukaartSchema } from './intervention.js';
import { PopulationSchema } from './population.js';
import { RouteSchema, SourcesFileSchema } from './route.js';
import { OverlaySchema, TargetsSchema } from './targets.js';

/** The schema files the package ships, by file name, each for one kind of content file. */
export const DOCUMENT_SCHEMAS = {
  'carepath.schema.json': CarePathSchema,
  'coalition.schema.json': CoalitionSchema,
  'household.schema.json': HouseholdPathSchema,
  'menukaart.schema.json': MenukaartSchema,
  'population.schema.json': PopulationSchema,
  'route.schema.json': RouteSchema,
  'sources.schema.json': SourcesFileSchema,
  'targets.schema.json': TargetsSchema,
  'overlay.schema.json': OverlaySchema,
} as const;

/** Renders each document schema as JSON Schema (draft 2020-12) text, ready to write to `schema/`. */
export function renderJsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, schema] of Object.entries(DOCUMENT_SCHEMAS)) {
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
    out[file] = JSON.stringify(json, null, 2) + '\n';
  }
  return out;
}
