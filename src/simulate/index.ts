export { generateClients, type GenerateOptions } from './population.js';
export { simulate, simulateSync, simulateWithIndicators, type SimulateOptions, type SimulationWithIndicators } from './simulate.js';
export { journeyOf, type InterventionReach, type SimulationResult, type SimulationTraces } from './result.js';
export { traceJourney, type JourneyTrace } from './trace.js';
export { defaultPopulation } from './default-population.js';
export { exactOutcomes, type ExactOutcomes } from './markov.js';
export { SIMULATE_CODES } from './codes.js';
export { compareSimulations, simulateScenarios, type ScenarioComparison, type ScenarioDifference } from './compare.js';
export { summarize } from './summary.js';
