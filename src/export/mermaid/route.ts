import type { CarePath, Route } from '../../model/index.js';
import { describeDay, labelText, requireCarePath } from '../../model/index.js';
import { argumentError, isRecord, ZorgpadenError } from '../../diagnostics/index.js';
import type { ExportLang } from '../condition-words.js';
import { phaseLabel } from '../graph.js';
import { frontMatter } from './common.js';
import { escapeLabel, escapeLineText } from './escape.js';
import { resolveRoute, type ResolvedRouteStep } from './route-steps.js';

/** Options of `routeToMermaid`. */
export interface RouteDiagramOptions {
  /** `sequence` (default): who hands over to whom, when; `journey`: the steps scored by experience. */
  kind?: 'sequence' | 'journey';
  lang?: ExportLang;
}

const WORDS = {
  nl: { handover: 'overdracht', warm: '⇒ warme overdracht', cold: '⇢ koude overdracht', breakPoint: '⚠ breekpunt', client: 'cliënt' },
  en: { handover: 'handover', warm: '⇒ warm handoff', cold: '⇢ cold handoff', breakPoint: '⚠ break point', client: 'client' },
} as const;

/**
 * Draws a klantroute: as a `sequenceDiagram` across the actors (participants `a0`, `a1`, …, the
 * persona as `persona`), with handoffs between actors and contacts with the client, each with its
 * day in gestational weeks or child age; or as a `journey` diagram per phase.
 *
 * @example
 * const text = routeToMermaid(route, path, { kind: 'sequence', lang: 'nl' });
 */
export function routeToMermaid(route: Route, path: CarePath, options: RouteDiagramOptions = {}): string {
  requireCarePath('routeToMermaid', 'path', path);
  const flaw = isRecord(route) ? routeFlaw(route) : { en: '', nl: '' };
  if (flaw) throw argumentError('routeToMermaid', 'route', { en: 'a klantroute (as returned by loadRoute)', nl: 'een klantroute (zoals loadRoute die geeft)' }, isRecord(route) ? flaw : route);
  const lang = options.lang ?? 'nl';
  // a route that does not even start in the path is drawn over the wrong path; later unknown steps are drawn by their id
  const first = route.steps[0]?.step;
  if (first !== undefined && !Object.hasOwn(path.steps, first)) {
    throw new ZorgpadenError(
      `Route "${route.id}" starts in "${first}", which is not a step of path "${path.id}": the route belongs to the path "${route.path}" (its "path" field). Draw it over that path.`,
    );
  }
  const steps = resolveRoute(route, path, lang);
  const kind = options.kind ?? 'sequence';
  if (kind === 'sequence') return sequence(route, steps, lang);
  if (kind === 'journey') return journey(route, steps, lang);
  throw argumentError('routeToMermaid', 'options.kind', { en: '"sequence" or "journey"', nl: '"sequence" of "journey"' }, kind);
}

// the first field the diagrams read that is missing or of the wrong type; the texts themselves are escaped, whatever they hold
function routeFlaw(route: unknown): { en: string; nl: string } | undefined {
  if (!isRecord(route)) return undefined;
  const flaw = (field: string) => ({ en: `an object whose "${field}" is missing or of the wrong type`, nl: `een object waarvan "${field}" ontbreekt of van het verkeerde type is` });
  if (!isRecord(route.title) || typeof route.title.nl !== 'string') return flaw('title.nl');
  if (!isRecord(route.persona) || typeof route.persona.name !== 'string') return flaw('persona.name');
  if (!Array.isArray(route.steps) || !route.steps.every((s) => isRecord(s) && typeof s.step === 'string')) return flaw('steps[].step');
  if (route.breakPoint !== undefined && !(isRecord(route.breakPoint) && typeof route.breakPoint.step === 'string' && isRecord(route.breakPoint.description))) return flaw('breakPoint');
  return undefined;
}

function sequence(route: Route, steps: ResolvedRouteStep[], lang: ExportLang): string {
  const w = WORDS[lang];
  const lines = [...frontMatter(), 'sequenceDiagram', `  accTitle: ${escapeLabel(labelText(route.title, lang))}`];
  lines.push(`  actor persona as ${escapeLabel(`${route.persona.name} (${w.client})`)}`);
  const ids = new Map<string, string>();
  for (const step of steps) {
    if (step.actor === undefined || ids.has(step.actor)) continue;
    const id = `a${ids.size}`;
    ids.set(step.actor, id);
    lines.push(`  participant ${id} as ${escapeLabel(step.actorLabel ?? step.actor)}`);
  }
  let previousActor: string | undefined;
  for (const step of steps) {
    const when = describeDay(step.day, lang);
    const actor = step.actor !== undefined ? ids.get(step.actor) : undefined;
    if (actor !== undefined && previousActor !== undefined && actor !== previousActor) {
      const arrow = step.handoff === 'cold' ? '-->>' : '->>';
      const text = step.handoff ? w[step.handoff] : w.handover;
      lines.push(`  ${previousActor}${arrow}${actor}: ${escapeLabel(`${text} (${when})`)}`);
    }
    if (actor !== undefined && step.step?.kind !== 'outcome') lines.push(`  ${actor}->>persona: ${escapeLabel(`${step.label} (${when})`)}`);
    else lines.push(`  Note over persona: ${escapeLabel(`${step.label} (${when})`)}`);
    if (step.note) lines.push(`  Note right of ${actor ?? 'persona'}: ${escapeLabel(step.note)}`);
    if (route.breakPoint?.step === step.stepId) lines.push(`  Note over persona: ${escapeLabel(`${w.breakPoint}: ${labelText(route.breakPoint.description, lang)}`)}`);
    if (actor !== undefined) previousActor = actor;
  }
  return lines.join('\n') + '\n';
}

/** How a step of a route feels, 1 (bad) to 5 (good), for a journey diagram. */
export function journeyScore(step: ResolvedRouteStep, isBreakPoint: boolean): number {
  if (isBreakPoint) return 1;
  if (step.step?.kind === 'outcome') return step.step.result === 'good' ? 5 : step.step.result === 'adverse' ? 1 : 3;
  if (step.handoff === 'warm') return 4;
  if (step.handoff === 'cold') return 2;
  return 3;
}

function journey(route: Route, steps: ResolvedRouteStep[], lang: ExportLang): string {
  const lines = [...frontMatter(), 'journey', `  title ${escapeLabel(labelText(route.title, lang))}`];
  let section: string | undefined;
  for (const step of steps) {
    const phase = step.step?.phase;
    const name = phase ? phaseLabel(phase, lang) : '…';
    if (name !== section) {
      lines.push(`  section ${escapeLineText(name)}`);
      section = name;
    }
    const who = [route.persona.name, ...(step.actorLabel !== undefined ? [step.actorLabel] : [])].map(escapeLabel).join(', ');
    const score = journeyScore(step, route.breakPoint?.step === step.stepId);
    lines.push(`    ${escapeLineText(`${step.label} (${describeDay(step.day, lang)})`)}: ${score}: ${who}`);
  }
  return lines.join('\n') + '\n';
}
