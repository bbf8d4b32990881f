/*
 * 04 — Simulate a cohort and compare two scenarios.
 * Simulates 20,000 journeys through the national 1000-day path with the shipped default
 * population, then asks "what if the social team referred families with debts to debt counselling
 * more often?" Both scenarios run on the SAME clients with the same random streams, so the
 * difference comes with a narrow paired 95% interval. Run: node --import tsx examples/04-simulate-and-compare.ts
 */
import { fileURLToPath } from 'node:url';
import { compareSimulations, defaultPopulation, editPath, simulateScenarios, summarize } from 'zorgpaden';
import { loadPath, simulate, simulateWithIndicators } from 'zorgpaden/node';

// the content shipped in the package, found wherever zorgpaden is installed
const shipped = (file: string) => fileURLToPath(import.meta.resolve(`zorgpaden/paths/${file}`));

const national = await loadPath(shipped('national/eerste-1000-dagen.json'));
const options = { population: defaultPopulation(), cohort: 20_000, seed: 1 };

// one cohort: the same seed gives the same result on any machine
const result = await simulate(national, options);
console.log(summarize(result, { lang: 'en', top: 3 }).split('\n')[0]);
const before = result.unmetNeed['debts']!;
console.log(`unmet need for debts: ${before.unmet} of ${before.withRisk} clients with debts`);

// scenario B: the referral wijkteam-intake -> schuldhulpverlening weighs 3 instead of 0.8
const moreReferrals = editPath(national, (draft) => {
  const referral = draft.steps['zwangerschap/wijkteam-intake']!.transitions.find((t) => t.to === 'zwangerschap/schuldhulpverlening')!;
  referral.weight = 3;
}).path;

const { comparison } = await simulateScenarios(national, moreReferrals, options);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const show = (key: string) => {
  const d = comparison.differences.find((x) => x.key === key)!;
  console.log(`${key}: ${pct(d.a)} -> ${pct(d.b)} (difference ${pct(d.difference)}, 95% CI ${pct(d.ci95[0])} .. ${pct(d.ci95[1])}, significant: ${d.significant})`);
};
console.log(`compared ${comparison.cohort} clients (seed ${comparison.seed})`);
show('reach:zwangerschap/schuldhulpverlening');
show('unmet:debts');

// the same comparison by hand: two runs with per-client indicators
const a = await simulateWithIndicators(national, options);
const b = await simulateWithIndicators(moreReferrals, options);
console.log(`compareSimulations gives the same differences: ${JSON.stringify(compareSimulations(a, b)) === JSON.stringify(comparison)}`);
