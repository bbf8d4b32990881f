import type { Lang, Severity } from '../diagnostics/index.js';
import type { CarePath, Condition, Intervention, Menukaart, Population } from '../model/index.js';
import type { RuleSetting } from './rule.js';

/** A validation config: per-rule settings, as in `zorgpaden.config.json`. */
export interface ValidateConfig {
  rules?: Record<string, RuleSetting>;
}

/** What `validatePath` and the other validators accept. */
export interface ValidateOptions {
  /** Per-rule settings; they win over `config`. */
  rules?: Record<string, RuleSetting>;
  /** A config object, e.g. from `loadValidateConfig`. */
  config?: ValidateConfig;
  /** The menukaart steps refer to: a menukaart document or its interventions by id. */
  menukaart?: Menukaart | Readonly<Record<string, Intervention>>;
  /** The language of formatted output; diagnostics always carry both. */
  lang?: Lang;
  /** `phase-uncovered`: the longest stretch without contact that is accepted, in days (default 183). */
  phaseUncoveredDays?: number;
  /** Who counts as a client in a vulnerable situation (default: a client with any risk the path names). */
  vulnerable?: Condition;
  /** The population the path is simulated with; `unknown-key` then also knows its risk, protection and attribute keys. */
  population?: Population;
}

/** Options after defaults are filled in, as rules see them. */
export interface ResolvedValidateOptions {
  lang: Lang;
  phaseUncoveredDays: number;
  /** The vulnerable-client condition, or undefined for "every client". */
  vulnerable: Condition | undefined;
  interventions: Readonly<Record<string, Intervention>> | undefined;
  population: Population | undefined;
}

/** The default of `phaseUncoveredDays`: half a year, the longest regular gap in the JGZ schedule (18 → 24 months). */
export const DEFAULT_PHASE_UNCOVERED_DAYS = 183;

/** Normalises a menukaart option to interventions by id. */
export function interventionsOf(menukaart: ValidateOptions['menukaart']): Readonly<Record<string, Intervention>> | undefined {
  if (menukaart === undefined) return undefined;
  if ('kind' in menukaart && (menukaart as Menukaart).kind === 'menukaart') return (menukaart as Menukaart).interventions;
  return menukaart as Readonly<Record<string, Intervention>>;
}

/** Every risk key a path names: declared, signalled, addressed or tested in a condition. */
export function riskKeysOf(path: CarePath, interventions?: Readonly<Record<string, Intervention>>): string[] {
  const keys = new Set<string>(Object.keys(path.risks ?? {}));
  const visit = (c: Condition | undefined): void => {
    if (!c) return;
    if (c.hasRisk) keys.add(c.hasRisk);
    c.all?.forEach(visit);
    c.any?.forEach(visit);
    visit(c.not);
  };
  for (const step of Object.values(path.steps)) {
    step.signals?.forEach((r) => keys.add(r));
    step.addresses?.forEach((r) => keys.add(r));
    for (const t of step.transitions ?? []) visit(t.when);
  }
  for (const i of Object.values(interventions ?? {})) i.addresses?.forEach((r) => keys.add(r));
  return [...keys].sort();
}

/** Fills in the defaults; the vulnerable condition defaults to "has any of the path's risks". */
export function resolveOptions(path: CarePath | undefined, options: ValidateOptions = {}): ResolvedValidateOptions {
  const own = path?.interventions;
  const given = interventionsOf(options.menukaart);
  const interventions = given || own ? { ...given, ...own } : undefined;
  let vulnerable = options.vulnerable;
  if (vulnerable === undefined && path) {
    const risks = riskKeysOf(path, interventions);
    vulnerable = risks.length > 0 ? { any: risks.map((r) => ({ hasRisk: r })) } : undefined;
  }
  return {
    lang: options.lang ?? 'en',
    phaseUncoveredDays: options.phaseUncoveredDays ?? DEFAULT_PHASE_UNCOVERED_DAYS,
    vulnerable,
    interventions,
    population: options.population,
  };
}

/** The severity a setting gives, or undefined for `off`. */
export function severityOf(setting: RuleSetting): Exclude<Severity, 'info'> | undefined {
  return setting === 'off' ? undefined : setting === 'warn' ? 'warning' : 'error';
}
