import { argumentError, isRecord, type Words } from '../../diagnostics/index.js';
import type { HouseholdPath } from '../../model/index.js';
import type { ExportLang } from '../condition-words.js';
import type { OverlayMismatch, OverlayOrigin } from '../overlay-check.js';
import { formatNumber, formatShare, type OverlayMode } from './overlay.js';

/**
 * The part of a household simulation result (`simulateHousehold`) a household diagram overlay
 * reads: the number of households, visits per step (a child's step once per child), households
 * per step, how often each transition was taken, and per track how many instances started in how
 * many households. A `HouseholdSimulationResult` is one.
 */
export interface HouseholdOverlay {
  cohort: number;
  visits: Readonly<Record<string, number>>;
  households: Readonly<Record<string, number>>;
  transitionCounts: Readonly<Record<string, readonly number[]>>;
  tracks: Readonly<Record<string, { readonly instances: number; readonly households: number }>>;
}

const SHAPE: Words = {
  en: 'a household simulation result { cohort, visits, households, transitionCounts, tracks } with counts of 0 or more',
  nl: 'een huishoudsimulatieresultaat { cohort, visits, households, transitionCounts, tracks } met aantallen van 0 of meer',
};

const isCount = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0;
const isCountTable = (v: unknown) => isRecord(v) && Object.values(v).every(isCount);

/** The first thing that keeps a value from being a household overlay, in words, or undefined when it is one. */
export function householdOverlayFlaw(value: unknown): Words | undefined {
  if (!isRecord(value)) return SHAPE;
  if (!isCount(value.cohort)) return { en: 'an object whose "cohort" is not a count of 0 or more', nl: 'een object waarvan "cohort" geen aantal van 0 of meer is' };
  for (const field of ['visits', 'households'] as const) {
    if (!isCountTable(value[field])) return { en: `an object whose "${field}" is not a table of counts of 0 or more per step`, nl: `een object waarvan "${field}" geen tabel met aantallen van 0 of meer per stap is` };
  }
  const counts = value.transitionCounts;
  if (!isRecord(counts) || !Object.values(counts).every((list) => Array.isArray(list) && list.every(isCount))) {
    return { en: 'an object whose "transitionCounts" is not lists of counts of 0 or more per step', nl: 'een object waarvan "transitionCounts" geen lijsten met aantallen van 0 of meer per stap is' };
  }
  const tracks = value.tracks;
  if (!isRecord(tracks) || !Object.values(tracks).every((t) => isRecord(t) && isCount(t.instances) && isCount(t.households))) {
    return { en: 'an object whose "tracks" is not { instances, households } counts per track', nl: 'een object waarvan "tracks" geen aantallen { instances, households } per spoor is' };
  }
  return undefined;
}

/** Throws `invalid-argument` unless `value` is a household overlay. */
export function requireHouseholdOverlay(callee: string, argument: string, value: unknown): asserts value is HouseholdOverlay {
  const flaw = householdOverlayFlaw(value);
  if (flaw) throw argumentError(callee, argument, SHAPE, isRecord(value) ? flaw : value);
}

/**
 * The ways a household simulation result does not belong to the household path it would be drawn
 * on: another path id or version (when the result records them), steps or tracks the path does not
 * have, and steps whose number of transitions differs. Empty when it belongs.
 */
export function householdOverlayMismatches(path: HouseholdPath, overlay: HouseholdOverlay, origin: OverlayOrigin | undefined): OverlayMismatch[] {
  const out: OverlayMismatch[] = [];
  if (origin?.pathId !== undefined && origin.pathId !== path.id) out.push({ en: `it was simulated on path "${origin.pathId}", not "${path.id}"`, nl: `het is gesimuleerd op pad "${origin.pathId}", niet op "${path.id}"` });
  else if (origin?.pathVersion !== undefined && origin.pathVersion !== path.version) {
    out.push({ en: `it was simulated on version ${origin.pathVersion}, not ${path.version}`, nl: `het is gesimuleerd op versie ${origin.pathVersion}, niet op ${path.version}` });
  }
  const list = (ids: readonly string[]) => ids.slice(0, 3).map((id) => JSON.stringify(id)).join(', ') + (ids.length > 3 ? ', …' : '');
  const unknown = [...new Set([...Object.keys(overlay.visits), ...Object.keys(overlay.households), ...Object.keys(overlay.transitionCounts)])].filter((id) => !Object.hasOwn(path.steps, id));
  if (unknown.length > 0) out.push({ en: `it counts steps the path does not have (${list(unknown)})`, nl: `het telt stappen die het pad niet heeft (${list(unknown)})` });
  const tracks = Object.keys(overlay.tracks).filter((id) => !Object.hasOwn(path.tracks, id));
  if (tracks.length > 0) out.push({ en: `it counts tracks the path does not have (${list(tracks)})`, nl: `het telt sporen die het pad niet heeft (${list(tracks)})` });
  const uneven = Object.entries(overlay.transitionCounts).filter(([id, counts]) => Object.hasOwn(path.steps, id) && counts.length !== path.steps[id]!.transitions.length);
  if (uneven.length > 0) out.push({ en: `step "${uneven[0]![0]}" has another number of transitions than it counts`, nl: `stap "${uneven[0]![0]}" heeft een ander aantal overgangen dan het telt` });
  return out;
}

const WORDS = {
  nl: { started: (n: string) => `${n}× gestart`, households: (share: string) => `${share} van de huishoudens` },
  en: { started: (n: string) => `started ${n}×`, households: (share: string) => `${share} of households` },
} as const;

/** Reads overlay figures for the steps, transitions and tracks of a household path. */
export class HouseholdOverlayFigures {
  private readonly maxVisits: number;

  constructor(
    private readonly overlay: HouseholdOverlay,
    private readonly mode: OverlayMode,
    private readonly lang: ExportLang,
  ) {
    this.maxVisits = Object.values(overlay.visits).reduce((most, n) => Math.max(most, n), 0);
  }

  private visits(step: string): number {
    return this.overlay.visits[step] ?? 0;
  }

  /** The figure beside a step's label: its visits, or the share of households that reached it. */
  stepFigure(step: string): string {
    if (this.mode === 'absolute') return formatNumber(this.visits(step), this.lang);
    const cohort = this.overlay.cohort;
    return formatShare(cohort > 0 ? (this.overlay.households[step] ?? 0) / cohort : 0, this.lang);
  }

  /** The figure in front of a transition's label: times taken, or the share of the step's visits that went on along it. */
  transitionFigure(step: string, index: number): string {
    const count = this.overlay.transitionCounts[step]?.[index] ?? 0;
    if (this.mode === 'absolute') return formatNumber(count, this.lang);
    const visits = this.visits(step);
    return formatShare(visits > 0 ? count / visits : 0, this.lang);
  }

  /** The figure after a track's title: instances started, or the share of households where it ran. */
  trackFigure(track: string): string {
    const figures = this.overlay.tracks[track];
    if (this.mode === 'absolute') return WORDS[this.lang].started(formatNumber(figures?.instances ?? 0, this.lang));
    const cohort = this.overlay.cohort;
    return WORDS[this.lang].households(formatShare(cohort > 0 ? (figures?.households ?? 0) / cohort : 0, this.lang));
  }

  /** 0…4: how dark a step is shaded, by its visits against the most visited step. */
  heat(step: string): number {
    if (this.maxVisits === 0) return 0;
    return Math.min(4, Math.floor((this.visits(step) / this.maxVisits) * 5));
  }
}
