import type { Diagnostic } from '../diagnostics/index.js';
import { checkHouseholdReferences, emitsOf, type Condition, type HouseholdPath } from '../model/index.js';
import type { RuleContext } from './rule.js';

const references = new WeakMap<object, Diagnostic[]>();

/** The reference diagnostics of the household path under validation, computed once. */
export function householdReferences(context: RuleContext): Diagnostic[] {
  const path = context.household;
  let found = references.get(path);
  if (!found) {
    const interventions = context.options.interventions;
    found = checkHouseholdReferences(path, interventions ? { interventions } : {});
    references.set(path, found);
  }
  return found;
}

/** Reports the household reference diagnostics of one code through the rule's own template. */
export function reportHouseholdReferences(context: RuleContext, code: string): void {
  for (const d of householdReferences(context)) if (d.code === code) context.report({ pointer: d.pointer, params: d.params });
}

/** What a household can reach, and the events the steps it reaches raise. */
export interface HouseholdReach {
  reached: Set<string>;
  raised: Set<string>;
  /** Events some step emits (household events). */
  householdEvents: Set<string>;
}

/**
 * The steps a household can reach: from the tracks that start with the journey, through
 * transitions and referrals, and the tracks started by events that reachable steps emit. With
 * `waitForEvents`, a transition that waits for a household event is followed only once a reached
 * step has raised that event. Windows and weights are ignored, and conditions too unless `accept`
 * says which transitions and referrals (by their `when`) may be followed.
 */
export function householdReach(path: HouseholdPath, options: { waitForEvents?: boolean; accept?: (when: Condition | undefined) => boolean } = {}): HouseholdReach {
  const accept = options.accept ?? (() => true);
  const householdEvents = new Set(Object.values(path.steps).flatMap((s) => emitsOf(s)));
  const reached = new Set<string>();
  const raised = new Set<string>();
  const held = new Map<string, string[]>();
  const queue: string[] = [];
  const add = (id: string | undefined) => {
    if (id === undefined || reached.has(id) || !Object.hasOwn(path.steps, id)) return;
    reached.add(id);
    queue.push(id);
  };
  const startTracks = () => {
    for (const track of Object.values(path.tracks)) if (track.startsOn === undefined || raised.has(track.startsOn)) add(track.initial);
  };
  startTracks();
  while (queue.length > 0) {
    const step = path.steps[queue.pop()!]!;
    for (const t of step.transitions) {
      if (!accept(t.when)) continue;
      if (options.waitForEvents && t.on !== undefined && householdEvents.has(t.on) && !raised.has(t.on)) held.set(t.on, [...(held.get(t.on) ?? []), t.to]);
      else add(t.to);
    }
    for (const r of step.refers ?? []) if (accept(r.when)) add(r.to);
    for (const event of emitsOf(step)) {
      if (raised.has(event)) continue;
      raised.add(event);
      for (const to of held.get(event) ?? []) add(to);
      startTracks();
    }
  }
  return { reached, raised, householdEvents };
}

/** Calls `visit` for every condition of the path (transitions and referrals) with its pointer segments. */
export function forEachCondition(path: HouseholdPath, visit: (condition: Condition, at: (string | number)[]) => void): void {
  for (const [id, step] of Object.entries(path.steps)) {
    step.transitions.forEach((t, i) => t.when && visit(t.when, ['steps', id, 'transitions', i, 'when']));
    (step.refers ?? []).forEach((r, i) => r.when && visit(r.when, ['steps', id, 'refers', i, 'when']));
  }
}

/** The risks a condition tests with `signalled`. */
export function signalledIn(condition: Condition, into: Set<string> = new Set()): Set<string> {
  if (condition.signalled !== undefined) into.add(condition.signalled);
  for (const c of [...(condition.all ?? []), ...(condition.any ?? []), ...(condition.not ? [condition.not] : [])]) signalledIn(c, into);
  return into;
}
