import { argumentError, isRecord, type Words } from '../diagnostics/index.js';
import type { CarePath } from '../model/index.js';
import type { SimulationOverlay } from './mermaid/overlay.js';

/** What a simulation result records about the path it ran on (`meta` of `simulate`). */
export interface OverlayOrigin {
  pathId?: string;
  pathVersion?: string;
  pathHash?: string;
  /** The coalition applied, or null for none. */
  coalition?: string | null;
}

const OVERLAY: Words = {
  en: 'a simulation result { cohort, visits, clients, transitionCounts } with counts of 0 or more',
  nl: 'een simulatieresultaat { cohort, visits, clients, transitionCounts } met aantallen van 0 of meer',
};

const isCount = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0;
const isCountTable = (v: unknown) => isRecord(v) && Object.values(v).every(isCount);

/** The first thing that keeps a value from being an overlay, in words, or undefined when it is one. */
export function overlayFlaw(value: unknown): Words | undefined {
  if (!isRecord(value)) return undefined;
  if (!isCount(value.cohort)) return { en: 'an object whose "cohort" is not a count of 0 or more', nl: 'een object waarvan "cohort" geen aantal van 0 of meer is' };
  for (const field of ['visits', 'clients'] as const) {
    if (!isCountTable(value[field])) return { en: `an object whose "${field}" is not a table of counts of 0 or more per step`, nl: `een object waarvan "${field}" geen tabel met aantallen van 0 of meer per stap is` };
  }
  const counts = value.transitionCounts;
  if (!isRecord(counts) || !Object.values(counts).every((list) => Array.isArray(list) && list.every(isCount))) {
    return { en: 'an object whose "transitionCounts" is not lists of counts of 0 or more per step', nl: 'een object waarvan "transitionCounts" geen lijsten met aantallen van 0 of meer per stap is' };
  }
  return undefined;
}

/** Throws `invalid-argument` unless `value` is an overlay with counts of 0 or more. */
export function requireOverlay(callee: string, argument: string, value: unknown): asserts value is SimulationOverlay {
  if (!isRecord(value)) throw argumentError(callee, argument, OVERLAY, value);
  const flaw = overlayFlaw(value);
  if (flaw) throw argumentError(callee, argument, OVERLAY, flaw);
}

/** One way an overlay does not belong to a path, in English and Dutch. */
export interface OverlayMismatch {
  en: string;
  nl: string;
}

/**
 * The ways a simulation result does not belong to the path it would be drawn on: another path id,
 * version, content or coalition (when the result records them), steps the path does not have, and
 * steps whose number of transitions differs. Empty when it belongs.
 */
export function overlayMismatches(path: CarePath, overlay: SimulationOverlay, origin: OverlayOrigin | undefined, hash?: string): OverlayMismatch[] {
  const out: OverlayMismatch[] = [];
  if (origin) {
    const coalition = path.coalition?.id ?? null;
    const otherCoalition = origin.coalition !== undefined && origin.coalition !== coalition;
    if (origin.pathId !== undefined && origin.pathId !== path.id) out.push({ en: `it was simulated on path "${origin.pathId}", not "${path.id}"`, nl: `het is gesimuleerd op pad "${origin.pathId}", niet op "${path.id}"` });
    else if (origin.pathVersion !== undefined && origin.pathVersion !== path.version) {
      out.push({ en: `it was simulated on version ${origin.pathVersion}, not ${path.version}`, nl: `het is gesimuleerd op versie ${origin.pathVersion}, niet op ${path.version}` });
    } else if (!otherCoalition && origin.pathHash !== undefined && hash !== undefined && origin.pathHash !== hash) {
      out.push({ en: 'the path has changed since it was simulated (its content hash differs)', nl: 'het pad is veranderd sinds de simulatie (de inhoudshash verschilt)' });
    }
    if (otherCoalition) {
      const en = (c: string | null | undefined) => (c === null ? 'no coalition' : `coalition "${c}"`);
      const nl = (c: string | null | undefined) => (c === null ? 'geen coalitie' : `coalitie "${c}"`);
      out.push({ en: `it was simulated with ${en(origin.coalition)}, the path has ${en(coalition)}`, nl: `het is gesimuleerd met ${nl(origin.coalition)}, het pad heeft ${nl(coalition)}` });
    }
  }
  const unknown = [...new Set([...Object.keys(overlay.visits), ...Object.keys(overlay.clients), ...Object.keys(overlay.transitionCounts)])].filter((id) => !Object.hasOwn(path.steps, id));
  if (unknown.length > 0) {
    const list = unknown.slice(0, 3).map((id) => JSON.stringify(id)).join(', ') + (unknown.length > 3 ? ', …' : '');
    out.push({ en: `it counts steps the path does not have (${list})`, nl: `het telt stappen die het pad niet heeft (${list})` });
  }
  const uneven = Object.entries(overlay.transitionCounts).filter(([id, list]) => Object.hasOwn(path.steps, id) && list.length !== path.steps[id]!.transitions.length);
  if (uneven.length > 0) out.push({ en: `step "${uneven[0]![0]}" has another number of transitions than it counts`, nl: `stap "${uneven[0]![0]}" heeft een ander aantal overgangen dan het telt` });
  return out;
}
