import { startDay, weightOf, windowDays, type CarePath, type Condition, type Population } from '../../src/model/index.js';
import { clientStream, STREAM, uniform } from '../../src/simulate/random.js';

/**
 * The baseline: a loop written by hand for paths whose conditions are `hasRisk`, `not` and `all`
 * of those, with the client's risks as a bit mask. It counts visits and transitions only, and
 * draws clients and choices from the same random streams as `simulate`.
 */
export function baselineLoop(path: CarePath, population: Population, cohort: number, seed: number): { visits: Float64Array; transitions: Float64Array } {
  const ids = Object.keys(path.steps);
  const index = new Map(ids.map((id, i) => [id, i]));
  const risks = Object.keys(population.risks);
  const prevalence = Float64Array.from(risks, (r) => population.risks[r]!.prevalence);
  const S = ids.length;
  const first = new Int32Array(S + 1);
  const all = ids.flatMap((id) => path.steps[id]!.transitions);
  ids.forEach((id, s) => (first[s + 1] = first[s]! + path.steps[id]!.transitions.length));
  const target = Int32Array.from(all, (t) => index.get(t.to)!);
  const after = Int32Array.from(all, (t) => t.after ?? 0);
  const weight = Float64Array.from(all, weightOf);
  const latest = Float64Array.from(all, (t) => windowDays(path.steps[t.to]!.window).to - (t.after ?? 0));
  const from = Float64Array.from(all, (t) => windowDays(path.steps[t.to]!.window).from);
  // a condition as two masks: every bit of `need` set, no bit of `forbid` set
  const masks = (c: Condition | undefined, need = 0, forbid = 0): [number, number] => {
    if (!c) return [need, forbid];
    if (c.hasRisk) return [need | (1 << risks.indexOf(c.hasRisk)), forbid];
    if (c.not?.hasRisk) return [need, forbid | (1 << risks.indexOf(c.not.hasRisk))];
    return (c.all ?? []).reduce<[number, number]>((m, part) => masks(part, m[0], m[1]), [need, forbid]);
  };
  const need = Int32Array.from(all, (t) => masks(t.when)[0]);
  const forbid = Int32Array.from(all, (t) => masks(t.when)[1]);
  const outcome = Uint8Array.from(ids, (id) => (path.steps[id]!.kind === 'outcome' ? 1 : 0));
  const visits = new Float64Array(S);
  const transitions = new Float64Array(all.length);
  const enabled = new Int32Array(16);
  const initial = index.get(path.initial)!;
  const day0 = startDay(path);
  for (let i = 0; i < cohort; i++) {
    const crng = clientStream(seed, i, STREAM.client);
    let bits = 0;
    for (let r = 0; r < prevalence.length; r++) if (uniform(crng) < prevalence[r]!) bits |= 1 << r;
    const rng = clientStream(seed, i, STREAM.journey);
    let s = initial;
    let day = day0;
    for (let count = 1; outcome[s] === 0 && count < 10_000; count++) {
      visits[s]!++;
      let n = 0;
      let total = 0;
      for (let t = first[s]!; t < first[s + 1]!; t++) {
        if (weight[t]! > 0 && day <= latest[t]! && (bits & need[t]!) === need[t]! && (bits & forbid[t]!) === 0) {
          enabled[n++] = t;
          total += weight[t]!;
        }
      }
      if (n === 0) break;
      let chosen = enabled[n - 1]!;
      if (n > 1) {
        const u = uniform(rng) * total;
        let cumulative = 0;
        for (let k = 0; k < n; k++) {
          cumulative += weight[enabled[k]!]!;
          if (u < cumulative) {
            chosen = enabled[k]!;
            break;
          }
        }
      }
      transitions[chosen]!++;
      day = Math.max(day + after[chosen]!, from[chosen]!);
      s = target[chosen]!;
    }
    if (outcome[s] === 1) visits[s]!++;
  }
  return { visits, transitions };
}
