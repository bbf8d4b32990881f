/**
 * `zorgpaden/analysis`: figures for a coalition beyond a simulation's own counts: the indicators
 * of the RIVM monitor Kansrijke Start that the model can compute, and birth outcomes per child
 * (preterm, small for gestational age, Big2) as the monitor measures them.
 *
 * @example
 * import { simulate } from 'zorgpaden';
 * import { monitorIndicators } from 'zorgpaden/analysis';
 * const result = await simulate(path, { cohort: 20_000, seed: 1 });
 * const monitor = monitorIndicators(path, result, { seed: 1 });
 *
 * @packageDocumentation
 */
export { MONITOR_TAGS, monitorIndicators, type MonitorIndicator, type MonitorOptions, type MonitorReport } from './export/monitor.js';
export { BIRTH_TAG, PRETERM_TAG, NATIONAL_BIRTH_FIGURES, birthOutcomes, nationalBirthOutcomeModel, type BirthOutcomeModel, type BirthOutcomeOptions, type BirthOutcomes, type ChildOutcomes } from './simulate/birth-outcomes.js';
