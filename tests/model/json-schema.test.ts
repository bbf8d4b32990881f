import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_SCHEMAS, renderJsonSchemas } from '../../src/model/json-schema.js';
import { ActorSchema, CarePathSchema, StepSchema, TransitionSchema } from '../../src/model/index.js';

const rendered = renderJsonSchemas();
const schemaDir = new URL('../../schema/', import.meta.url);

type JsonSchema = { type?: string; properties?: Record<string, JsonSchema>; required?: string[]; additionalProperties?: boolean | JsonSchema; items?: JsonSchema; $ref?: string; $defs?: Record<string, JsonSchema>; anyOf?: JsonSchema[] };

describe('the committed JSON Schemas', () => {
  for (const file of Object.keys(DOCUMENT_SCHEMAS)) {
    it(`schema/${file} is up to date (if not: npx tsx scripts/generate-schema.ts)`, () => {
      const committed = readFileSync(new URL(file, schemaDir), 'utf8');
      expect(committed, `schema/${file} is stale; run: npx tsx scripts/generate-schema.ts`).toBe(rendered[file]);
    });
  }
});

describe('the care-path JSON Schema', () => {
  const schema = JSON.parse(rendered['carepath.schema.json']!) as JsonSchema;
  const step = schema.properties!.steps!.additionalProperties as JsonSchema;
  const transition = step.properties!.transitions!.items!;

  it('is draft 2020-12, closed, and requires the fields every path needs', () => {
    expect((schema as { $schema?: string }).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['schemaVersion', 'id', 'version', 'title', 'initial', 'steps']);
  });

  it('closes steps, transitions and actors, so an editor flags a misspelt field', () => {
    expect(step.additionalProperties).toBe(false);
    expect(step.required).toEqual(['kind', 'phase', 'label']);
    expect(transition.additionalProperties).toBe(false);
    expect(transition.required).toEqual(['to']);
    const actor = schema.properties!.actors!.additionalProperties as JsonSchema;
    expect(actor.additionalProperties).toBe(false);
    expect(actor.required).toEqual(['label', 'domain']);
  });

  it('names exactly the fields of the zod schemas (the file format contract)', () => {
    expect(Object.keys(schema.properties!)).toEqual(Object.keys(CarePathSchema.shape));
    expect(Object.keys(step.properties!)).toEqual(Object.keys(StepSchema.shape));
    expect(Object.keys(transition.properties!)).toEqual(Object.keys(TransitionSchema.shape));
    expect(Object.keys((schema.properties!.actors!.additionalProperties as JsonSchema).properties!)).toEqual(Object.keys(ActorSchema.shape));
  });

  it('defines conditions once, recursively, and closed', () => {
    const condition = schema.$defs!.Condition!;
    expect(condition.additionalProperties).toBe(false);
    expect(condition.properties!.not!.$ref).toBe('#/$defs/Condition');
    expect(condition.properties!.all!.items!.$ref).toBe('#/$defs/Condition');
    expect(transition.properties!.when!.$ref).toBe('#/$defs/Condition');
  });
});
