import { requireCarePath, risksIn, stepAddresses, type CarePath, type Menukaart } from '../model/index.js';

/**
 * The risk factor keys a path itself is about: what its screenings `signals`, what its steps
 * address (their own `addresses`, else what the intervention they name addresses, from the path's
 * interventions or the menukaart: as the simulator counts it), and every `hasRisk` in a
 * transition's `when`. Sorted; empty when the path mentions no risk.
 *
 * @example
 * summarize(result, { lang: 'en', risks: risksOfPath(path) }); // unmet need only for these risks
 */
export function risksOfPath(path: CarePath, menukaart?: Menukaart): string[] {
  requireCarePath('risksOfPath', 'path', path);
  const risks = new Set<string>();
  const interventions = { ...menukaart?.interventions, ...path.interventions };
  for (const step of Object.values(path.steps)) {
    for (const risk of step.signals ?? []) risks.add(risk);
    for (const risk of stepAddresses(step, interventions)) risks.add(risk);
    for (const transition of step.transitions) risksIn(transition.when, risks);
  }
  return [...risks].sort();
}
