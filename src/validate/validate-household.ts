import { argumentError, hasErrors, locateDiagnostics, parsePointer, sortDiagnostics, sourceOf, toPointer, type Diagnostic } from '../diagnostics/index.js';
import { checkHouseholdReferences, HouseholdPathSchema, safeParseData, type CarePath, type HouseholdPath, type Step } from '../model/index.js';
import { resolveOptions, severityOf, type ValidateOptions } from './options.js';
import { RULE_CODES } from './rule.js';
import { RULES } from './rules/index.js';
import { runRules } from './run-rules.js';
import { PathGraph } from './graph.js';
import { ruleSettings, type ValidationResult } from './validate-path.js';

// version 1 rules that look at the household as a whole; per track they would misjudge it (a track
// entered by several referrals, a phase covered by another track, support given in another track),
// and references are checked once for the whole household
const HOUSEHOLD_WIDE = new Set(['unreachable-step', 'phase-uncovered', 'risk-without-intervention', 'risk-not-in-population', 'unknown-target', 'unknown-actor', 'unknown-intervention', 'missing-source']);

// what a household reaches, and the sources of its facts, leave the tracks well formed: as in version 1,
// where every rule runs beside unreachable-step, these findings do not keep the per-track rules from running
const NOT_STRUCTURAL = new Set(['unreachable-step', 'phase-uncovered', 'risk-without-intervention', 'missing-source']);

/** One track as a version 1 path: its own steps, starting at its initial step or its first referral target. */
function trackView(path: HouseholdPath, trackId: string): CarePath | undefined {
  const steps: Record<string, Step> = {};
  for (const [id, step] of Object.entries(path.steps)) {
    if (step.track !== trackId) continue;
    const { track: _track, refers: _refers, emits: _emits, detects, ...rest } = step;
    steps[id] = { ...rest, ...(detects && step.kind === 'screening' ? { signals: Object.keys(detects) } : {}) };
  }
  const referred = Object.values(path.steps).flatMap((s) => (s.refers ?? []).map((r) => r.to)).find((to) => Object.hasOwn(steps, to));
  const initial = path.tracks[trackId]?.initial ?? referred;
  if (initial === undefined || !Object.hasOwn(steps, initial)) return undefined;
  const { schemaVersion: _v, members: _m, tracks: _t, attributes: _a, steps: _s, risks, protections, ...kept } = path;
  const strip = (table: HouseholdPath['risks']) => table && Object.fromEntries(Object.entries(table).map(([k, { member: _member, ...f }]) => [k, f]));
  return { ...kept, schemaVersion: 1, initial, steps, ...(risks ? { risks: strip(risks)! } : {}), ...(protections ? { protections: strip(protections)! } : {}) };
}

/**
 * A track view lists a step's detected risks as version 1's `signals`; a finding there points at
 * the risk's key under `detects` in the file the user wrote.
 */
function inHousehold(path: HouseholdPath, pointer: string): string {
  const [steps, id, field, index] = parsePointer(pointer);
  if (steps !== 'steps' || id === undefined || field !== 'signals' || index === undefined) return pointer;
  const key = Object.keys(path.steps[id]?.detects ?? {})[Number(index)];
  return key === undefined ? pointer : toPointer(['steps', id, 'detects', key, ...parsePointer(pointer).slice(4)]);
}

/**
 * Validates a household path (format version 2): its references and tracks, the household rules
 * (signalling, referrals, events), and the version 1 rules on each track. Findings are sorted and,
 * for a loaded path, carry file, line and column.
 *
 * @example
 * const { ok, diagnostics } = validateHouseholdPath(await loadHouseholdPath('gezin.json'));
 */
export function validateHouseholdPath(path: HouseholdPath, options: ValidateOptions = {}): ValidationResult {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw argumentError('validateHouseholdPath', 'options', { en: 'an object', nl: 'een object' }, options);
  const { settings, diagnostics: settingProblems } = ruleSettings(options);
  const shaped = safeParseData(HouseholdPathSchema, path);
  if (!shaped.ok) return { ok: false, diagnostics: [...shaped.diagnostics, ...settingProblems] };
  const resolved = resolveOptions(undefined, options);
  const interventions = resolved.interventions || path.interventions ? { ...resolved.interventions, ...path.interventions } : undefined;
  const withInterventions = { ...resolved, interventions };
  const found: Diagnostic[] = [];
  // references that are no rule always count; those that are rules follow their settings
  for (const d of checkHouseholdReferences(path, interventions ? { interventions } : {})) {
    if (!(RULE_CODES as readonly string[]).includes(d.code)) found.push(d);
    else if (d.code.startsWith('unknown-') && d.code !== 'unknown-track') {
      const setting = settings[d.code];
      const severity = setting === undefined ? d.severity : severityOf(setting);
      if (severity !== undefined) found.push({ ...d, severity });
    }
  }
  found.push(...runRules({ rules: RULES, document: { kind: 'household', value: path }, options: withInterventions, settings }));
  // an error in the references or the tracks would make the per-track findings misleading
  if (!hasErrors(found.filter((d) => !NOT_STRUCTURAL.has(d.code)))) {
    const seen = new Set<string>();
    for (const trackId of Object.keys(path.tracks)) {
      const view = trackView(path, trackId);
      if (!view) continue;
      const rules = RULES.filter((r) => !HOUSEHOLD_WIDE.has(r.meta.code));
      const perTrack = runRules({ rules, document: { kind: 'carepath', value: view }, options: { ...resolveOptions(view, options), interventions }, settings, graph: new PathGraph(view) });
      for (const d of perTrack) {
        const key = `${d.code} ${d.pointer}`;
        if (seen.has(key)) continue;
        seen.add(key);
        found.push({ ...d, pointer: inHousehold(path, d.pointer) });
      }
    }
  }
  const diagnostics = [...sortDiagnostics(locateDiagnostics(found, sourceOf(path))), ...settingProblems];
  return { ok: !hasErrors(diagnostics), diagnostics };
}
