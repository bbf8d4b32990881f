import * as z from '../../support/everything.js';
import type { CarePath, PersistedJourney, Population } from '../../support/everything.js';

/** What a plain-JavaScript call with a wrong argument must give. */
export type ApiOutcome =
  /** A thrown (or rejected) ZorgpadenError; `code` is the code of its first diagnostic, when it carries one. */
  | { throws: { code?: string; fragments: readonly string[] } }
  /** A Result that is not ok, with a diagnostic of this code at this pointer. */
  | { result: { code: string; pointer: string } };

/** The valid documents the calls start from, loaded once by the runner. */
export interface ApiFixtures {
  path: CarePath;
  population: Population;
  snapshot: PersistedJourney;
}

/** One API call from a caller without TypeScript to protect them. */
export interface CorpusCase {
  name: string;
  call: (fx: ApiFixtures) => unknown;
  expect: ApiOutcome;
}

// the library's functions typed loosely, as a JavaScript caller sees them
const api = z as unknown as Record<string, (...args: unknown[]) => unknown>;
const call =
  (fn: string, ...args: unknown[]) =>
  () =>
    api[fn]!(...args);

const argument = (callee: string, name: string, ...fragments: string[]): ApiOutcome => ({
  throws: { code: 'invalid-argument', fragments: [`${callee}: ${name} must be`, ...fragments] },
});

export const CASES: readonly CorpusCase[] = [
  // load: file names and options
  { name: 'loadPath(123)', call: call('loadPath', 123), expect: argument('loadPath', 'file', 'non-empty text', 'the number 123') },
  { name: 'safeLoadPath(undefined)', call: call('safeLoadPath', undefined), expect: argument('safeLoadPath', 'file', 'non-empty text', 'missing') },
  { name: 'loadPath("")', call: call('loadPath', ''), expect: argument('loadPath', 'file', 'empty text') },
  { name: 'loadPath(file, 5)', call: call('loadPath', 'tests/fixtures/load/valid.json', 5), expect: argument('loadPath', 'options', 'an object', 'the number 5') },
  { name: 'loadPath(file, { limits: 5 })', call: call('loadPath', 'tests/fixtures/load/valid.json', { limits: 5 }), expect: argument('loadPath', 'options.limits', 'maxSteps', 'the number 5') },
  { name: 'loadPath(file, { limits: { maxSteps: "10" } })', call: call('loadPath', 'tests/fixtures/load/valid.json', { limits: { maxSteps: '10' } }), expect: argument('loadPath', 'options.limits.maxSteps', 'a whole number', 'the text "10"') },
  { name: 'loadPath(file, { limits: { maxStep: 10 } }) (misspelt limit)', call: call('loadPath', 'tests/fixtures/load/valid.json', { limits: { maxStep: 10 } }), expect: argument('loadPath', 'options.limits', 'unknown limit "maxStep"', 'did you mean "maxSteps"') },
  { name: 'loadPath(file, { limits: { maxSteps: -1 } })', call: call('loadPath', 'tests/fixtures/load/valid.json', { limits: { maxSteps: -1 } }), expect: argument('loadPath', 'options.limits.maxSteps', 'at least 0', 'the number -1') },
  { name: 'loadPath(file, { menukaart: 5 })', call: call('loadPath', 'tests/fixtures/load/valid.json', { menukaart: 5 }), expect: argument('loadPath', 'options.menukaart', 'a file name or a menukaart document') },
  { name: 'loadPath(file, { coalition: [] })', call: call('loadPath', 'tests/fixtures/load/valid.json', { coalition: [] }), expect: argument('loadPath', 'options.coalition', 'a list of 0 item(s)') },
  { name: 'parsePath(undefined)', call: call('parsePath', undefined), expect: argument('parsePath', 'text', 'the text of a JSON or YAML document', 'missing') },
  { name: 'safeParsePath(Buffer)', call: call('safeParsePath', Buffer.from('{}')), expect: argument('safeParsePath', 'text', 'a Buffer object') },
  { name: 'parsePath(text, { format: "xml" })', call: call('parsePath', '{}', { format: 'xml' }), expect: argument('parsePath', 'options.format', '"json" or "yaml"', 'the text "xml"') },
  { name: 'parsePath(text, { filename: 7 })', call: call('parsePath', '{}', { filename: 7 }), expect: argument('parsePath', 'options.filename', 'a file name', 'the number 7') },
  { name: 'loadPopulation(null)', call: call('loadPopulation', null), expect: argument('loadPopulation', 'file', 'null') },
  { name: 'safeLoadMenukaart(["a.json"])', call: call('safeLoadMenukaart', ['a.json']), expect: argument('safeLoadMenukaart', 'file', 'a list of 1 item(s)') },
  { name: 'loadCoalitionPath({})', call: call('loadCoalitionPath', {}), expect: argument('loadCoalitionPath', 'file', 'an object') },
  { name: 'safeLoadRoute(file, { limits: null })', call: call('safeLoadRoute', 'tests/fixtures/load/route.json', { limits: null }), expect: argument('safeLoadRoute', 'options.limits', 'null') },
  { name: 'parseDocument(text, "pad")', call: call('parseDocument', '{}', 'pad'), expect: argument('parseDocument', 'kind', '"carepath", "menukaart"', 'the text "pad"') },
  { name: 'readSource(42)', call: call('readSource', 42), expect: argument('readSource', 'text', 'the number 42') },
  { name: 'applyCoalition(path, null)', call: (fx) => api.applyCoalition!(fx.path, null), expect: argument('applyCoalition', 'coalition', 'a coalition', 'null') },
  { name: 'safeApplyCoalition(path, { kind: "route" })', call: (fx) => api.safeApplyCoalition!(fx.path, { kind: 'route' }), expect: argument('safeApplyCoalition', 'coalition', '"kind" is not "coalition"') },

  // model
  { name: 'evaluateCondition(null, client)', call: () => api.evaluateCondition!(null, z.viewClient({})), expect: argument('evaluateCondition', 'condition', 'a condition such as { hasRisk: "debts" }', 'null') },
  { name: 'evaluateCondition({ all: 5 }, client)', call: () => api.evaluateCondition!({ all: 5 }, z.viewClient({})), expect: argument('evaluateCondition', 'condition', 'a condition with a problem at /all') },
  { name: 'evaluateCondition(mixed forms, client)', call: () => api.evaluateCondition!({ hasRisk: 'debts', attr: 'age', lt: 20 }, z.viewClient({})), expect: argument('evaluateCondition', 'condition', 'mixes hasRisk and attr') },
  { name: 'evaluateCondition(condition, plain client)', call: call('evaluateCondition', { hasRisk: 'debts' }, { risks: ['debts'] }), expect: argument('evaluateCondition', 'client', 'viewClient(client)', 'an object') },
  { name: 'viewClient({ risks: "debts" })', call: call('viewClient', { risks: 'debts' }), expect: argument('viewClient', 'client.risks', 'a list of keys', 'the text "debts"') },
  { name: 'startDay(undefined)', call: call('startDay', undefined), expect: argument('startDay', 'path', 'a care path', 'missing') },
  { name: 'enabledTransitions(path, "intake", plain client, day)', call: (fx) => api.enabledTransitions!(fx.path, 'intake', { risks: [] }, 0), expect: argument('enabledTransitions', 'client', 'viewClient(client)') },
  { name: 'enabledTransitions(path, "intake", client, "day 3")', call: (fx) => api.enabledTransitions!(fx.path, 'intake', z.viewClient({}), 'day 3'), expect: argument('enabledTransitions', 'day', 'a finite number', 'the text "day 3"') },
  { name: 'checkReferences(path, null)', call: (fx) => api.checkReferences!(fx.path, null), expect: argument('checkReferences', 'options', 'an object', 'null') },
  { name: 'conditionDepth("deep")', call: call('conditionDepth', 'deep'), expect: argument('conditionDepth', 'condition', 'the text "deep"') },
  { name: 'formatOfFile(undefined)', call: call('formatOfFile', undefined), expect: argument('formatOfFile', 'filename', 'missing') },
  { name: 'viewClient("Sanne")', call: call('viewClient', 'Sanne'), expect: argument('viewClient', 'client', 'a client object', 'the text "Sanne"') },
  { name: 'checkReferences({ steps: [] })', call: call('checkReferences', { id: 'x', version: '1.0.0', initial: 'a', actors: {}, steps: [] }), expect: argument('checkReferences', 'path', 'a care path', '"steps" is not an object') },
  { name: 'toDay({})', call: call('toDay', {}), expect: argument('toDay', 'time', '{ gw: 12 }', 'without any of those units') },
  { name: 'definePath(undefined)', call: call('definePath', undefined), expect: argument('definePath', 'path', 'a care path object', 'missing') },

  // edit
  { name: 'editPath(path, 42)', call: (fx) => api.editPath!(fx.path, 42), expect: argument('editPath', 'recipe', 'a function', 'the number 42') },
  { name: 'safeEditPath(null, recipe)', call: () => api.safeEditPath!(null, () => undefined), expect: argument('safeEditPath', 'path', 'a care path', 'null') },
  { name: 'editPath(path, recipe, { limits: { maxSteps: NaN } })', call: (fx) => api.editPath!(fx.path, () => undefined, { limits: { maxSteps: NaN } }), expect: argument('editPath', 'options.limits.maxSteps', 'NaN (not a number)') },
  { name: 'renameStep(path, 5, 6)', call: (fx) => api.renameStep!(fx.path, 5, 6), expect: argument('renameStep', 'from', 'the number 5') },
  { name: 'removeStep(path, "intake", { retarget: 3 })', call: (fx) => api.removeStep!(fx.path, 'intake', { retarget: 3 }), expect: argument('removeStep', 'options.retarget', 'the number 3') },
  { name: 'diffPaths(path, undefined)', call: (fx) => api.diffPaths!(fx.path, undefined), expect: argument('diffPaths', 'b', 'a care path', 'missing') },
  { name: 'referencesTo(path, 3)', call: (fx) => api.referencesTo!(fx.path, 3), expect: argument('referencesTo', 'stepId', 'the number 3') },
  { name: 'summarizeDiff("changes")', call: call('summarizeDiff', 'changes'), expect: argument('summarizeDiff', 'changes', 'the list diffPaths returned', 'the text "changes"') },
  { name: 'applyPathPatches(path, "patch")', call: (fx) => api.applyPathPatches!(fx.path, 'patch'), expect: argument('applyPathPatches', 'patches', 'a list of patches', 'the text "patch"') },

  // machine
  { name: 'toMachine({})', call: call('toMachine', {}), expect: argument('toMachine', 'path', 'a care path', '"id" is not text') },
  { name: 'createJourney(null, client)', call: call('createJourney', null, {}), expect: argument('createJourney', 'path', 'a care path', 'null') },
  { name: 'createJourney(path, "x")', call: (fx) => api.createJourney!(fx.path, 'x'), expect: { throws: { code: 'client-invalid', fragments: ['The client is not valid: it is text, not an object.'] } } },
  { name: 'createJourney(path, { risks: "debts" })', call: (fx) => api.createJourney!(fx.path, { risks: 'debts' }), expect: { throws: { code: 'client-invalid', fragments: ['Expected a list but found text (at /risks)'] } } },
  { name: 'createJourney(path, client, 5)', call: (fx) => api.createJourney!(fx.path, {}, 5), expect: argument('createJourney', 'options', 'the number 5') },
  { name: 'createJourney(path, client, { startDay: "x" })', call: (fx) => api.createJourney!(fx.path, {}, { startDay: 'x' }), expect: argument('createJourney', 'options.startDay', 'a finite number', 'the text "x"') },
  { name: 'journey.send(null)', call: (fx) => (z.createJourney(fx.path, {}).send as (e: unknown) => unknown)(null), expect: argument('journey.send', 'event', '{ type: "NEXT" }', 'null') },
  { name: 'journey.send("NEXT")', call: (fx) => (z.createJourney(fx.path, {}).send as (e: unknown) => unknown)('NEXT'), expect: argument('journey.send', 'event', 'the text "NEXT"') },
  { name: 'journey.send({ type: 5 })', call: (fx) => (z.createJourney(fx.path, {}).send as (e: unknown) => unknown)({ type: 5 }), expect: argument('journey.send', 'event', 'without a text "type"') },
  { name: 'migrateJourney(snapshot, path, null)', call: (fx) => api.migrateJourney!(fx.snapshot, fx.path, null), expect: argument('migrateJourney', 'toPath', 'a care path', 'null') },
  { name: 'migrateJourney(snapshot, path, path, { steps: 5 })', call: (fx) => api.migrateJourney!(fx.snapshot, fx.path, fx.path, { steps: 5 }), expect: argument('migrateJourney', 'mapping.steps', 'the number 5') },
  { name: 'migrateJourney(snapshot, path, path, { steps: { intake: 5 } })', call: (fx) => api.migrateJourney!(fx.snapshot, fx.path, fx.path, { steps: { intake: 5 } }), expect: argument('migrateJourney', 'mapping.steps["intake"]', 'a step id (text) or null') },
  { name: 'createJourney(path, client, { machine: "m" })', call: (fx) => api.createJourney!(fx.path, {}, { machine: 'm' }), expect: argument('createJourney', 'options.machine', 'a machine made by toMachine(path)', 'the text "m"') },
  { name: 'toStateKey(null)', call: call('toStateKey', null), expect: argument('toStateKey', 'stepId', 'null') },
  { name: 'stateKeyMap([])', call: call('stateKeyMap', []), expect: argument('stateKeyMap', 'path', 'a list of 0 item(s)') },
  { name: 'pathHash("x")', call: call('pathHash', 'x'), expect: argument('pathHash', 'path', 'the text "x"') },

  // validate, simulate, export
  { name: 'validatePath(null)', call: call('validatePath', null), expect: { result: { code: 'not-an-object', pointer: '' } } },
  { name: 'validatePath({})', call: call('validatePath', {}), expect: { result: { code: 'missing-field', pointer: '/id' } } },
  { name: 'simulate(path, { cohort: "10" })', call: (fx) => api.simulate!(fx.path, { cohort: '10', seed: 1 }), expect: { throws: { fragments: ['simulate: cohort must be a whole number from 1 to 20000000, but it is the text "10".'] } } },
  { name: 'simulate(path, { cohort: 0 })', call: (fx) => api.simulate!(fx.path, { cohort: 0, seed: 1 }), expect: { throws: { fragments: ['simulate: cohort must be a whole number from 1 to 20000000, but it is the number 0.'] } } },
  { name: 'simulate(path, { cohort: -1 })', call: (fx) => api.simulate!(fx.path, { cohort: -1, seed: 1 }), expect: { throws: { fragments: ['cohort must be a whole number from 1 to 20000000, but it is the number -1.'] } } },
  { name: 'simulate(path, { cohort: 1.5 })', call: (fx) => api.simulate!(fx.path, { cohort: 1.5, seed: 1 }), expect: { throws: { fragments: ['but it is the number 1.5.'] } } },
  { name: 'simulate(path, { cohort: NaN })', call: (fx) => api.simulate!(fx.path, { cohort: NaN, seed: 1 }), expect: { throws: { fragments: ['but it is NaN (not a number).'] } } },
  { name: 'simulate(path, { cohort: Infinity })', call: (fx) => api.simulate!(fx.path, { cohort: Infinity, seed: 1 }), expect: { throws: { fragments: ['but it is the number Infinity.'] } } },
  { name: 'simulate(path, { seed: "x" })', call: (fx) => api.simulate!(fx.path, { cohort: 10, seed: 'x' }), expect: { throws: { fragments: ['simulate: seed must be a whole number, but it is the text "x".'] } } },
  { name: 'simulate(path) without options', call: (fx) => api.simulate!(fx.path), expect: argument('simulate', 'options') },
  { name: 'simulate(null, options)', call: () => api.simulate!(null, { cohort: 10, seed: 1 }), expect: { throws: { code: 'not-an-object', fragments: ['simulate: path is not a valid care path.', 'The document is null, not an object.'] } } },
  { name: 'simulate(path, { population: 5 })', call: (fx) => api.simulate!(fx.path, { cohort: 10, seed: 1, population: 5 }), expect: { throws: { code: 'not-an-object', fragments: ['simulate: population is not a valid population.', 'a whole number, not an object'] } } },
  { name: 'simulateSync(path, { maxVisits: -1 })', call: (fx) => api.simulateSync!(fx.path, { cohort: 10, seed: 1, maxVisits: -1 }), expect: { throws: { fragments: ['simulate: maxVisits must be a whole number of at least 1, but it is the number -1.'] } } },
  { name: 'generateClients(population, -5)', call: (fx) => api.generateClients!(fx.population, -5), expect: argument('generateClients', 'options', 'the number -5') },
  { name: 'generateClients(null, { n: 5, seed: 1 })', call: () => api.generateClients!(null, { n: 5, seed: 1 }), expect: argument('generateClients', 'population', 'null') },
  { name: 'coverage(undefined)', call: () => api.coverage!(undefined, []), expect: argument('coverage', 'path', 'missing') },
  { name: 'coverage(path, 5)', call: (fx) => api.coverage!(fx.path, 5), expect: argument('coverage', 'journeys', 'the number 5') },
  { name: 'exactOutcomes(null)', call: call('exactOutcomes', null), expect: argument('exactOutcomes', 'path', 'null') },
  { name: 'testPaths(null)', call: call('testPaths', null), expect: argument('testPaths', 'path', 'null') },
  { name: 'toMermaid(null)', call: call('toMermaid', null), expect: argument('toMermaid', 'path', 'a care path', 'null') },
  { name: 'toMermaid(path, { direction: "XX" })', call: (fx) => api.toMermaid!(fx.path, { direction: 'XX' }), expect: argument('toMermaid', 'options.direction', '"TB" or "LR"', 'the text "XX"') },
  { name: 'toMermaid(path, { kind: "pie" })', call: (fx) => api.toMermaid!(fx.path, { kind: 'pie' }), expect: { throws: { fragments: ['toMermaid: options.kind must be "state" or "flowchart", but it is the text "pie".'] } } },
  { name: 'toMermaid(path, { direction: newline + Mermaid })', call: (fx) => api.toMermaid!(fx.path, { direction: 'TB\n  click intake href "javascript:alert(1)"' }), expect: argument('toMermaid', 'options.direction', '"TB" or "LR"') },
  { name: 'simulate(path, { onProgress: 5 })', call: (fx) => api.simulate!(fx.path, { cohort: 10, seed: 1, onProgress: 5 }), expect: argument('simulate', 'options.onProgress', 'a function', 'the number 5') },
  { name: 'simulate(path, { menukaart: 5 })', call: (fx) => api.simulate!(fx.path, { cohort: 10, seed: 1, menukaart: 5 }), expect: argument('simulate', 'options.menukaart', 'the number 5') },
  { name: 'simulate(path, { coalition: 5 })', call: (fx) => api.simulate!(fx.path, { cohort: 10, seed: 1, coalition: 5 }), expect: argument('simulate', 'options.coalition', 'the number 5') },
  { name: 'summarize(null)', call: call('summarize', null), expect: argument('summarize', 'result', 'null') },
  { name: 'traceJourney(path, client, null)', call: (fx) => api.traceJourney!(fx.path, {}, null), expect: argument('traceJourney', 'options', 'null') },
  { name: 'validatePath(path, 5)', call: (fx) => api.validatePath!(fx.path, 5), expect: argument('validatePath', 'options', 'the number 5') },
  { name: 'formatDiagnostics([], "xml")', call: call('formatDiagnostics', [], 'xml'), expect: argument('formatDiagnostics', 'format', '"text", "json" or "sarif"', 'the text "xml"') },
  { name: 'formatText(null)', call: call('formatText', null), expect: argument('formatText', 'diagnostics', 'null') },

  // arguments that once gave a TypeError or a RangeError
  { name: 'coverage(path, [null])', call: (fx) => api.coverage!(fx.path, [null]), expect: argument('coverage', 'journeys[0]', 'a test path (testPaths(path))', 'null') },
  { name: 'coverage(path, [{}])', call: (fx) => api.coverage!(fx.path, [{}]), expect: argument('coverage', 'journeys[0]', 'a saved journey', 'an object') },
  { name: 'coverage(path, [[5]])', call: (fx) => api.coverage!(fx.path, [[5]]), expect: argument('coverage', 'journeys[0], entry 0', 'a history entry', 'the number 5') },
  { name: 'checkRoute(path, {})', call: (fx) => api.checkRoute!(fx.path, {}), expect: argument('checkRoute', 'route', 'a route', '"steps" is not a list') },
  { name: 'checkRoute(path, null)', call: (fx) => api.checkRoute!(fx.path, null), expect: argument('checkRoute', 'route', 'null') },
  { name: 'checkRoute(path, { steps: [null] })', call: (fx) => api.checkRoute!(fx.path, { steps: [null] }), expect: argument('checkRoute', 'route.steps[0]', 'a route step', 'null') },
  { name: 'toMermaid(path, { overlay: { cohort: 5 } }) (partial overlay)', call: (fx) => api.toMermaid!(fx.path, { overlay: { cohort: 5 } }), expect: argument('toMermaid', 'options.overlay', 'a simulation result', '"visits" is not a table') },
  { name: 'toMermaid(path, overlay with negative counts)', call: (fx) => api.toMermaid!(fx.path, { overlay: { cohort: 5, visits: { intake: -4 }, clients: {}, transitionCounts: {} } }), expect: argument('toMermaid', 'options.overlay', 'counts of 0 or more') },
  { name: 'toMermaid(path with a title that is no text)', call: (fx) => api.toMermaid!({ ...fx.path, title: 5 }), expect: argument('toMermaid', 'path.title', 'a label', 'the number 5') },
  { name: 'toMermaid(path with a step label that is no text)', call: (fx) => api.toMermaid!({ ...fx.path, steps: { ...fx.path.steps, intake: { ...fx.path.steps.intake!, label: { nl: 5 } } } }), expect: argument('toMermaid', 'path.steps["intake"].label', 'a label') },
  { name: 'createJourney(path with phase "toString")', call: (fx) => api.createJourney!({ ...fx.path, steps: { ...fx.path.steps, intake: { ...fx.path.steps.intake!, phase: 'toString' } } }, {}), expect: argument('createJourney', 'path', 'step "intake" has no known phase') },
  { name: 'createJourney(path that contains itself)', call: (fx) => api.createJourney!(cyclic(fx.path), {}), expect: argument('createJourney', 'path', 'contains itself (a cycle)') },
  { name: 'createJourney(path with a condition 100,000 deep)', call: (fx) => api.createJourney!(deep(fx.path), {}), expect: argument('createJourney', 'path', 'nested more than 512 levels deep') },
  { name: 'createJourney(path, client with a "__proto__" attribute)', call: (fx) => api.createJourney!(fx.path, JSON.parse('{"attributes":{"__proto__":1}}')), expect: argument('createJourney', 'client.attributes', 'without one named "__proto__"') },
  { name: 'pathHash(path that contains itself)', call: (fx) => api.pathHash!(cyclic(fx.path)), expect: argument('pathHash', 'path', 'a cycle') },
  { name: 'stableStringify(value holding a BigInt)', call: () => api.stableStringify!({ a: 1n }), expect: argument('stableStringify', 'value', 'a value holding a BigInt') },
  { name: 'stableStringify(value that contains itself)', call: () => api.stableStringify!(cyclic({})), expect: argument('stableStringify', 'value', 'a cycle') },
  { name: 'validatePath(path with a condition 100,000 deep)', call: (fx) => api.validatePath!(deep(fx.path)), expect: { result: { code: 'condition-too-deep', pointer: '/steps/intake/transitions/0/when' } } },
  { name: 'validatePath(path that contains itself)', call: (fx) => api.validatePath!(cyclic(fx.path)), expect: { result: { code: 'invalid-value', pointer: '' } } },
  { name: 'simulateSync(path with a condition 100,000 deep)', call: (fx) => api.simulateSync!(deep(fx.path), { cohort: 10, seed: 1 }), expect: { throws: { code: 'condition-too-deep', fragments: ['simulate: path is not a valid care path.'] } } },
  { name: 'testPaths(path with a condition 100,000 deep)', call: (fx) => api.testPaths!(deep(fx.path)), expect: argument('testPaths', 'path', 'nested more than 512 levels deep') },
  { name: 'exactOutcomes(path that contains itself)', call: (fx) => api.exactOutcomes!(cyclic(fx.path)), expect: argument('exactOutcomes', 'path', 'a cycle') },
  { name: 'risksOfPath(null)', call: call('risksOfPath', null), expect: argument('risksOfPath', 'path', 'null') },
  { name: 'arrivalWindows(null)', call: call('arrivalWindows', null), expect: argument('arrivalWindows', 'path', 'null') },
  { name: 'journeyOf(null, 0)', call: call('journeyOf', null, 0), expect: argument('journeyOf', 'traces', 'null') },
  { name: 'compareSimulations(null, null)', call: call('compareSimulations', null, null), expect: argument('compareSimulations', 'a', 'a simulation result', 'null') },
  { name: 'evaluateCondition({ attr: "__proto__" }, client)', call: () => api.evaluateCondition!({ attr: '__proto__', exists: true }, z.viewClient({})), expect: argument('evaluateCondition', 'condition', '"__proto__" cannot be the name of an attribute') },
  { name: 'viewClient(client with a "__proto__" attribute)', call: () => api.viewClient!(JSON.parse('{"attributes":{"__proto__":1}}')), expect: argument('viewClient', 'client.attributes', '"__proto__"') },
  { name: 'traceJourney(path, client with a "__proto__" attribute)', call: (fx) => api.traceJourney!(fx.path, JSON.parse('{"attributes":{"__proto__":1}}'), { seed: 1, index: 0 }), expect: argument('traceJourney', 'client.attributes', '"__proto__"') },

  // ids and populations the loader would refuse, refused when they are made
  { name: 'renameStep(path, "intake", "constructor")', call: (fx) => api.renameStep!(fx.path, 'intake', 'constructor'), expect: { throws: { code: 'invalid-value', fragments: ['"constructor", "prototype" and "__proto__" are reserved names'] } } },
  { name: 'addStep(path, "prototype", step)', call: (fx) => api.addStep!(fx.path, 'prototype', { kind: 'contact', phase: 'pregnancy', label: { nl: 'P' } }), expect: { throws: { code: 'invalid-value', fragments: ['Key "prototype"'] } } },
  { name: 'generateClients(population with all-zero weights)', call: (fx) => api.generateClients!(zeroWeights(fx.population), { n: 5, seed: 1 }), expect: { throws: { code: 'invalid-value', fragments: ['The weights of the values are all 0'] } } },
  { name: 'validatePopulation(population with an inverted bin)', call: (fx) => api.validateDocument!(invertedBin(fx.population)), expect: { result: { code: 'invalid-value', pointer: '/attributes/leeftijd/bins/0' } } },

  // loader options of the root
  { name: 'loadPath(file, { root: 5 })', call: call('loadPath', 'tests/fixtures/load/valid.json', { root: 5 }), expect: argument('loadPath', 'options.root', 'the name of a folder', 'the number 5') },
  { name: 'safeParsePath(text, { allowOutsideRoot: "yes" })', call: call('safeParsePath', '{}', { allowOutsideRoot: 'yes' }), expect: argument('safeParsePath', 'options.allowOutsideRoot', 'true or false', 'the text "yes"') },
  { name: 'safeLoadPath(a menukaart outside the root)', call: call('safeLoadPath', 'tests/fixtures/load/with-menukaart.json', { root: 'tests/fixtures/load/includes' }), expect: { result: { code: 'outside-root', pointer: '/menukaart' } } },
];

/** A copy of a value that contains itself. */
function cyclic<T extends object>(value: T): T {
  const copy = { ...value } as T & { self?: unknown };
  copy.self = copy;
  return copy;
}

/** A copy of the path whose first step's first transition has a condition 100,000 levels deep. */
function deep(path: CarePath): CarePath {
  let when: Record<string, unknown> = { hasRisk: 'debts' };
  for (let i = 0; i < 100_000; i++) when = { not: when };
  const intake = path.steps.intake!;
  return { ...path, steps: { ...path.steps, intake: { ...intake, transitions: [{ ...intake.transitions[0]!, when: when as never }, ...intake.transitions.slice(1)] } } };
}

function zeroWeights(population: Population): Population {
  return { ...population, attributes: { ...population.attributes, kleur: { type: 'categorical', values: { rood: 0, blauw: 0 } } } };
}

function invertedBin(population: Population): Population {
  return { ...population, attributes: { ...population.attributes, leeftijd: { type: 'number', bins: [{ min: 40, max: 20, weight: 1 }] } } };
}
