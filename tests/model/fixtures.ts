import type { CarePathInput } from '../../src/model/index.js';

/** The smallest valid care path: one outcome step. */
export function minimalPath(): CarePathInput {
  return {
    schemaVersion: 1,
    id: 'test/minimal',
    version: '1.0.0',
    title: { nl: 'Minimaal' },
    initial: 'klaar',
    steps: { klaar: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'Klaar' } } },
  };
}

/** A path with two actors, a screening with a conditional handoff, and an outcome. */
export function smallPath(): CarePathInput {
  return {
    schemaVersion: 1,
    id: 'test/small',
    version: '1.0.0',
    title: { nl: 'Klein', en: 'Small' },
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
        window: { from: { gw: 6 }, to: { gw: 10 } },
        transitions: [{ to: 'screening' }],
      },
      screening: {
        kind: 'screening',
        phase: 'pregnancy',
        actor: 'verloskundige',
        label: { nl: 'Signalering' },
        window: { from: { gw: 8 }, to: { gw: 12 } },
        transitions: [
          { to: 'support', on: 'RISK_SIGNALLED', when: { hasRisk: 'debts' }, handoff: 'warm', after: 7 },
          { to: 'klaar', weight: 0.8 },
        ],
      },
      support: {
        kind: 'intervention',
        phase: 'pregnancy',
        actor: 'wijkteam',
        label: { nl: 'Steun' },
        window: { from: { gw: 14 }, to: { gw: 30 } },
        transitions: [{ to: 'klaar' }],
      },
      klaar: { kind: 'outcome', phase: 'postpartum', label: { nl: 'Klaar' } },
    },
  };
}
