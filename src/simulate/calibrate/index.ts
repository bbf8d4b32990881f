export { safeCalibrate, type CalibrateOptions, type CalibratedParameter, type CalibratedTarget, type CalibrationResult, type CalibrationStep, type ExactUse } from './calibrate.js';
export type { NoChain } from '../markov-profiles.js';
export { safeApplyOverlay, type OverlayValue, type TunedModel } from './overlay.js';
export { wilsonInterval, type TargetMeasurement } from './measure.js';
export { nelderMead, type NelderMeadOptions, type NelderMeadResult, type NelderMeadStep } from './nelder-mead.js';
export { CALIBRATE_CODES } from './codes.js';
export { safeTargetModel, type TargetModel } from './calibrate.js';
export { safeTargetSensitivity, type TargetSensitivity, type TargetSensitivityOptions } from './target-sensitivity.js';
