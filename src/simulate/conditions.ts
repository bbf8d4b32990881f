import type { AttributeValue, Condition } from '../model/index.js';
import type { ClientSpace, CompiledClient } from './client.js';

/** A condition compiled to a test over a compiled client (no eval: closures over indices). */
export type CompiledCondition = (client: CompiledClient) => boolean;

const ALWAYS: CompiledCondition = () => true;
const NEVER: CompiledCondition = () => false;

/**
 * Compiles a condition with exactly the meaning of `evaluateCondition` in src/model/condition.ts:
 * a key the space does not know is a flag no client has; a missing attribute fails every
 * comparison except `ne` and `exists: false`.
 */
export function compileCondition(condition: Condition | undefined, space: ClientSpace): CompiledCondition {
  if (condition === undefined) return ALWAYS;
  if (condition.all !== undefined) {
    const parts = condition.all.map((c) => compileCondition(c, space));
    return (client) => {
      for (const part of parts) if (!part(client)) return false;
      return true;
    };
  }
  if (condition.any !== undefined) {
    const parts = condition.any.map((c) => compileCondition(c, space));
    return (client) => {
      for (const part of parts) if (part(client)) return true;
      return false;
    };
  }
  if (condition.not !== undefined) {
    const inner = compileCondition(condition.not, space);
    return (client) => !inner(client);
  }
  if (condition.hasRisk !== undefined) {
    const i = space.riskIndex.get(condition.hasRisk);
    return i === undefined ? NEVER : (client) => client.risks[i] === 1;
  }
  if (condition.hasProtection !== undefined) {
    const i = space.protectionIndex.get(condition.hasProtection);
    return i === undefined ? NEVER : (client) => client.protections[i] === 1;
  }
  if (condition.attr !== undefined) {
    const i = space.attributeIndex.get(condition.attr);
    const compare = compileComparison(condition);
    return i === undefined ? () => compare(undefined) : (client) => compare(client.attrs[i]);
  }
  return NEVER;
}

function compileComparison(c: Condition): (value: AttributeValue | undefined) => boolean {
  const { exists, eq, ne, lt, lte, gt, gte } = c;
  const list = c.in;
  return (value) => {
    if (exists !== undefined && (value !== undefined) !== exists) return false;
    if (eq !== undefined && value !== eq) return false;
    if (ne !== undefined && value === ne) return false;
    if (list !== undefined && (value === undefined || !list.includes(value))) return false;
    if (lt !== undefined && !(typeof value === 'number' && value < lt)) return false;
    if (lte !== undefined && !(typeof value === 'number' && value <= lte)) return false;
    if (gt !== undefined && !(typeof value === 'number' && value > gt)) return false;
    if (gte !== undefined && !(typeof value === 'number' && value >= gte)) return false;
    return true;
  };
}
