import { describe, expect, it } from 'vitest';
import { isZorgpadenError, type ZorgpadenError } from '../../src/diagnostics/index.js';
import { definePath } from '../../src/model/index.js';

const base = {
  schemaVersion: 1 as const,
  id: 'demo',
  version: '1.0.0',
  title: { nl: 'Demo' },
  actors: { verloskundige: { label: { nl: 'Verloskundige' }, domain: 'medical' as const } },
  initial: 'intake',
} as const;

function thrownBy(run: () => unknown): ZorgpadenError {
  try {
    run();
  } catch (error) {
    if (isZorgpadenError(error)) return error;
    throw error;
  }
  throw new Error('expected a ZorgpadenError');
}

describe('definePath at run time', () => {
  it('returns the parsed path with defaults filled in', () => {
    const path = definePath({
      ...base,
      steps: {
        intake: { kind: 'contact', phase: 'pregnancy', actor: 'verloskundige', label: { nl: 'Intake' }, transitions: [{ to: 'klaar', on: 'DONE' }] },
        klaar: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'Klaar' } },
      },
    });
    expect(path.steps.klaar.transitions).toEqual([]);
    expect(path.steps.intake.transitions[0]).toEqual({ to: 'klaar', on: 'DONE' });
  });

  it('throws a ZorgpadenError with diagnostics for a path that is only wrong at run time', () => {
    const error = thrownBy(() =>
      definePath({
        ...base,
        steps: {
          intake: { kind: 'contact', phase: 'pregnancy', label: { nl: 'In\u0007take' }, transitions: [{ to: 'klaar', on: 'RISK-SIGNALLED' }] },
          klaar: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'Klaar' }, window: { from: { gw: 12, day: 3 } } },
        },
      }),
    );
    expect(error.diagnostics.map((d) => [d.code, d.pointer])).toEqual([
      ['label-control-character', '/steps/intake/label/nl'],
      ['invalid-value', '/steps/intake/transitions/0/on'],
      ['invalid-time', '/steps/klaar/window/from'],
    ]);
    expect(error.diagnostics[0]!.params.char).toBe('U+0007');
    expect(error.message).toContain('Path "demo" is not valid.');
    expect(error.message).toContain('label-control-character');
  });

  it('reports reference problems that slip past the types (an outcome with transitions)', () => {
    const error = thrownBy(() =>
      definePath({
        ...base,
        steps: {
          intake: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'Intake' }, transitions: [{ to: 'intake' }] },
        },
      }),
    );
    expect(error.diagnostics).toEqual([expect.objectContaining({ code: 'outcome-with-transitions', pointer: '/steps/intake/transitions' })]);
  });
});
