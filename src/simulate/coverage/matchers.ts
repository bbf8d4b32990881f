import type { CoverageReport } from './coverage.js';

/** What a custom matcher returns (the shape vitest and jest expect). */
export interface MatcherResult {
  pass: boolean;
  message: () => string;
}

const percent = (r: number) => `${(r * 100).toFixed(1)}%`;
const list = (items: string[]) => (items.length > 8 ? `${items.slice(0, 8).join(', ')}, … (${items.length} in all)` : items.join(', '));

function isReport(value: unknown): value is CoverageReport {
  const v = value as CoverageReport | null;
  return typeof v === 'object' && v !== null && typeof v.steps?.ratio === 'number' && typeof v.transitions?.ratio === 'number';
}

function notAReport(name: string): MatcherResult {
  return { pass: false, message: () => `${name} expects the result of coverage(path, journeys).` };
}

/**
 * Matchers for a test runner's `expect.extend` (vitest or jest), over a `coverage()` report:
 * `toCoverAllSteps()`, `toCoverAllTransitions()` and `toHaveCoverageAtLeast(ratio, kind?)`.
 * They do not import any test runner.
 *
 * @example
 * import { expect } from 'vitest';
 * expect.extend(coverageMatchers);
 * expect(coverage(path, journeys)).toCoverAllTransitions();
 */
export const coverageMatchers = {
  toCoverAllSteps(received: unknown): MatcherResult {
    if (!isReport(received)) return notAReport('toCoverAllSteps');
    const { missed, covered, total } = received.steps;
    return {
      pass: missed.length === 0,
      message: () => (missed.length === 0 ? `expected some step to be missed, but all ${total} were visited` : `expected every step to be visited, but ${total - covered} of ${total} were not: ${list(missed)}`),
    };
  },
  toCoverAllTransitions(received: unknown): MatcherResult {
    if (!isReport(received)) return notAReport('toCoverAllTransitions');
    const { missed, covered, total } = received.transitions;
    const names = missed.map((t) => `${t.from}[${t.index}] → ${t.to}`);
    return {
      pass: missed.length === 0,
      message: () => (missed.length === 0 ? `expected some transition to be missed, but all ${total} were taken` : `expected every transition to be taken, but ${total - covered} of ${total} were not: ${list(names)}`),
    };
  },
  toHaveCoverageAtLeast(received: unknown, minimum: number, kind: 'steps' | 'transitions' | 'both' = 'both'): MatcherResult {
    if (!isReport(received)) return notAReport('toHaveCoverageAtLeast');
    const kinds = kind === 'both' ? (['steps', 'transitions'] as const) : [kind];
    const low = kinds.filter((k) => received[k].ratio < minimum);
    return {
      pass: low.length === 0,
      message: () =>
        low.length === 0
          ? `expected ${kinds.join(' or ')} coverage below ${percent(minimum)}, but it was ${kinds.map((k) => `${k} ${percent(received[k].ratio)}`).join(', ')}`
          : `expected at least ${percent(minimum)} coverage, but ${low.map((k) => `${k} coverage was ${percent(received[k].ratio)}`).join(' and ')}`,
    };
  },
};

/** The matcher methods, for augmenting your runner's `Assertion` type (see docs/api/coverage.md). */
export interface CoverageMatchers<R = unknown> {
  toCoverAllSteps(): R;
  toCoverAllTransitions(): R;
  toHaveCoverageAtLeast(minimum: number, kind?: 'steps' | 'transitions' | 'both'): R;
}
