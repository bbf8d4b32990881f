import { organisationOf } from '../model/index.js';
import type { PathGraph } from './graph.js';

/** How a transition hands a client over, as `handoff-without-receiver` and `cold-handoff` read it. */
export interface HandoffFacts {
  /** Marked `handoff`, into a step of kind `handoff`, or between actors of different organisations. */
  isHandoff: boolean;
  /** The sending actor: the actor of the step the transition leaves. */
  sender: string | undefined;
  /** The receiving actor: the transition's `receiver`, else a handoff step's `receiver`, else the target step's actor. */
  receiver: string | undefined;
  senderOrganisation: string | undefined;
  receiverOrganisation: string | undefined;
  /** Both organisations are known and differ. */
  crossesOrganisations: boolean;
  /** A receiving actor or a contact (`contact` on the transition) is named. */
  named: boolean;
}

const NOT_A_HANDOFF: HandoffFacts = { isHandoff: false, sender: undefined, receiver: undefined, senderOrganisation: undefined, receiverOrganisation: undefined, crossesOrganisations: false, named: false };

/** The handoff facts of one edge (an edge to a missing step is never a handoff); computed once per graph. */
export function handoffFacts(graph: PathGraph, edge: number): HandoffFacts {
  if (graph.edgeTarget[edge]! < 0) return NOT_A_HANDOFF;
  const all = graph.cached('handoffs', () => new Array<HandoffFacts | undefined>(graph.edgeCount));
  return (all[edge] ??= computeFacts(graph, edge));
}

function computeFacts(graph: PathGraph, edge: number): HandoffFacts {
  const t = graph.transition(edge);
  const target = graph.steps[graph.edgeTarget[edge]!]!;
  const actors = graph.path.actors ?? {};
  const sender = graph.steps[graph.edgeSource[edge]!]!.actor;
  const receiver = receiverOf(graph, edge);
  const senderOrganisation = sender === undefined ? undefined : organisationOf(sender, actors[sender]);
  const receiverOrganisation = receiver === undefined ? undefined : organisationOf(receiver, actors[receiver]);
  const crossesOrganisations = senderOrganisation !== undefined && receiverOrganisation !== undefined && senderOrganisation !== receiverOrganisation;
  // one object shape for every edge
  return {
    isHandoff: t.handoff !== undefined || target.kind === 'handoff' || crossesOrganisations,
    sender,
    receiver,
    senderOrganisation,
    receiverOrganisation,
    crossesOrganisations,
    named: receiver !== undefined || t.contact !== undefined,
  };
}

/** The receiving actor of an edge to an existing step: its `receiver`, a handoff step's `receiver`, or the target's actor. */
export function receiverOf(graph: PathGraph, edge: number): string | undefined {
  const t = graph.transition(edge);
  const target = graph.steps[graph.edgeTarget[edge]!]!;
  // a handoff step is done by the sender; who receives is its `receiver`
  return t.receiver ?? (target.kind === 'handoff' ? target.receiver : target.actor);
}
