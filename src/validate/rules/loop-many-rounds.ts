import { weightOf } from '../../model/index.js';
import type { PathGraph } from '../graph.js';
import { defineRule, ruleDocsUrl } from '../rule.js';
import { stronglyConnected } from '../scc.js';
import { listIds, stepPointer } from '../shared.js';

/** The mean number of rounds from which a loop is worth a note. */
export const MANY_ROUNDS = 3;
/** Loops of more steps are journeys, not rounds a household repeats; they are not analysed. */
const MAX_LOOP_STEPS = 50;

/**
 * The chance that a household at `entry` comes back to it before leaving the loop, by the weights
 * alone (conditions and events aside): each step's live transitions share its weight.
 */
function returnChance(graph: PathGraph, members: readonly number[], entry: number): number {
  const inLoop = new Set(members);
  const step = (s: number) => {
    const out: { to: number; p: number }[] = [];
    let total = 0;
    for (let e = graph.edgeStart[s]!; e < graph.edgeStart[s + 1]!; e++) {
      if (!graph.edgeLive[e] || graph.edgeTarget[e]! < 0) continue;
      const w = weightOf(graph.transition(e));
      total += w;
      out.push({ to: graph.edgeTarget[e]!, p: w });
    }
    return total > 0 ? out.map((o) => ({ to: o.to, p: o.p / total })) : [];
  };
  const moves = new Map(members.map((s) => [s, step(s)]));
  // h(s): the chance to reach the entry before leaving, from s; value iteration converges from below
  const h = new Map(members.map((s) => [s, 0]));
  const through = (s: number) => moves.get(s)!.reduce((sum, { to, p }) => sum + p * (to === entry ? 1 : inLoop.has(to) ? h.get(to)! : 0), 0);
  for (let round = 0; round < 500; round++) {
    let change = 0;
    for (const s of members) {
      if (s === entry) continue;
      const next = through(s);
      change = Math.max(change, Math.abs(next - h.get(s)!));
      h.set(s, next);
    }
    if (change < 1e-12) break;
  }
  return through(entry);
}

/** `loop-many-rounds`: a loop a household can go round many times before the path goes on (a note). */
export const loopManyRounds = defineRule({
  meta: {
    code: 'loop-many-rounds',
    severity: 'info',
    category: 'structure',
    docs: { description: 'A loop of steps that a household goes round many times on average before the path goes on.', url: ruleDocsUrl('loop-many-rounds') },
    messages: {
      default: {
        message: {
          en: 'Steps {{list}} form a loop that a household goes round {{rounds}} times on average (by the weights, from "{{entry}}"){{noTime}}.',
          nl: 'Stappen {{list}} vormen een lus waar een huishouden gemiddeld {{rounds}} keer doorheen gaat (volgens de gewichten, vanaf "{{entry}}"){{noTimeNl}}.',
        },
        hint: {
          en: 'If that is not meant, give the way out of the loop more weight, add a condition or a delay ("after"), or end the loop after a number of contacts with steps of their own.',
          nl: 'Als dat niet de bedoeling is: geef de weg uit de lus meer gewicht, voeg een voorwaarde of een wachttijd ("after") toe, of beëindig de lus na een aantal contacten met eigen stappen.',
        },
      },
    },
  },
  check({ graph, report }) {
    const { components, cyclic, componentOf } = stronglyConnected(graph);
    const exits = graph.reachesOutcome();
    const reachable = graph.reachable();
    const delays = graph.delays();
    // where households enter each loop: the first step with a live transition into it from outside
    const entryOf = new Map<number, number>();
    if (graph.initial >= 0) entryOf.set(componentOf[graph.initial]!, graph.initial);
    for (let e = 0; e < graph.edgeCount; e++) {
      const to = graph.edgeTarget[e]!;
      if (!graph.edgeLive[e] || to < 0 || componentOf[graph.edgeSource[e]!] === componentOf[to]) continue;
      const c = componentOf[to]!;
      if (!entryOf.has(c) || to < entryOf.get(c)!) entryOf.set(c, to);
    }
    components.forEach((members, c) => {
      // a loop without a way out is cycle-without-exit's finding; a loop a household goes round is small
      if (!cyclic[c] || members.length > MAX_LOOP_STEPS || !exits[members[0]!] || !members.some((m) => reachable[m])) return;
      const sorted = [...members].sort((a, b) => a - b);
      const entry = entryOf.get(c) ?? sorted[0]!;
      const r = returnChance(graph, members, entry);
      // to a tenth, so that 2/3 comes out as 3 rounds, not 2.9999…
      const rounds = r < 1 ? Math.round(10 / (1 - r)) / 10 : Infinity;
      if (rounds < MANY_ROUNDS || !Number.isFinite(rounds)) return;
      const timeless = sorted.every((s) => {
        for (let e = graph.edgeStart[s]!; e < graph.edgeStart[s + 1]!; e++) if (componentOf[graph.edgeTarget[e]!] === c && delays[e]! > 0) return false;
        return true;
      });
      const steps = sorted.map((m) => graph.ids[m]!);
      report({
        pointer: stepPointer(graph, entry),
        params: {
          steps,
          list: listIds(steps),
          entry: graph.ids[entry]!,
          rounds,
          noTime: timeless ? ', without any time passing' : '',
          noTimeNl: timeless ? ', zonder dat er tijd verstrijkt' : '',
        },
      });
    });
  },
});

