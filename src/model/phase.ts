import * as z from 'zod';
import { PHASES } from './phases.js';

export { PHASES, PHASE_RANGE, phaseIndex, type Phase } from './phases.js';
export const PhaseSchema = z.enum(PHASES).meta({ description: 'preconception, pregnancy or postpartum (birth to age 2).' });
