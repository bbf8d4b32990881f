/**
 * zorgpaden: care paths and client journeys of Kansrijke Start as typed state machines.
 * The public surface, grouped by layer (docs/decisions/0001-layers.md). Mermaid and browsers are
 * never loaded from here; rendering lives in the optional `zorgpaden/render` entry.
 */
export * from './diagnostics/index.js';
export * from './model/index.js';
export * from './load/index.js';
export * from './edit/index.js';
export * from './validate/index.js';
export * from './machine/index.js';
export * from './simulate/index.js';
export * from './export/index.js';
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
  type OverlayValue,
  type TargetMeasurement,
  type NelderMeadOptions,
  type NelderMeadResult,
  type NelderMeadStep,
  type TargetModel,
  type TargetSensitivity,
  type TargetSensitivityOptions,
} from './simulate/calibrate/index.js';
export { sobolIndices, tornado, type ParameterRange, type SobolIndices, type Tornado, type TornadoRow } from './simulate/sensitivity.js';
export { simulateSubgroups, type SubgroupFigures, type SubgroupOptions, type SubgroupResult, type SubgroupShare } from './simulate/subgroups.js';
