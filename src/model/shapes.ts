import { ATTRIBUTE_NAME_MESSAGE, KEY_MESSAGE, KEY_PATTERN, notReserved, RESERVED_MESSAGE } from './id-rules.js';
import type { AttributeValue, Client, Condition } from './condition.js';
import { array, boolean, lazy, number, object, optional, record, text, union, withDefault, type ObjectRule, type Shape } from './shape-check.js';

// The client and condition as hand-written shapes, for the layers that check them without zod (the
// machines and journeys); each mirrors its schema in condition.ts, field for field.

/** The comparison operators of an attribute condition. */
export const COMPARISON_OPERATORS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'exists'] as const;
/** The forms a condition takes; exactly one appears in each condition object. */
export const CONDITION_FORMS = ['all', 'any', 'not', 'hasRisk', 'hasProtection', 'signalled', 'attr'] as const;

/** What is wrong with a condition whose fields are each fine: not exactly one form, or operators that do not fit it. */
export const conditionFormProblems: ObjectRule<Condition> = (condition) => {
  const forms = CONDITION_FORMS.filter((f) => condition[f] !== undefined);
  if (forms.length !== 1) {
    return [
      {
        message:
          forms.length === 0
            ? `A condition needs one of: ${CONDITION_FORMS.join(', ')}.`
            : `A condition has exactly one form, but this one mixes ${forms.join(' and ')}; wrap them in "all" or "any".`,
        params: {
          zorgpadenCode: 'invalid-condition',
          forms,
          nl:
            forms.length === 0
              ? `Een voorwaarde heeft een van: ${CONDITION_FORMS.join(', ')}.`
              : `Een voorwaarde heeft precies één vorm, maar deze mengt ${forms.join(' en ')}; zet ze in "all" of "any".`,
        },
      },
    ];
  }
  const problems = [];
  const operators = COMPARISON_OPERATORS.filter((op) => condition[op] !== undefined);
  if (forms[0] === 'attr' && operators.length === 0) {
    problems.push({
      message: `An attribute comparison needs an operator: ${COMPARISON_OPERATORS.join(', ')}.`,
      params: { zorgpadenCode: 'invalid-condition', nl: `Een vergelijking van een kenmerk heeft een operator nodig: ${COMPARISON_OPERATORS.join(', ')}.` },
    });
  }
  if (forms[0] !== 'attr' && operators.length > 0) {
    problems.push({
      message: `The operator ${operators.join(', ')} only goes with "attr".`,
      params: { zorgpadenCode: 'invalid-condition', nl: `De operator ${operators.join(', ')} hoort alleen bij "attr".` },
    });
  }
  return problems;
};

/** KeySchema (ids.ts). */
export const KeyShape = text({ pattern: KEY_PATTERN, message: KEY_MESSAGE }, { refine: notReserved, message: RESERVED_MESSAGE }, { max: 200 });
const attributeName = [{ max: 100 }, { refine: (name: string) => name !== '__proto__', message: ATTRIBUTE_NAME_MESSAGE }] as const;
const AttributeNameShape = text(...attributeName);
/** AttributeValueSchema (condition.ts). */
export const AttributeValueShape: Shape<AttributeValue> = union<AttributeValue>(text({ max: 500 }), number(), boolean);

/** ConditionSchema (condition.ts). */
export const ConditionShape: Shape<Condition> = object<Condition>(
  {
    all: optional(array(lazy(() => ConditionShape))),
    any: optional(array(lazy(() => ConditionShape))),
    not: optional(lazy(() => ConditionShape)),
    hasRisk: optional(KeyShape),
    hasProtection: optional(KeyShape),
    signalled: optional(KeyShape),
    attr: optional(text(...attributeName, { min: 1 })),
    eq: optional(AttributeValueShape),
    ne: optional(AttributeValueShape),
    lt: optional(number()),
    lte: optional(number()),
    gt: optional(number()),
    gte: optional(number()),
    in: optional(array(AttributeValueShape)),
    exists: optional(boolean),
  },
  'strict',
  conditionFormProblems,
);

/** ClientSchema (condition.ts). */
export const ClientShape: Shape<Client> = object<Client>({
  id: optional(text({ max: 200 })),
  risks: withDefault(array(KeyShape), () => []),
  protections: withDefault(array(KeyShape), () => []),
  attributes: withDefault(record(AttributeNameShape, AttributeValueShape), () => ({})),
});
