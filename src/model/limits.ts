/**
 * Hard limits on content, so that a hostile or mistaken file gets a clear diagnostic
 * instead of exhausting memory or time. Each can be raised or lowered per call where the API takes
 * `limits`, except `maxLabelLength` and `maxCohort`, which are fixed (docs/reference/limits.md).
 */
export const LIMITS = {
  /** Largest file the loader reads, in bytes (32 MiB: a 100,000-step path fits). */
  maxFileBytes: 32 * 1024 * 1024,
  /** Most steps in one path, after includes are resolved. */
  maxSteps: 200_000,
  /** Deepest chain of includes (a path including a path including …). */
  maxIncludeDepth: 16,
  /** Deepest nesting of `all` / `any` / `not` in one condition. */
  maxConditionDepth: 32,
  /** Longest label text, in characters (descriptions: five times as long). Fixed. */
  maxLabelLength: 2_000,
  /** Most clients in one simulated cohort. Fixed. */
  maxCohort: 20_000_000,
  /** Most YAML alias expansions in one file (guards against "billion laughs"). */
  maxYamlAliasCount: 1_000,
} as const;

/** The limits a caller may override. */
export type Limits = { -readonly [K in keyof typeof LIMITS]: number };

/** The message of the label length checks (label.ts); schema-issues.ts turns it into `label-too-long`. */
export const TOO_LONG = 'Text is longer than the limit.';
