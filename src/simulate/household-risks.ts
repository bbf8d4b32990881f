import { risksIn, type HouseholdPath, type Menukaart } from '../model/index.js';

/**
 * The risk factor keys a household path itself is about: its own `risks` table, what its steps
 * `detects` and `addresses` (and, given the menukaart, what the interventions its steps name
 * address), and every risk in a transition's or referral's `when`. Sorted.
 */
export function risksOfHousehold(path: HouseholdPath, menukaart?: Menukaart): string[] {
  const risks = new Set<string>(Object.keys(path.risks ?? {}));
  for (const step of Object.values(path.steps)) {
    for (const risk of Object.keys(step.detects ?? {})) risks.add(risk);
    for (const risk of step.addresses ?? []) risks.add(risk);
    const entry = step.intervention !== undefined ? menukaart?.interventions[step.intervention] : undefined;
    for (const risk of entry?.addresses ?? []) risks.add(risk);
    for (const transition of step.transitions) risksIn(transition.when, risks);
    for (const referral of step.refers ?? []) risksIn(referral.when, risks);
  }
  return [...risks].sort();
}
