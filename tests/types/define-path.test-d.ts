import { describe, expectTypeOf, it } from 'vitest';
import { definePath, type CarePath, type EventNameOf, type StepIdOf, type TypedCarePath } from '../../src/model/index.js';

const path = definePath({
  schemaVersion: 1,
  id: 'demo',
  version: '1.0.0',
  title: { nl: 'Demo' },
  actors: {
    verloskundige: { label: { nl: 'Verloskundige' }, domain: 'medical' },
    wijkteam: { label: { nl: 'Wijkteam' }, domain: 'social' },
  },
  initial: 'intake',
  steps: {
    intake: {
      kind: 'contact',
      phase: 'pregnancy',
      actor: 'verloskundige',
      label: { nl: 'Intake' },
      transitions: [{ to: 'steun', on: 'RISK_SIGNALLED', receiver: 'wijkteam' }, { to: 'klaar' }],
    },
    steun: { kind: 'intervention', phase: 'pregnancy', actor: 'wijkteam', label: { nl: 'Steun' }, transitions: [{ to: 'klaar', on: 'DONE' }] },
    klaar: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'Klaar' } },
  },
});

describe('definePath', () => {
  it('infers step ids, actor ids and event names as literal unions', () => {
    expectTypeOf<StepIdOf<typeof path>>().toEqualTypeOf<'intake' | 'steun' | 'klaar'>();
    expectTypeOf<EventNameOf<typeof path>>().toEqualTypeOf<'RISK_SIGNALLED' | 'DONE'>();
    expectTypeOf(path.initial).toEqualTypeOf<'intake' | 'steun' | 'klaar'>();
    expectTypeOf<keyof typeof path.actors>().toEqualTypeOf<'verloskundige' | 'wijkteam'>();
    expectTypeOf(path.steps.intake.transitions[0]!.to).toEqualTypeOf<'intake' | 'steun' | 'klaar'>();
    expectTypeOf(path).toExtend<TypedCarePath<'intake' | 'steun' | 'klaar', 'verloskundige' | 'wijkteam', 'RISK_SIGNALLED' | 'DONE'>>();
  });

  it('gives a path that every function taking a CarePath accepts', () => {
    expectTypeOf(path).toExtend<CarePath>();
  });

  it('rejects a transition to a misspelt step id', () => {
    definePath({
      schemaVersion: 1,
      id: 'demo',
      version: '1.0.0',
      title: { nl: 'Demo' },
      actors: {},
      initial: 'intake',
      steps: {
        // @ts-expect-error "klaaar" is not a step of this path
        intake: { kind: 'contact', phase: 'pregnancy', label: { nl: 'Intake' }, transitions: [{ to: 'klaaar' }] },
        klaar: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'Klaar' } },
      },
    });
  });

  it('rejects an unknown actor', () => {
    definePath({
      schemaVersion: 1,
      id: 'demo',
      version: '1.0.0',
      title: { nl: 'Demo' },
      actors: { verloskundige: { label: { nl: 'Verloskundige' }, domain: 'medical' } },
      initial: 'intake',
      steps: {
        // @ts-expect-error "jgz" is not an actor of this path
        intake: { kind: 'contact', phase: 'pregnancy', actor: 'jgz', label: { nl: 'Intake' }, transitions: [{ to: 'klaar' }] },
        klaar: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'Klaar' } },
      },
    });
  });

  it('rejects an unknown receiver of a transition', () => {
    definePath({
      schemaVersion: 1,
      id: 'demo',
      version: '1.0.0',
      title: { nl: 'Demo' },
      actors: { verloskundige: { label: { nl: 'Verloskundige' }, domain: 'medical' } },
      initial: 'intake',
      steps: {
        // @ts-expect-error "wijkteam" is not an actor of this path
        intake: { kind: 'contact', phase: 'pregnancy', label: { nl: 'Intake' }, transitions: [{ to: 'klaar', receiver: 'wijkteam' }] },
        klaar: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'Klaar' } },
      },
    });
  });

  it('types conditions: a number is not a condition', () => {
    definePath({
      schemaVersion: 1,
      id: 'demo',
      version: '1.0.0',
      title: { nl: 'Demo' },
      actors: {},
      initial: 'intake',
      steps: {
        intake: {
          kind: 'contact',
          phase: 'pregnancy',
          label: { nl: 'Intake' },
          // @ts-expect-error a condition is an object such as { hasRisk: "debts" }
          transitions: [{ to: 'klaar', when: 42 }, { to: 'klaar', when: { all: [{ hasRisk: 'debts' }, { attr: 'age', lt: 20 }] } }],
        },
        klaar: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'Klaar' } },
      },
    });
  });

  it('rejects an initial step that is not a step', () => {
    definePath({
      schemaVersion: 1,
      id: 'demo',
      version: '1.0.0',
      title: { nl: 'Demo' },
      actors: {},
      // @ts-expect-error "intak" names no step
      initial: 'intak',
      steps: {
        intake: { kind: 'contact', phase: 'pregnancy', label: { nl: 'Intake' }, transitions: [{ to: 'klaar' }] },
        klaar: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'Klaar' } },
      },
    });
  });

  it('accepts a valid path without actors and keeps the step kinds typed', () => {
    const minimal = definePath({
      schemaVersion: 1,
      id: 'm',
      version: '1.0.0',
      title: { nl: 'M' },
      actors: {},
      initial: 'klaar',
      steps: { klaar: { kind: 'outcome', phase: 'postpartum', label: { nl: 'Klaar' } } },
    });
    expectTypeOf<StepIdOf<typeof minimal>>().toEqualTypeOf<'klaar'>();
    expectTypeOf(minimal.steps.klaar.kind).toEqualTypeOf<'contact' | 'screening' | 'decision' | 'intervention' | 'handoff' | 'wait' | 'outcome'>();
  });
});
