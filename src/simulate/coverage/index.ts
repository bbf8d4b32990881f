export { testPaths, type TestPath, type TestPathOptions } from './test-paths.js';
export { coverage, type CoverageInput, type CoverageReport, type TransitionRef } from './coverage.js';
export { coverageMatchers, type CoverageMatchers, type MatcherResult } from './matchers.js';
export { checkRoute, type DeviationKind, type RouteDeviation, type RouteFit, type RouteFitOptions } from './route-fit.js';
export { checkHouseholdRoute, type HouseholdDeviationKind, type HouseholdRouteDeviation, type HouseholdRouteFit } from './household-route-fit.js';
