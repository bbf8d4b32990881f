/**
 * zorgpaden: care paths and client journeys of Kansrijke Start as typed state machines.
 *
 * The main entry is the curated front door and runs anywhere JavaScript runs (Node, browsers,
 * workers): parsing text, validation, editing, machines and journeys, simulation in the calling
 * thread, coverage and Mermaid export. Reading files and worker threads live in `zorgpaden/node`;
 * rule authoring and diagnostic codes in `zorgpaden/rules`; the zod schemas and model constants in
 * `zorgpaden/schema`; low-level graph helpers in `zorgpaden/graph`; rendering in `zorgpaden/render`.
 * Every name here is covered by semver; `api/zorgpaden.api.md` lists them with their signatures.
 *
 * @packageDocumentation
 */

// diagnostics and errors
export { ZorgpadenError, isZorgpadenError, type ZorgpadenErrorOptions } from './diagnostics/errors.js';
export { hasErrors, type Diagnostic, type DiagnosticLocation, type Lang, type Severity } from './diagnostics/diagnostic.js';
export type { Result } from './model/result.js';
export { formatDiagnostics, type FormatOptions, type OutputFormat } from './validate/format/index.js';

// the model
export { definePath, type TypedCarePath, type TypedPathInput, type TypedStepInput, type TypedTransitionInput, type StepIdOf, type EventNameOf } from './model/define-path.js';
export { evaluateCondition, viewClient, type Condition, type Client, type ClientInput, type ClientView } from './model/condition.js';
export { toDay, describeDay, type TimePoint, type Window } from './model/time.js';
export type { CarePath, CarePathInput, Include } from './model/care-path.js';
export type { Step, StepInput, StepKind } from './model/step.js';
export type { Transition, HandoffKind } from './model/transition.js';
export type { Actor, Domain } from './model/actor.js';
export type { Phase } from './model/phase.js';
export type { Label } from './model/label.js';
export type { Intervention, Menukaart, Recognition } from './model/intervention.js';
export type { Population, PopulationInput, FactorModel, AttributeModel } from './model/population.js';
export type { AttributeValue } from './model/condition.js';
export type { Coalition, CoalitionInput, Partner } from './model/coalition.js';
export type { Route, RouteInput, RouteStep } from './model/route.js';
export type { Limits } from './model/limits.js';
export type { ReferenceOptions } from './model/references.js';

// reading text (files: zorgpaden/node)
export { safeParsePath, parsePath, safeParseDocument, parseDocument, type ParseOptions, type LoadOptions } from './load/api.js';
export type { LoadPathOptions } from './load/path-task.js';
export type { AnyDocument, DocumentKind, DocumentOfKind } from './load/documents.js';
export type { SourceFormat } from './load/read.js';
export { safeApplyCoalition, applyCoalition, type CoalitionOverlay, type OverlayChange, type OverlayOptions } from './load/overlay.js';

// editing and diffs
export { editPath, safeEditPath, applyPathPatches, undoEdit, type PathEdit, type PathRecipe, type EditOptions, type Patch } from './edit/edit.js';
export { addStep, removeStep, renameStep, retarget, setWindow, type RemoveStepOptions } from './edit/operations.js';
export { referencesTo, type StepReference } from './edit/references.js';
export { diffPaths, type PathChange, type PathChangeKind } from './edit/diff.js';
export { summarizeDiff, describeChange, type SummaryOptions, type ChangeContext, type DiffedPath } from './edit/summary.js';

// validation
export { validatePath, type ValidationResult } from './validate/validate-path.js';
export { validateDocument } from './validate/validate-document.js';
export { parseValidateConfig } from './validate/config.js';
export type { ValidateOptions, ValidateConfig } from './validate/options.js';
export type { RuleSetting } from './validate/rule.js';

// machines and journeys
export { toMachine, type JourneyMachine, type MachineOptions } from './machine/compile.js';
export { createJourney, type Journey, type JourneyOptions, type SendResult, type AvailableTransition } from './machine/journey.js';
export { migrateJourney, type JourneyMapping } from './machine/migrate.js';
export { pathHash } from './machine/path-hash.js';
export { safeToMachine, safeCreateJourney, safeMigrateJourney } from './machine/safe.js';
export { journeyGraphOptions, type JourneyGraphOptions } from './machine/graph-state.js';
export type { PersistedJourney, PersistedMachineSnapshot } from './machine/snapshot.js';
export type { JourneyContext, JourneyEntry, JourneyEvent, JourneyInput, JourneyOutput, RejectedEvent, RejectReason } from './machine/types.js';

// simulation (in this thread; worker threads: zorgpaden/node)
export { simulate, simulateSync, simulateWithIndicators, type SimulateOptions, type SimulationWithIndicators } from './simulate/simulate.js';
export { compareSimulations, simulateScenarios, type ScenarioComparison, type ScenarioDifference } from './simulate/compare.js';
export { defaultPopulation } from './simulate/default-population.js';
export { generateClients, type GenerateOptions } from './simulate/population.js';
export { traceJourney, type JourneyTrace } from './simulate/trace.js';
export { journeyOf, type InterventionReach, type SimulationResult, type SimulationTraces } from './simulate/result.js';
export { exactOutcomes, type ExactOutcomes } from './simulate/markov.js';
export { summarize, type SimulationSummaryOptions } from './simulate/summary.js';
export type { SummaryNames } from './simulate/summary-names.js';

// coverage and klantroutes
export { coverage, type CoverageInput, type CoverageReport, type TransitionRef } from './simulate/coverage/coverage.js';
export { testPaths, type TestPath, type TestPathOptions } from './simulate/coverage/test-paths.js';
export { coverageMatchers, type CoverageMatchers, type MatcherResult } from './simulate/coverage/matchers.js';
export { checkRoute, type DeviationKind, type RouteDeviation, type RouteFit, type RouteFitOptions } from './simulate/coverage/route-fit.js';

// Mermaid export
export { toMermaid, type ToMermaidOptions } from './export/mermaid/to-mermaid.js';
export { routeToMermaid, type RouteDiagramOptions } from './export/mermaid/route.js';
export { timelineToMermaid, type TimelineOptions } from './export/mermaid/gantt.js';
export { describeCondition, type ExportLang, type FactorLabels } from './export/condition-words.js';
export type { SimulationOverlay, OverlayMode } from './export/mermaid/overlay.js';
export type { GroupBy } from './export/mermaid/flowchart.js';
