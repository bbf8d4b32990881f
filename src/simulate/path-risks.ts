import { requireCarePath, risksIn, type CarePath, type Menukaart } from '../model/index.js';

/**
 * The risk factor keys a path itself is about: what its screenings `signals`, what its steps
 * `addresses` (and, given the menukaart, what the interventions its steps name address), and every
 * `hasRisk` in a transition's `when`. Sorted; empty when the path mentions no risk.
 *
 * @example
 * summarize(result, { lang: 'en', risks: risksOfPath(path) }); // unmet need only for these risks
 */
export function risksOfPath(path: CarePath, menukaart?: Menukaart): string[] {
  requireCarePath('risksOfPath', 'path', path);
  const risks = new Set<string>();
  for (const step of Object.values(path.steps)) {
    for (const risk of step.signals ?? []) risks.add(risk);
    for (const risk of step.addresses ?? []) risks.add(risk);
    const entry = step.intervention !== undefined ? menukaart?.interventions[step.intervention] : undefined;
    for (const risk of entry?.addresses ?? []) risks.add(risk);
    for (const transition of step.transitions) risksIn(transition.when, risks);
  }
  return [...risks].sort();
}
