import { createDiagnostic, didYouMean, suggestionParams, type Diagnostic } from '../../diagnostics/index.js';
import type { CountSelector } from '../../model/index.js';
import type { BirthOutcomes, ChildOutcomes } from '../birth-outcomes.js';
import { CALIBRATE_CODES } from './codes.js';
import { wilsonInterval, type TargetMeasurement } from './interval.js';

/** The birth outcomes a births target may count, by the key a targets file writes. */
export const BIRTH_OUTCOME_KEYS = { big2: 'big2', preterm: 'preterm', 'small-for-gestational-age': 'smallForGestationalAge' } as const;
/** The groups of children a births target may count over, by the key a targets file writes. */
export const BIRTH_GROUP_KEYS = { singleton: 'singletons', multiple: 'multiples' } as const;

type OutcomeField = (typeof BIRTH_OUTCOME_KEYS)[keyof typeof BIRTH_OUTCOME_KEYS];
type Group = 'all' | (typeof BIRTH_GROUP_KEYS)[keyof typeof BIRTH_GROUP_KEYS];

/** A births target: one birth outcome among the children of all births, of singleton births or of multiple births. */
export interface BirthCount {
  outcome: OutcomeField;
  group: Group;
}

const OUTCOME_KEYS = Object.keys(BIRTH_OUTCOME_KEYS);
const GROUP_KEYS = Object.keys(BIRTH_GROUP_KEYS);

const SHAPE = {
  reason: 'a births target counts one birth outcome ({ "birthOutcome": "big2" }, "preterm" or "small-for-gestational-age") among all children ({ "everyone": true }) or among the children of singleton or multiple births ({ "birthOutcome": "singleton" } or "multiple")',
  reasonNl: 'een geboortestreefwaarde telt één geboorte-uitkomst ({ "birthOutcome": "big2" }, "preterm" of "small-for-gestational-age") onder alle kinderen ({ "everyone": true }) of onder de kinderen van eenlingen of meerlingen ({ "birthOutcome": "singleton" } of "multiple")',
  what: 'other combinations of births',
  whatNl: 'andere combinaties van geboortes',
};

function unknownKey(target: string, key: string, known: readonly string[], where: string): Diagnostic {
  return createDiagnostic(CALIBRATE_CODES.targetUnknownBirthOutcome, { target, key, ...suggestionParams(didYouMean(key, known), known) }, { pointer: where });
}

/**
 * Compiles the measure of a target counted in births. The births of a simulation are counted as a
 * whole (the monitor's figures are over all children, singletons or multiples), so a births target
 * counts one outcome over one group; anything else is reported as not computable.
 */
export function compileBirthCount(target: string, numerator: CountSelector, denominator: CountSelector, where: string, out: Diagnostic[]): BirthCount | undefined {
  let outcome: OutcomeField | undefined;
  let group: Group | undefined;
  if ('birthOutcome' in numerator) {
    const key = numerator.birthOutcome;
    if (Object.hasOwn(BIRTH_OUTCOME_KEYS, key)) outcome = BIRTH_OUTCOME_KEYS[key as keyof typeof BIRTH_OUTCOME_KEYS];
    else if (Object.hasOwn(BIRTH_GROUP_KEYS, key)) outcome = undefined;
    else return void out.push(unknownKey(target, key, OUTCOME_KEYS, `${where}/numerator`));
  }
  if ('everyone' in denominator) group = 'all';
  else if ('birthOutcome' in denominator) {
    const key = denominator.birthOutcome;
    if (Object.hasOwn(BIRTH_GROUP_KEYS, key)) group = BIRTH_GROUP_KEYS[key as keyof typeof BIRTH_GROUP_KEYS];
    else if (!Object.hasOwn(BIRTH_OUTCOME_KEYS, key)) return void out.push(unknownKey(target, key, GROUP_KEYS, `${where}/denominator`));
  }
  if (outcome === undefined || group === undefined) {
    out.push(createDiagnostic(CALIBRATE_CODES.targetNotComputable, { target, ...SHAPE }, { pointer: outcome === undefined ? `${where}/numerator` : `${where}/denominator` }));
    return undefined;
  }
  return { outcome, group };
}

/**
 * A births target's share among the children of its group. The interval counts births, not
 * children: twins share their term, so the children of one birth are not independent draws, and
 * counting each birth once keeps the interval from being too narrow.
 */
export function measureBirthCount(count: BirthCount, births: BirthOutcomes): TargetMeasurement {
  const children: ChildOutcomes = births[count.group];
  const numerator = children[count.outcome];
  const denominator = children.children;
  if (denominator === 0) return { numerator, denominator, share: null, interval: null };
  const share = numerator / denominator;
  const birthCount = count.group === 'all' ? births.births : count.group === 'multiples' ? births.multipleBirths : births.births - births.multipleBirths;
  return { numerator, denominator, share, interval: wilsonInterval(share * birthCount, birthCount) };
}
