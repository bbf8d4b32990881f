import { describe, expect, it } from 'vitest';
import { coverage, defaultPopulation, definePath, describeValue, escapeLabel, exactOutcomes, formatDiagnostics, formatJson, formatSarif, formatText, generateClients, simulate, summarize, testPaths, routeToMermaid, simulateSync, timelineToMermaid, toMermaid, traceJourney, validatePath, ZorgpadenError, type CarePath, type Population, type Route } from '../support/everything.js';
import { parsed, SMALL_PATH } from '../edit/fixture.js';

// counterexamples the fuzz properties found, shrunk, kept as plain tests
describe('fuzz regressions', () => {
  it('validatePath({ steps: {} }) gives schema diagnostics, not an internal error', () => {
    const result = validatePath({ steps: {} } as unknown as CarePath);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.pointer])).toEqual([
      ['missing-field', '/id'],
      ['missing-field', '/initial'],
      ['missing-field', '/schemaVersion'],
      ['missing-field', '/title'],
      ['missing-field', '/version'],
    ]);
  });

  it('validatePath with a null transition names the transition, not an internal error', () => {
    const result = validatePath({ steps: { a: { transitions: [null] } } } as unknown as CarePath);
    expect(result.diagnostics.some((d) => d.code === 'internal-error')).toBe(false);
    expect(result.diagnostics.find((d) => d.pointer === '/steps/a/transitions/0')?.code).toBe('invalid-type');
  });
});

describe('fuzz regressions: simulate options', () => {
  const path = parsed();

  it.each([[0], [-1], [Number.NaN], [1.5], [Number.POSITIVE_INFINITY], ['3']])('refuses maxVisits %s, which ran unbounded (NaN, Infinity) or was read as 1', (maxVisits) => {
    expect(() => simulateSync(path, { cohort: 5, seed: 1, maxVisits: maxVisits as number })).toThrow(`simulate: maxVisits must be a whole number of at least 1, but it is ${describeValue(maxVisits).en}.`);
  });

  it('still takes maxVisits 1: every journey ends at the limit in the initial step', () => {
    expect(simulateSync(path, { cohort: 5, seed: 1, maxVisits: 1 }).limit).toEqual({ intake: 5 });
  });

  it('refuses missing options with an invalid-argument ZorgpadenError, not a TypeError', () => {
    const error = catchError(() => simulateSync(path, undefined as unknown as { cohort: number; seed: number }));
    expect(error.diagnostics.map((d) => d.code)).toEqual(['invalid-argument']);
    expect(error.message).toContain('simulate: options must be an object with cohort and seed, but it is missing.');
  });

  it('names what is wrong with a path object that is no path ({}), instead of a TypeError', () => {
    const error = catchError(() => simulateSync({} as CarePath, { cohort: 5, seed: 1 }));
    expect(error).toBeInstanceOf(ZorgpadenError);
    expect(error.message).toMatch(/^simulate: path is not a valid care path\./);
    expect(error.diagnostics.map((d) => [d.code, d.pointer])).toContainEqual(['missing-field', '/steps']);
  });

  it('names what is wrong with a population object that is no population ({}), instead of a TypeError', () => {
    const error = catchError(() => simulateSync(path, { cohort: 5, seed: 1, population: {} as Population }));
    expect(error.message).toMatch(/^simulate: population is not a valid population\./);
    expect(error.diagnostics.map((d) => [d.code, d.pointer])).toContainEqual(['missing-field', '/kind']);
  });
});

function catchError(call: () => unknown): ZorgpadenError {
  try {
    call();
  } catch (error) {
    if (error instanceof ZorgpadenError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

describe('fuzz regressions: limits of traceJourney and exactOutcomes', () => {
  // two steps that hand a client back and forth a week later, for ever
  const cycle = definePath({
    schemaVersion: 1,
    id: 'cycle',
    version: '1.0.0',
    title: { nl: 'Kringloop' },
    initial: 'a',
    steps: {
      a: { kind: 'contact', phase: 'pregnancy', label: { nl: 'a' }, transitions: [{ to: 'b', after: 7 }] },
      b: { kind: 'contact', phase: 'pregnancy', label: { nl: 'b' }, transitions: [{ to: 'a', after: 7 }] },
    },
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY], [0]])('traceJourney refuses maxVisits %s (NaN ran for ever on a cycle)', (maxVisits) => {
    expect(() => traceJourney(cycle, {}, { seed: 1, index: 0, maxVisits })).toThrow(`traceJourney: options.maxVisits must be a whole number of at least 1, but it is ${describeValue(maxVisits).en}.`);
  });

  it('traceJourney still ends a cycle at maxVisits', () => {
    expect(traceJourney(cycle, {}, { seed: 1, index: 0, maxVisits: 4 })).toMatchObject({ steps: ['a', 'b', 'a', 'b'], end: 'limit' });
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY], [0.5]])('exactOutcomes refuses maxStates %s, which would never stop a growing state space', (maxStates) => {
    expect(() => exactOutcomes(cycle, {}, { maxStates })).toThrow(`exactOutcomes: maxStates must be a whole number of at least 1, but it is ${describeValue(maxStates).en}.`);
  });
});

describe('fuzz regressions: the exporters check their arguments', () => {
  it('toMermaid of path input that was never parsed (an outcome without "transitions") names the step instead of a TypeError', () => {
    const error = catchError(() => toMermaid(SMALL_PATH as unknown as CarePath));
    expect(error.diagnostics.map((d) => d.code)).toEqual(['invalid-argument']);
    expect(error.message).toContain('toMermaid: path must be a care path');
    expect(error.message).toContain('step "done" has no list of transitions');
  });

  it('timelineToMermaid(null) is an invalid-argument error', () => {
    expect(catchError(() => timelineToMermaid(null as unknown as CarePath)).diagnostics.map((d) => d.params['argument'])).toEqual(['path']);
  });

  it('routeToMermaid of a route without a persona names the missing field instead of a TypeError', () => {
    const error = catchError(() => routeToMermaid({ title: { nl: 'r' }, steps: [{ step: 'intake' }] } as unknown as Route, parsed()));
    expect(error.diagnostics[0]!.params).toMatchObject({ callee: 'routeToMermaid', argument: 'route', actual: 'an object whose "persona.name" is missing or of the wrong type' });
  });
});

describe('fuzz regressions: routes with step names of object members', () => {
  it.each([['valueOf'], ['constructor'], ['toString'], ['__proto__']])('draws a route step named "%s", which the path lacks, by its name', (name) => {
    const route = { title: { nl: 'r' }, persona: { name: 'p' }, steps: [{ step: 'intake' }, { step: name }, { step: 'screening' }] } as unknown as Route;
    expect(routeToMermaid(route, parsed(), { kind: 'sequence', lang: 'en' })).toContain(`Note over persona: ${escapeLabel(name)}`);
    // a journey task starts with an entity, so only the rest of the name reads as written
    expect(routeToMermaid(route, parsed(), { kind: 'journey', lang: 'en' })).toContain(escapeLabel(name).slice(1));
  });
});

describe('regressions: toMermaid direction', () => {
  it.each([['XX'], ['TB\n  click s0 href "javascript:alert(1)"'], [5]])('refuses direction %j, which was written into the diagram unchecked', (direction) => {
    const error = catchError(() => toMermaid(parsed(), { kind: 'flowchart', direction: direction as 'TB' }));
    expect(error.diagnostics.map((d) => [d.code, d.params['argument']])).toEqual([['invalid-argument', 'options.direction']]);
    expect(error.message).toContain('toMermaid: options.direction must be "TB" or "LR"');
  });

  it('still takes LR', () => {
    expect(toMermaid(parsed(), { kind: 'flowchart', direction: 'LR' })).toContain('flowchart LR');
  });
});

describe('regressions: arguments of the simulate layer', () => {
  const path = parsed();
  const argumentOf = (call: () => unknown) => catchError(call).diagnostics.map((d) => [d.code, d.params['callee'], d.params['argument']]);

  it.each([
    ['simulateSync onProgress 5', () => simulateSync(path, { cohort: 5, seed: 1, onProgress: 5 as never }), ['simulate', 'options.onProgress']],
    ['simulateSync menukaart 5', () => simulateSync(path, { cohort: 5, seed: 1, menukaart: 5 as never }), ['simulate', 'options.menukaart']],
    ['simulateSync coalition 5', () => simulateSync(path, { cohort: 5, seed: 1, coalition: 5 as never }), ['simulate', 'options.coalition']],
    ['traceJourney options null', () => traceJourney(path, {}, null as never), ['traceJourney', 'options']],
    ['generateClients population null', () => generateClients(null as never, { n: 5, seed: 1 }), ['generateClients', 'population']],
    ['generateClients options -5', () => generateClients(defaultPopulation(), -5 as never), ['generateClients', 'options']],
    ['exactOutcomes(null)', () => exactOutcomes(null as never), ['exactOutcomes', 'path']],
    ['testPaths(null)', () => testPaths(null as never), ['testPaths', 'path']],
    ['coverage(undefined, [])', () => coverage(undefined as never, []), ['coverage', 'path']],
    ['coverage(path, 5)', () => coverage(path, 5 as never), ['coverage', 'journeys']],
    ['summarize(null)', () => summarize(null as never), ['summarize', 'result']],
  ])('%s is an invalid-argument error naming the argument', (_, call, [callee, argument]) => {
    expect(argumentOf(call)).toEqual([['invalid-argument', callee, argument]]);
  });
});

describe('regressions: arguments of the validate layer', () => {
  const argumentOf = (call: () => unknown) => catchError(call).diagnostics.map((d) => [d.code, d.params['callee'], d.params['argument']]);

  it.each([
    ['validatePath(path, 5)', () => validatePath(parsed(), 5 as never), ['validatePath', 'options']],
    ['formatDiagnostics([], "xml")', () => formatDiagnostics([], 'xml' as never), ['formatDiagnostics', 'format']],
    ['formatDiagnostics(null, "json")', () => formatDiagnostics(null as never, 'json'), ['formatDiagnostics', 'diagnostics']],
    ['formatText(null)', () => formatText(null as never), ['formatText', 'diagnostics']],
    ['formatSarif(5)', () => formatSarif(5 as never), ['formatSarif', 'diagnostics']],
    ['formatJson("x")', () => formatJson('x' as never), ['formatJson', 'diagnostics']],
  ])('%s is an invalid-argument error naming the argument', (_, call, [callee, argument]) => {
    expect(argumentOf(call)).toEqual([['invalid-argument', callee, argument]]);
  });

  it('formatDiagnostics still writes text, json and sarif', () => {
    expect(formatDiagnostics([], 'text')).toBe(formatText([]));
    expect(JSON.parse(formatDiagnostics([], 'json'))).toMatchObject({ diagnostics: [] });
    expect(JSON.parse(formatDiagnostics([], 'sarif'))).toHaveProperty('runs');
  });
});

describe('regressions: simulate (async) without options', () => {
  it('rejects with an invalid-argument error instead of a TypeError on options.workers', async () => {
    await expect(simulate(parsed(), undefined as never)).rejects.toThrow('simulate: options must be an object with cohort and seed, but it is missing.');
  });
});

describe('regressions: the client of traceJourney and exactOutcomes', () => {
  it.each([
    ['traceJourney(path, null, …)', () => traceJourney(parsed(), null as never, { seed: 1, index: 0 }), 'traceJourney'],
    ['exactOutcomes(path, null)', () => exactOutcomes(parsed(), null as never), 'exactOutcomes'],
    ['exactOutcomes(path, 5)', () => exactOutcomes(parsed(), 5 as never), 'exactOutcomes'],
  ])('%s is an invalid-argument error naming the client', (_, call, callee) => {
    expect(catchError(call).diagnostics.map((d) => [d.code, d.params['callee'], d.params['argument']])).toEqual([['invalid-argument', callee, 'client']]);
  });
});
