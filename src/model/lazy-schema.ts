import type * as z from 'zod';
import { zod, type ZodBuilders } from './zod-module.js';

/*
 * Schemas built on first use. Building the document schemas (and, in Node, loading zod itself)
 * took most of the time `import('zorgpaden')` cost, yet many apps parse a document late or never
 * (a journey checks its client without zod). So each schema module exports stand-ins: objects with
 * the schema's type that become the schema the first time anything looks at them.
 *
 * A stand-in is an empty object whose prototype is a trap. The first property lookup that reaches
 * the trap (a method call, `_zod`, `instanceof`, `in`) builds the schema and then initialises the
 * stand-in itself with the built schema's definition, through the schema's own constructor: from
 * then on the stand-in IS that zod schema, with its own prototype and internals, so zod sees one
 * object wherever the schema is used (in parsing, `.extend`, `z.toJSONSchema` and its registry).
 */

type Internals = { constr: { call(self: object, def: unknown): unknown }; def: unknown; parent?: z.core.$ZodType };

/** `build(z)` on first use; until then a stand-in with its type that builds it when touched. */
// without side effects until touched: a bundler may drop the stand-ins an app never uses
/* @__NO_SIDE_EFFECTS__ */
export function lazySchema<T extends object>(build: (zodModule: ZodBuilders) => T): T {
  let building = false;
  const standIn = Object.create(
    new Proxy(Object.create(null) as object, {
      get: (_, key, receiver) => Reflect.get(become(), key, receiver),
      has: (_, key) => Reflect.has(become(), key),
      set: (_, key, value, receiver) => Reflect.set(become(), key, value, receiver),
    }),
  ) as T;
  function become(): T {
    if (building) throw new Error('A schema was used while it was being built.');
    building = true;
    try {
      const module = zod();
      const built = build(module) as unknown as z.core.$ZodType;
      const internals = built._zod as unknown as Internals;
      Object.setPrototypeOf(standIn, Object.getPrototypeOf(built));
      // zod's constructor, run on the stand-in: it installs the schema's internals there
      internals.constr.call(standIn, internals.def);
      const own = (standIn as unknown as { _zod: Internals })._zod;
      if (internals.parent) own.parent = internals.parent;
      const meta = module.globalRegistry.get(built);
      if (meta) module.globalRegistry.add(standIn as unknown as z.core.$ZodType, meta);
    } finally {
      building = false;
    }
    return standIn;
  }
  return standIn;
}

/** An object of schemas (to spread into a shape), built by `build(z)` on first use. */
/* @__NO_SIDE_EFFECTS__ */
export function lazyFields<T extends object>(build: (zodModule: ZodBuilders) => T): T {
  let built: T | undefined;
  const real = (): T => (built ??= build(zod()));
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(real(), key),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    // reported configurable: the proxy's own (empty) target must not contradict the descriptor
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
  });
}
