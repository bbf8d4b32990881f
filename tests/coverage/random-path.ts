import fc from 'fast-check';
import { enabledTransitions, safeParseCarePathData, viewClient, type CarePath, type Client, type Condition } from '../../src/model/index.js';

const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.constantFrom<Condition>({ hasRisk: 'r1' }, { hasRisk: 'r2' }, { hasProtection: 'p1' }),
  fc.constantFrom<Condition>({ attr: 'age', lt: 18 }, { attr: 'age', gte: 30 }, { attr: 'age', gte: 18, lt: 30 }, { attr: 'flag', eq: true }, { attr: 'flag', exists: false }, { attr: 'age', in: [10, 40] }),
);

/** Small conditions over the risks r1, r2, the protection p1 and the attributes age and flag. */
export const conditionArb: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('c'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie('c').map((not) => ({ not })),
  ),
})).c;

/** Every client of the small universe the conditions speak about (144 clients: one in every region the conditions tell apart). */
export function allClients(): Client[] {
  const clients: Client[] = [];
  for (const risks of [[], ['r1'], ['r2'], ['r1', 'r2']])
    for (const protections of [[], ['p1']])
      for (const age of [undefined, 10, 17, 20, 31, 40])
        for (const flag of [undefined, true, false]) {
          const attributes: Client['attributes'] = {};
          if (age !== undefined) attributes['age'] = age;
          if (flag !== undefined) attributes['flag'] = flag;
          clients.push({ risks, protections, attributes });
        }
  return clients;
}

const windowArb = fc.option(
  fc.record({ from: fc.constantFrom(-100, -50, 0, 20), span: fc.constantFrom(10, 40, 200) }).map(({ from, span }) => ({ from: { day: from }, to: { day: from + span } })),
  { nil: undefined },
);

/** Random valid paths of 3–7 steps, with cycles, events, conditions, delays and windows. */
export const randomPathArb: fc.Arbitrary<CarePath> = fc.integer({ min: 3, max: 7 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? `s${i}` : `deel/s.${i}`));
  const outcomes = n > 4 ? 2 : 1;
  const transition = fc.record({
    to: fc.constantFrom(...ids),
    on: fc.option(fc.constantFrom('A', 'B'), { nil: undefined }),
    when: fc.option(conditionArb, { nil: undefined, freq: 2 }),
    after: fc.option(fc.constantFrom(7, 30), { nil: undefined }),
  });
  const step = (i: number) =>
    i >= n - outcomes
      ? fc.constant({ kind: 'outcome', phase: 'postpartum', label: { nl: ids[i]! } })
      : fc.record({ window: windowArb, transitions: fc.array(transition, { minLength: 1, maxLength: 3 }) }).map(({ window, transitions }) => ({
          kind: 'contact',
          phase: 'pregnancy',
          label: { nl: ids[i]! },
          // a finite window end keeps the journeys' days bounded
          window: window ?? { to: { day: 300 } },
          transitions: transitions.map((t) => Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined))),
        }));
  return fc.tuple(...ids.map((_, i) => step(i))).map((steps) => {
    const data = { schemaVersion: 1, id: 'random', version: '1.0.0', title: { nl: 'Willekeurig' }, initial: ids[0], steps: Object.fromEntries(ids.map((id, i) => [id, steps[i]])) };
    const parsed = safeParseCarePathData(data);
    if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join('; '));
    return parsed.value;
  });
});

/**
 * The oracle: by brute force over every client of the universe and every (step, day) a journey can
 * be in, the transitions some client can take and the fewest transitions to reach each step.
 */
export function bruteForce(path: CarePath, start: number): { transitions: Set<string>; depth: Map<string, number> } {
  const transitions = new Set<string>();
  const depth = new Map<string, number>([[path.initial, 0]]);
  for (const client of allClients()) {
    const view = viewClient(client);
    const seen = new Set<string>();
    let frontier = [{ step: path.initial, day: start }];
    for (let d = 1; frontier.length > 0; d++) {
      const next: typeof frontier = [];
      for (const { step, day } of frontier) {
        for (const index of enabledTransitions(path, step, view, day)) {
          const t = path.steps[step]!.transitions[index]!;
          transitions.add(`${step}#${index}`);
          if (!depth.has(t.to) || depth.get(t.to)! > d) depth.set(t.to, d);
          const target = path.steps[t.to]!;
          const from = target.window?.from?.day ?? -Infinity;
          const arrival = Math.max(day + (t.after ?? 0), from);
          const key = `${t.to}@${arrival}`;
          if (!seen.has(key)) {
            seen.add(key);
            next.push({ step: t.to, day: arrival });
          }
        }
      }
      frontier = next;
    }
  }
  return { transitions, depth };
}
