import { organisationOf } from '../model/index.js';
import type { PathGraph } from './graph.js';

/** How a transition hands a client over, as `handoff-without-receiver` and `cold-handoff` read it. */
export interface HandoffFacts {
  /** Marked `handoff`, into a step of kind `handoff`, or between actors of different organisations. */
  isHandoff: boolean;
  /** The sending actor: the actor of the step the transition leaves. */
  sender?: string;
  /** The receiving actor: the transition's `receiver`, else a handoff step's `receiver`, else the target step's actor. */
  receiver?: string;
  senderOrganisation?: string;
  receiverOrganisation?: string;
  /** Both organisations are known and differ. */
  crossesOrganisations: boolean;
  /** A receiving actor or a contact (`contact` on the transition) is named. */
  named: boolean;
}

/** The handoff facts of one edge (an edge to a missing step is never a handoff); computed once per graph. */
export function handoffFacts(graph: PathGraph, edge: number): HandoffFacts {
  const all = graph.cached('handoffs', () => new Array<HandoffFacts | undefined>(graph.edgeCount));
  return (all[edge] ??= computeFacts(graph, edge));
}

function computeFacts(graph: PathGraph, edge: number): HandoffFacts {
  const targetIndex = graph.edgeTarget[edge]!;
  if (targetIndex < 0) return { isHandoff: false, crossesOrganisations: false, named: false };
  const t = graph.transition(edge);
  const source = graph.steps[graph.edgeSource[edge]!]!;
  const target = graph.steps[targetIndex]!;
  const actors = graph.path.actors ?? {};
  const sender = source.actor;
  // a handoff step is done by the sender; who receives is its `receiver`
  const receiver = t.receiver ?? (target.kind === 'handoff' ? target.receiver : target.actor);
  const facts: HandoffFacts = { isHandoff: false, crossesOrganisations: false, named: receiver !== undefined || t.contact !== undefined };
  if (sender !== undefined) {
    facts.sender = sender;
    facts.senderOrganisation = organisationOf(sender, actors[sender]);
  }
  if (receiver !== undefined) {
    facts.receiver = receiver;
    facts.receiverOrganisation = organisationOf(receiver, actors[receiver]);
  }
  facts.crossesOrganisations = facts.senderOrganisation !== undefined && facts.receiverOrganisation !== undefined && facts.senderOrganisation !== facts.receiverOrganisation;
  facts.isHandoff = t.handoff !== undefined || target.kind === 'handoff' || facts.crossesOrganisations;
  return facts;
}
