// the schema types are named by this namespace (z.ZodString) in declarations and the API report
// eslint-disable-next-line @typescript-eslint/no-unused-vars
import type * as z from 'zod';
import { lazySchema } from './lazy-schema.js';
import { PHASES } from './phases.js';

export { PHASES, PHASE_RANGE, phaseIndex, type Phase } from './phases.js';
export const PhaseSchema = lazySchema((z) => z.enum(PHASES).meta({ description: 'preconception, pregnancy or postpartum (birth to age 2).' }));
