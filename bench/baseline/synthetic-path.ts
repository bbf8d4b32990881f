import { PopulationSchema, safeParseCarePathData, type CarePath, type Population } from '../../src/model/index.js';

const label = (text: string) => ({ nl: text, en: text });
export const RISKS = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8'];
const PREVALENCES = [0.12, 0.08, 0.05, 0.15, 0.03, 0.1, 0.06, 0.04, 0.09];

/**
 * A synthetic 1000-day path of 40 steps: a chain of contacts through the three phases with time
 * windows; three screening steps that send clients with a risk (9 risk factors, 3 each) to one of
 * the interventions for it; a repeat visit (a cycle); drop-out and three outcomes.
 */
export function syntheticPath(): CarePath {
  const steps: Record<string, unknown> = {};
  const phases = ['preconception', 'pregnancy', 'postpartum'] as const;
  const chain: string[] = [];
  // 3 phases × 10 chain steps = 30 (3 are screenings), 9 interventions, 3 outcomes = 42 → trim to 40
  for (let p = 0; p < 3; p++) for (let k = 0; k < 9; k++) chain.push(`${phases[p]}-${k}`);
  const dayOf = (i: number) => -640 + i * 50;
  chain.forEach((id, i) => {
    const phase = phases[Math.floor(i / 9)]!;
    const next = chain[i + 1] ?? 'outcome-good';
    const screening = i % 9 === 3;
    const transitions: unknown[] = [];
    if (screening) {
      const first = Math.floor(i / 9) * 3;
      for (let r = first; r < first + 3; r++) transitions.push({ to: `support-${r}`, when: { hasRisk: RISKS[r]! }, weight: 3, handoff: r % 2 === 0 ? 'warm' : 'cold', after: 7 });
    }
    transitions.push({ to: next, weight: 10, after: 5 });
    if (i % 4 === 1) transitions.push({ to: id, weight: 2, after: 3 });
    if (i % 6 === 5) transitions.push({ to: 'outcome-lost', weight: 0.3 });
    if (i === chain.length - 1) transitions.push({ to: 'outcome-adverse', when: { all: [{ hasRisk: 'r4' }, { not: { hasRisk: 'r0' } }] }, weight: 1 });
    steps[id] = {
      kind: screening ? 'screening' : 'contact',
      phase,
      label: label(id),
      window: { from: { day: dayOf(i) }, to: { day: dayOf(i) + 120 } },
      ...(screening ? { signals: RISKS.slice(Math.floor(i / 9) * 3, Math.floor(i / 9) * 3 + 3) } : {}),
      transitions,
    };
  });
  RISKS.forEach((risk, r) => {
    const back = chain[Math.floor(r / 3) * 9 + 4]!;
    steps[`support-${r}`] = { kind: 'intervention', phase: phases[Math.floor(r / 3)]!, label: label(`support ${r}`), addresses: [risk], transitions: [{ to: back, after: 14 }] };
  });
  for (const [id, result] of [['outcome-good', 'good'], ['outcome-lost', 'neutral'], ['outcome-adverse', 'adverse']] as const) {
    steps[id] = { kind: 'outcome', phase: 'postpartum', label: label(id), result };
  }
  // 27 chain + 9 support + 3 outcomes = 39; one wait step makes 40
  steps['postpartum-8'] = { ...(steps['postpartum-8'] as object), transitions: [{ to: 'wait-end', after: 10, weight: 10 }, ...((steps['postpartum-8'] as { transitions: unknown[] }).transitions.slice(1))] };
  steps['wait-end'] = { kind: 'wait', phase: 'postpartum', label: label('wait'), transitions: [{ to: 'outcome-good' }] };
  const parsed = safeParseCarePathData({ schemaVersion: 1, id: 'bench/synthetic', version: '1.0.0', title: label('Synthetic'), initial: chain[0], steps });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics));
  return parsed.value;
}

/** The bench population: the 9 risk factors with fixed prevalences, nothing else. */
export function syntheticPopulation(): Population {
  return PopulationSchema.parse({
    schemaVersion: 1,
    kind: 'population',
    id: 'bench/population',
    version: '1.0.0',
    title: label('Bench population'),
    risks: Object.fromEntries(RISKS.map((r, i) => [r, { label: label(r), prevalence: PREVALENCES[i]! }])),
  });
}
