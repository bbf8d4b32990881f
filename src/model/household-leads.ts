import type { HouseholdPath } from './household.js';

/** Who a transition into step `to` says receives the family: its own `receiver`, else the `receiver` of a step of kind `handoff`; undefined when it names no one. */
export function namedReceiver(path: HouseholdPath, to: string, receiver: string | undefined): string | undefined {
  const target = Object.hasOwn(path.steps, to) ? path.steps[to] : undefined;
  return receiver ?? (target?.kind === 'handoff' ? target.receiver : undefined);
}

/** Who a transfer of responsibility into step `to` passes the family to: the named receiver, else the target step's actor. */
export function transferReceiver(path: HouseholdPath, to: string, receiver: string | undefined): string | undefined {
  return namedReceiver(path, to, receiver) ?? (Object.hasOwn(path.steps, to) ? path.steps[to]!.actor : undefined);
}

/**
 * The actors who hold the lead of a track, first to last: its `lead` (else the actor of the step
 * it starts in), then whoever a transfer of responsibility (a transition with `handoff`) inside
 * the track passes the family to, in the order of the track's steps, each once.
 */
export function trackLeads(path: HouseholdPath, trackId: string): string[] {
  const track = path.tracks[trackId];
  if (track === undefined) return [];
  const leads: string[] = [];
  const add = (actor: string | undefined) => {
    if (actor !== undefined && !leads.includes(actor)) leads.push(actor);
  };
  add(track.lead ?? (track.initial !== undefined ? path.steps[track.initial]?.actor : undefined));
  for (const step of Object.values(path.steps)) {
    if (step.track !== trackId) continue;
    for (const t of step.transitions) {
      if (t.handoff !== undefined && path.steps[t.to]?.track === trackId) add(transferReceiver(path, t.to, t.receiver));
    }
  }
  return leads;
}
