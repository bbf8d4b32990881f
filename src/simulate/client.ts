import type { AttributeValue, CarePath, Client, Condition, Menukaart, Population } from '../model/index.js';

/**
 * The keys a simulation knows, each with a fixed index: risks, protections and attributes. Clients
 * are stored against it as flags and a value array, so conditions become index look-ups.
 */
export interface ClientSpace {
  risks: string[];
  protections: string[];
  attributes: string[];
  riskIndex: Map<string, number>;
  protectionIndex: Map<string, number>;
  attributeIndex: Map<string, number>;
}

/** A client in compiled form: one flag per risk and protection, one slot per attribute. */
export interface CompiledClient {
  risks: Uint8Array;
  protections: Uint8Array;
  attrs: (AttributeValue | undefined)[];
  /** One flag per risk once it is signalled (households of format version 2); absent: nothing signalled. */
  signalled?: Uint8Array;
}

function visitCondition(condition: Condition | undefined, space: ClientSpace): void {
  if (!condition) return;
  if (condition.hasRisk !== undefined) addKey(space.risks, space.riskIndex, condition.hasRisk);
  if (condition.signalled !== undefined) addKey(space.risks, space.riskIndex, condition.signalled);
  if (condition.hasProtection !== undefined) addKey(space.protections, space.protectionIndex, condition.hasProtection);
  if (condition.attr !== undefined) addKey(space.attributes, space.attributeIndex, condition.attr);
  for (const c of condition.all ?? []) visitCondition(c, space);
  for (const c of condition.any ?? []) visitCondition(c, space);
  visitCondition(condition.not, space);
}

/** Adds the keys a condition mentions to a space (appended: existing indices stay). */
export function addConditionKeys(space: ClientSpace, condition: Condition | undefined): void {
  visitCondition(condition, space);
}

/** Adds a risk key to a space (appended: existing indices stay). */
export function addRiskKey(space: ClientSpace, key: string): void {
  addKey(space.risks, space.riskIndex, key);
}

function addKey(list: string[], index: Map<string, number>, key: string): void {
  if (!index.has(key)) {
    index.set(key, list.length);
    list.push(key);
  }
}

/** Rebuilds the index maps of a space from its key lists. */
export function spaceOf(lists: Pick<ClientSpace, 'risks' | 'protections' | 'attributes'>): ClientSpace {
  const index = (keys: string[]) => new Map(keys.map((k, i) => [k, i]));
  return { ...lists, riskIndex: index(lists.risks), protectionIndex: index(lists.protections), attributeIndex: index(lists.attributes) };
}

/** Collects every key the population, the path and the menukaart mention, in a stable order. */
export function buildSpace(parts: { population?: Population; path?: CarePath; menukaart?: Menukaart }): ClientSpace {
  const space: ClientSpace = { risks: [], protections: [], attributes: [], riskIndex: new Map(), protectionIndex: new Map(), attributeIndex: new Map() };
  const { population, path, menukaart } = parts;
  if (population) {
    for (const [name, model] of Object.entries(population.attributes)) {
      addKey(space.attributes, space.attributeIndex, name);
      for (const g of model.given ?? []) visitCondition(g.when, space);
    }
    for (const key of Object.keys(population.risks)) addKey(space.risks, space.riskIndex, key);
    for (const key of Object.keys(population.protections)) addKey(space.protections, space.protectionIndex, key);
    for (const factor of [...Object.values(population.risks), ...Object.values(population.protections)]) {
      for (const g of factor.given ?? []) visitCondition(g.when, space);
    }
  }
  if (path) {
    for (const key of Object.keys(path.risks ?? {})) addKey(space.risks, space.riskIndex, key);
    for (const key of Object.keys(path.protections ?? {})) addKey(space.protections, space.protectionIndex, key);
    for (const step of Object.values(path.steps)) {
      for (const key of step.signals ?? []) addKey(space.risks, space.riskIndex, key);
      for (const key of step.addresses ?? []) addKey(space.risks, space.riskIndex, key);
      for (const t of step.transitions) visitCondition(t.when, space);
    }
  }
  const interventions = [...Object.values(menukaart?.interventions ?? {}), ...Object.values(path?.interventions ?? {})];
  for (const intervention of interventions) {
    for (const key of intervention.addresses) addKey(space.risks, space.riskIndex, key);
    visitCondition(intervention.targetGroup, space);
  }
  return space;
}

/** An empty compiled client for a space. */
export function emptyClient(space: ClientSpace): CompiledClient {
  return {
    risks: new Uint8Array(space.risks.length),
    protections: new Uint8Array(space.protections.length),
    attrs: new Array<AttributeValue | undefined>(space.attributes.length).fill(undefined),
  };
}

/** Compiles a client; keys the space does not know cannot appear in any condition, so they are dropped. */
export function encodeClient(space: ClientSpace, client: Partial<Client>, into: CompiledClient = emptyClient(space)): CompiledClient {
  into.risks.fill(0);
  into.protections.fill(0);
  into.attrs.fill(undefined);
  for (const key of client.risks ?? []) {
    const i = space.riskIndex.get(key);
    if (i !== undefined) into.risks[i] = 1;
  }
  for (const key of client.protections ?? []) {
    const i = space.protectionIndex.get(key);
    if (i !== undefined) into.protections[i] = 1;
  }
  for (const [name, value] of Object.entries(client.attributes ?? {})) {
    const i = space.attributeIndex.get(name);
    if (i !== undefined) into.attrs[i] = value;
  }
  return into;
}

/** Turns a compiled client back into a plain client. */
export function decodeClient(space: ClientSpace, compiled: CompiledClient): Client {
  // fromEntries defines own properties, so an attribute named "__proto__" stays an attribute
  const attributes: Record<string, AttributeValue> = Object.fromEntries(space.attributes.flatMap((name, i) => (compiled.attrs[i] !== undefined ? [[name, compiled.attrs[i]!]] : [])));
  return {
    risks: space.risks.filter((_, i) => compiled.risks[i] === 1),
    protections: space.protections.filter((_, i) => compiled.protections[i] === 1),
    attributes,
  };
}
