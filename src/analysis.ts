/**
 * `zorgpaden/analysis`: figures for a coalition beyond a simulation's own counts: the indicators
 * of the RIVM monitor Kansrijke Start that the model can compute, birth outcomes per child
 * (preterm, small for gestational age, Big2) as the monitor measures them, calibration to
 * published targets, Monte-Carlo error of every figure, subgroups, and sensitivity (tornado, Sobol).
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
export { BIRTH_TAG, PRETERM_TAG, NATIONAL_BIRTH_FIGURES, birthOutcomes, nationalBirthOutcomeModel, nationalSgaChances, birthOutcomeModel, type BirthOutcomeModel, type SgaChances, type BirthOutcomeOptions, type BirthOutcomes, type ChildOutcomes } from './simulate/birth-outcomes.js';
export {
  safeCalibrate,
  safeApplyOverlay,
  safeTargetModel,
  safeTargetSensitivity,
  wilsonInterval,
  nelderMead,
  CALIBRATE_CODES,
  type CalibrateOptions,
  type CalibratedParameter,
  type CalibratedTarget,
  type CalibrationResult,
  type CalibrationStep,
  type ExactUse,
  type NoChain,
  type OverlayValue,
  type TunedModel,
  type TargetMeasurement,
  type NelderMeadOptions,
  type NelderMeadResult,
  type NelderMeadStep,
  type TargetModel,
  type TargetSensitivity,
  type TargetSensitivityOptions,
} from './simulate/calibrate/index.js';
export { simulateWithUncertainty, summarizeUncertainty, uncertaintyOf, type FigureUncertainty, type SimulationUncertainty, type UncertaintyOptions } from './simulate/uncertainty.js';
export { sobolIndices, tornado, type ParameterRange, type SobolIndices, type Tornado, type TornadoRow } from './simulate/sensitivity.js';
export { tornadoSvg, type TornadoSvgOptions } from './simulate/sensitivity-svg.js';
export { simulateSubgroups, type SubgroupFigures, type SubgroupOptions, type SubgroupResult, type SubgroupShare } from './simulate/subgroups.js';
export type { Targets, Target, Overlay, CountSelector } from './model/targets.js';
