import { toPointer } from '../../diagnostics/index.js';
import { namedReceiver, organisationOf, transferReceiver, type HouseholdPath } from '../../model/index.js';
import { defineRule, ruleDocsUrl } from '../rule.js';

/**
 * The actors who may hold the lead of a track at each of its steps: the track's `lead` (else the
 * actor of the step it starts in) where it starts, passed on unchanged by a transition without
 * `handoff` and to the receiving actor by one with `handoff`.
 */
function possibleLeads(path: HouseholdPath): Map<string, Set<string>> {
  const leads = new Map<string, Set<string>>();
  const queue: string[] = [];
  const give = (stepId: string, actor: string | undefined) => {
    if (actor === undefined || !Object.hasOwn(path.steps, stepId)) return;
    const at = leads.get(stepId) ?? new Set<string>();
    if (at.has(actor)) return;
    at.add(actor);
    leads.set(stepId, at);
    queue.push(stepId);
  };
  const entries = new Set<string>();
  for (const track of Object.values(path.tracks)) if (track.initial !== undefined) entries.add(track.initial);
  for (const step of Object.values(path.steps)) for (const r of step.refers ?? []) entries.add(r.to);
  for (const entry of entries) {
    const step = path.steps[entry];
    if (step) give(entry, path.tracks[step.track]?.lead ?? step.actor);
  }
  while (queue.length > 0) {
    const id = queue.pop()!;
    const step = path.steps[id]!;
    for (const t of step.transitions) {
      const target = path.steps[t.to];
      if (!target || target.track !== step.track) continue;
      if (t.handoff !== undefined) give(t.to, transferReceiver(path, t.to, t.receiver) ?? [...leads.get(id)!][0]);
      else for (const actor of [...leads.get(id)!]) give(t.to, actor);
    }
  }
  return leads;
}

/**
 * `lead-change-without-handoff`: a transition inside a track names a receiver (its `receiver`, or
 * a step of kind `handoff`) of another organisation than the track's lead, but has no `handoff`:
 * responsibility changes hands without being marked as a transfer.
 */
export const leadChangeWithoutHandoff = defineRule({
  meta: {
    code: 'lead-change-without-handoff',
    severity: 'warning',
    category: 'chain',
    scopes: ['household'],
    docs: { description: 'A transition inside a track passes the family to another organisation than the lead, without "handoff".', url: ruleDocsUrl('lead-change-without-handoff') },
    messages: {
      default: {
        message: {
          en: 'In track "{{track}}", "{{from}}" passes the family to {{receiver}} ({{receiverOrganisation}}) in "{{to}}", while {{lead}} ({{leadOrganisation}}) holds the lead, but the transition has no "handoff".',
          nl: 'In spoor "{{track}}" geeft "{{from}}" het gezin door aan {{receiver}} ({{receiverOrganisation}}) in "{{to}}", terwijl {{lead}} ({{leadOrganisation}}) de regie heeft, maar de overgang heeft geen "handoff".',
        },
        hint: {
          en: 'If responsibility passes to {{receiver}}, mark the transition "handoff": "warm" (or "cold"); if {{lead}} keeps the lead and {{receiver}} only contributes, leave out "receiver" (or use a step that is not of kind "handoff").',
          nl: 'Gaat de verantwoordelijkheid over naar {{receiver}}, markeer de overgang dan met "handoff": "warm" (of "cold"); houdt {{lead}} de regie en draagt {{receiver}} alleen bij, laat "receiver" dan weg (of gebruik een stap die niet van soort "handoff" is).',
        },
      },
    },
  },
  check({ household: path, report }) {
    const leads = possibleLeads(path);
    const actors = path.actors ?? {};
    const organisation = (actor: string) => organisationOf(actor, actors[actor]);
    for (const [id, step] of Object.entries(path.steps)) {
      step.transitions.forEach((t, i) => {
        const target = path.steps[t.to];
        if (t.handoff !== undefined || !target || target.track !== step.track) return;
        const receiver = namedReceiver(path, t.to, t.receiver);
        if (receiver === undefined) return;
        const lead = [...(leads.get(id) ?? [])].sort().find((actor) => organisation(actor) !== organisation(receiver));
        if (lead === undefined) return;
        report({
          pointer: toPointer(['steps', id, 'transitions', i]),
          params: { track: step.track, from: id, to: t.to, receiver, receiverOrganisation: organisation(receiver), lead, leadOrganisation: organisation(lead) },
        });
      });
    }
  },
});
