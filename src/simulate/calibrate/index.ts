export { safeCalibrate, type CalibrateOptions, type CalibratedParameter, type CalibratedTarget, type CalibrationResult, type CalibrationStep } from './calibrate.js';
export { safeApplyOverlay, type OverlayValue } from './overlay.js';
export { wilsonInterval, type TargetMeasurement } from './measure.js';
export { nelderMead, type NelderMeadOptions, type NelderMeadResult, type NelderMeadStep } from './nelder-mead.js';
export { CALIBRATE_CODES } from './codes.js';
