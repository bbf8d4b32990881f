import * as z from 'zod';
import { describe, expect, it } from 'vitest';
// imported first, before anything in this file touches a schema
import * as front from '../../src/index.js';
import * as schemas from '../../src/schema.js';
import { lazyFields, lazySchema } from '../../src/model/lazy-schema.js';

const standIns = Object.entries(schemas).filter(([name]) => name.endsWith('Schema'));
// a stand-in that has become its schema carries zod's internals itself
const isBuilt = (value: unknown) => Object.hasOwn(value as object, '_zod');

describe('lazy schemas', () => {
  it('importing zorgpaden and zorgpaden/schema builds none of the schemas', () => {
    expect(Object.keys(front).length).toBeGreaterThan(50);
    expect(standIns.length).toBeGreaterThan(40);
    expect(standIns.filter(([, schema]) => isBuilt(schema)).map(([name]) => name)).toEqual([]);
  });

  it('parsing a path builds the schemas it needs, and the stand-ins become those schemas', () => {
    const path = front.parsePath(JSON.stringify({ schemaVersion: 1, id: 'demo', version: '1.0.0', title: { nl: 'Demo' }, actors: {}, initial: 'a', steps: { a: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'A' } } } }), { filename: 'demo.json' });
    expect(path.steps.a!.transitions).toEqual([]);
    expect(isBuilt(schemas.CarePathSchema)).toBe(true);
    expect(schemas.CarePathSchema).toBeInstanceOf(z.ZodObject);
    // one object wherever the schema is used: the step schema inside the path schema is the export
    expect(schemas.CarePathSchema.shape.steps.valueType).toBe(schemas.StepSchema);
  });

  it('builds on first use, once, and keeps the metadata zod’s JSON Schema reads', () => {
    let builds = 0;
    const Key = lazySchema((zod) => {
      builds++;
      return zod.string().min(1).meta({ description: 'a key' });
    });
    const Holder = lazySchema((zod) => zod.strictObject({ key: Key, keys: zod.array(Key).optional() }));
    expect(builds).toBe(0);
    expect(Holder.safeParse({ key: 'a', keys: ['b'] }).success).toBe(true);
    expect(Holder.safeParse({ key: '' }).success).toBe(false);
    expect(builds).toBe(1);
    expect(Key).toBeInstanceOf(z.ZodString);
    expect(z.toJSONSchema(Key)).toMatchObject({ type: 'string', description: 'a key' });
    expect(z.toJSONSchema(Holder)).toMatchObject({ properties: { key: { description: 'a key' }, keys: { items: { description: 'a key' } } } });
    // an app's own schema composes with a stand-in
    expect(z.object({ inner: Key.optional() }).safeParse({ inner: 'x' }).success).toBe(true);
  });

  it('a recursive schema refers to its own stand-in, and JSON Schema gives it one definition', () => {
    type Tree = { children?: Tree[] };
    const TreeSchema: z.ZodType<Tree> = lazySchema((zod) => zod.strictObject({ children: zod.array(zod.lazy(() => TreeSchema)).optional() }).meta({ id: 'Tree' }));
    expect(TreeSchema.safeParse({ children: [{ children: [{}] }] }).success).toBe(true);
    expect(TreeSchema.safeParse({ children: [{ leaf: 1 }] }).success).toBe(false);
    expect(z.toJSONSchema(z.object({ root: TreeSchema }))).toMatchObject({ $defs: { Tree: { type: 'object' } } });
  });

  it('a schema that uses itself while it is built is refused in words', () => {
    const Loop: z.ZodString = lazySchema(() => Loop.min(1));
    expect(() => Loop.parse('x')).toThrow('A schema was used while it was being built.');
  });

  it('an object of schemas is built when it is spread into a shape', () => {
    let builds = 0;
    const fields = lazyFields((zod) => {
      builds++;
      return { note: zod.string().optional() };
    });
    expect(builds).toBe(0);
    const schema = z.strictObject({ id: z.string(), ...fields });
    expect(builds).toBe(1);
    expect(schema.safeParse({ id: 'a', note: 'n' }).success).toBe(true);
    expect(schema.safeParse({ id: 'a', other: 1 }).success).toBe(false);
  });
});
