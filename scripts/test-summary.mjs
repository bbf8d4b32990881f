// Prints the test counts of every vitest run in a folder (out/vitest.json on this Node, out/vitest-<version>.json
// on the others, each version given after the main one), then the plain total line "N passed, N failed" that ends `npm test`.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const [folder = 'out', mainVersion = process.version, ...expected] = process.argv.slice(2);
const runs = readdirSync(folder)
  .filter((name) => /^vitest(-v[\d.]+)?\.json$/.test(name))
  .sort((a, b) => (a === 'vitest.json' ? -1 : b === 'vitest.json' ? 1 : a.localeCompare(b, 'en', { numeric: true })))
  .map((name) => ({ node: name === 'vitest.json' ? mainVersion : name.slice('vitest-'.length, -'.json'.length), report: JSON.parse(readFileSync(join(folder, name), 'utf8')) }));
// a run that died before writing its report counts as one failure, never as nothing
const crashed = { numPassedTests: 0, numFailedTests: 1, numPendingTests: 0 };
if (!existsSync(join(folder, 'vitest.json'))) runs.unshift({ node: mainVersion, report: crashed });
for (const version of expected) {
  if (!runs.some((run) => run.node === version)) runs.push({ node: version, report: crashed });
}

const line = (passed, failed, skipped) => `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
let passed = 0, failed = 0, skipped = 0;
for (const { node, report } of runs) {
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests;
  if (runs.length > 1) console.log(`Node ${node}: ${line(report.numPassedTests, report.numFailedTests, report.numPendingTests)}`);
}
console.log(line(passed, failed, skipped));
