import { risksIn, stepAddresses, type HouseholdPath, type Menukaart } from '../model/index.js';

/**
 * The risk factor keys a household path itself is about: its own `risks` table, what its steps
 * `detects` and address (their own `addresses`, else what the intervention they name addresses,
 * from the path's interventions or the menukaart: as the simulator counts it), and every risk in a
 * transition's or referral's `when`. Sorted.
 */
export function risksOfHousehold(path: HouseholdPath, menukaart?: Menukaart): string[] {
  const risks = new Set<string>(Object.keys(path.risks ?? {}));
  const interventions = { ...menukaart?.interventions, ...path.interventions };
  for (const step of Object.values(path.steps)) {
    for (const risk of Object.keys(step.detects ?? {})) risks.add(risk);
    for (const risk of stepAddresses(step, interventions)) risks.add(risk);
    for (const transition of step.transitions) risksIn(transition.when, risks);
    for (const referral of step.refers ?? []) risksIn(referral.when, risks);
  }
  return [...risks].sort();
}
