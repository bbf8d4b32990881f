import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, linkSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The bad-input corpus of the command line: each case is an argv run in a fresh copy of
 * tests/fixtures/cli-corpus (see `prepareWorkspace`), with the exact exit code and a fragment of what
 * it must print. tests/hardening/cli.test.ts runs every case in-process, cli-process.test.ts a subset
 * as real processes of the built CLI.
 */
export interface CliCase {
  /** Unique; says what is wrong with the input. */
  name: string;
  /** Arguments after `zorgpaden`; file names are relative to the workspace. */
  argv: readonly string[];
  exit: 0 | 1 | 2;
  /** A fragment stderr must contain. */
  stderr?: string;
  /** A fragment stdout must contain. */
  stdout?: string;
  /** stdout must be exactly one JSON document that matches this (as `toMatchObject`). */
  json?: Record<string, unknown>;
  /** stdout must stay empty (a usage error prints nothing a program could mistake for output). */
  stdoutEmpty?: boolean;
  /** Workspace files that must be byte-identical after the run. */
  unchanged?: readonly string[];
  /** Workspace files that must not exist after the run. */
  absent?: readonly string[];
  /** A workspace file the run writes, which must then hold exactly what it printed on stdout. */
  writes?: string;
  /** The language the case runs in (the harness sets `ZORGPADEN_LANG`; default `en`). */
  lang?: 'nl' | 'en';
  /** Needs file permissions to bite: skipped when running as root in-process (the process test drops to `nobody`). */
  needsPermissions?: boolean;
}

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'cli-corpus');

/** Files the harness creates beside the fixtures, because git cannot hold them (or should not). */
export const GENERATED = {
  binary: 'binary.json',
  empty: 'empty.json',
  emptyYaml: 'empty.yaml',
  folder: 'folder.json',
  unreadable: 'unreadable.json',
  readonlyDir: 'readonly',
  previous: 'previous.json',
  symlink: 'link-to-path.json',
  hardlink: 'hard-link-to-path.json',
  fifo: 'fifo.json',
  includeOutside: 'include-outside.json',
  includeEnviron: 'include-environ.json',
  includeSecret: 'include-secret.json',
  menukaartOutside: 'menukaart-outside.json',
  secret: 'secrets.yml',
  otherSimulation: 'other-simulation.json',
  negativeSimulation: 'negative-simulation.json',
  zeroWeights: 'zero-weights.yaml',
  reservedId: 'reserved-id.json',
  notJsonSimulation: 'not-json-simulation.json',
} as const;

/** A secret in the workspace that a path names; no command may print it. */
export const SECRET = 'hunter2-geheim';

/** A small valid path with extra top-level fields. */
function smallPath(extra: Record<string, unknown> = {}): string {
  const outcome = { kind: 'outcome', phase: 'pregnancy', label: { nl: 'Einde' } };
  return JSON.stringify({ schemaVersion: 1, id: 'cli/klein', version: '1.0.0', title: { nl: 'Klein' }, initial: 'begin', steps: { begin: { kind: 'contact', phase: 'pregnancy', label: { nl: 'Begin' }, transitions: [{ to: 'einde' }] }, einde: outcome }, ...extra }, null, 2);
}

/** A fresh workspace: the fixtures plus the generated files; returns its folder. */
export function prepareWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zorgpaden-cli-corpus-'));
  cpSync(FIXTURES, dir, { recursive: true });
  // every byte value, with NULs: not text in any encoding
  writeFileSync(join(dir, GENERATED.binary), Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)));
  writeFileSync(join(dir, GENERATED.empty), '');
  writeFileSync(join(dir, GENERATED.emptyYaml), '');
  mkdirSync(join(dir, GENERATED.folder));
  writeFileSync(join(dir, GENERATED.unreadable), '{}');
  chmodSync(join(dir, GENERATED.unreadable), 0o000);
  mkdirSync(join(dir, GENERATED.readonlyDir));
  writeFileSync(join(dir, GENERATED.readonlyDir, 'keep.json'), '{"keep":true}\n');
  chmodSync(join(dir, GENERATED.readonlyDir), 0o555);
  writeFileSync(join(dir, GENERATED.previous), '{"previous":"content"}\n');
  symlinkSync('path.json', join(dir, GENERATED.symlink));
  linkSync(join(dir, 'path.json'), join(dir, GENERATED.hardlink));
  execFileSync('mkfifo', [join(dir, GENERATED.fifo)]);
  writeFileSync(join(dir, GENERATED.secret), `password: ${SECRET}\n`);
  writeFileSync(join(dir, GENERATED.notJsonSimulation), `PASSWORD=${SECRET}\n`);
  writeFileSync(join(dir, GENERATED.includeOutside), smallPath({ includes: [{ path: '../outside/path.json', as: 'buiten' }] }));
  writeFileSync(join(dir, GENERATED.includeEnviron), smallPath({ includes: [{ path: '/proc/self/environ', as: 'omgeving' }] }));
  writeFileSync(join(dir, GENERATED.includeSecret), smallPath({ includes: [{ path: GENERATED.secret, as: 'geheim' }] }));
  writeFileSync(join(dir, GENERATED.menukaartOutside), smallPath({ menukaart: '../../etc/menukaart.json' }));
  // a simulation result of another path, and one with negative counts
  const counts = { cohort: 10, visits: { begin: 10, einde: 10 }, clients: { begin: 10, einde: 10 }, transitionCounts: { begin: [10], einde: [] } };
  writeFileSync(join(dir, GENERATED.otherSimulation), JSON.stringify({ meta: { pathId: 'cli/klein', pathVersion: '1.0.0', coalition: null }, ...counts }));
  writeFileSync(join(dir, GENERATED.negativeSimulation), JSON.stringify({ ...counts, visits: { begin: -5 } }));
  writeFileSync(join(dir, GENERATED.zeroWeights), 'schemaVersion: 1\nkind: population\nid: cli/nul\nversion: 1.0.0\ntitle: { nl: Nul }\nattributes:\n  age:\n    type: number\n    bins: [{ min: 40, max: 20, weight: 0 }]\n');
  writeFileSync(join(dir, GENERATED.reservedId), smallPath().replace('"einde"', '"constructor"').replace('"to": "einde"', '"to": "constructor"'));
  // others (another user in the process test) may read and write it
  chmodSync(dir, 0o777);
  return dir;
}

const USAGE = 'for the usage.';

export const CASES: readonly CliCase[] = [
  // the program and its commands
  { name: 'unknown command', argv: ['frobnicate'], exit: 2, stderr: "error: unknown command 'frobnicate'", stdoutEmpty: true },
  { name: 'misspelt command is suggested', argv: ['simulat', 'path.json'], exit: 2, stderr: '(Did you mean simulate?)', stdoutEmpty: true },
  { name: 'no command at all', argv: [], exit: 2, stderr: 'Usage: zorgpaden', stdoutEmpty: true },
  { name: 'unknown global option', argv: ['--bogus'], exit: 2, stderr: "error: unknown option '--bogus'" },
  { name: 'help for an unknown command', argv: ['help', 'frobnicate'], exit: 2, stderr: 'Usage: zorgpaden' },

  // options: unknown, misspelt, missing values
  { name: 'check: unknown option', argv: ['check', '--nope', 'path.json'], exit: 2, stderr: 'Run "zorgpaden check --help" for the usage.' },
  { name: 'simulate: misspelt --cohort is suggested', argv: ['simulate', 'path.json', '--cohrt', '10'], exit: 2, stderr: '(Did you mean --cohort?)' },
  { name: 'check: misspelt --json is suggested', argv: ['check', 'path.json', '--jsn'], exit: 2, stderr: '(Did you mean --json?)', stdoutEmpty: true },
  { name: 'render: a misspelt option in Dutch, the language set in the environment', lang: 'nl', argv: ['render', 'path.json', '--outpt', 'x.mmd'], exit: 2, stderr: 'fout: onbekende optie \'--outpt\'. Bedoelde je --output?\nTyp "zorgpaden render --help" voor het gebruik.' },
  { name: 'simulate --lang nl: a missing argument in Dutch', argv: ['simulate', '--lang', 'nl'], exit: 2, stderr: "fout: het argument 'path' ontbreekt." },
  { name: 'report: a bad choice in Dutch', lang: 'nl', argv: ['report', 'path.json', '--lang', 'fr'], exit: 2, stderr: "fout: 'fr' is geen geldige waarde voor de optie '--lang <lang>'; kies uit nl, en." },
  { name: 'simulate: --cohort without a value', argv: ['simulate', 'path.json', '--cohort'], exit: 2, stderr: "option '--cohort <n>' argument missing" },
  { name: 'check: no file given', argv: ['check'], exit: 2, stderr: "error: missing required argument 'files'" },
  { name: 'route: the route file is missing', argv: ['route', 'path.json'], exit: 2, stderr: "error: missing required argument 'route'" },
  { name: 'route: one argument too many', argv: ['route', 'path.json', 'route.json', 'extra.json'], exit: 2, stderr: "too many arguments for 'route'. Expected 2 arguments but got 3." },
  { name: 'simulate: no path given', argv: ['simulate'], exit: 2, stderr: `Run "zorgpaden simulate --help" ${USAGE}` },

  // option values of the wrong type or out of range
  { name: 'simulate: --cohort abc', argv: ['simulate', 'path.json', '--cohort', 'abc'], exit: 2, stderr: 'zorgpaden: --cohort must be a whole number from 1 to 20000000, not "abc".', stdoutEmpty: true },
  { name: 'simulate: --cohort 0', argv: ['simulate', 'path.json', '--cohort', '0'], exit: 2, stderr: '--cohort must be a whole number from 1 to 20000000, not "0".' },
  { name: 'simulate: --cohort 1e99 is out of range, not "below 1"', argv: ['simulate', 'path.json', '--cohort', '1e99'], exit: 2, stderr: '--cohort must be a whole number from 1 to 20000000, not "1e99".' },
  { name: 'simulate: --cohort above the limit names the flag', argv: ['simulate', 'path.json', '--cohort', '20000001'], exit: 2, stderr: '--cohort must be a whole number from 1 to 20000000, not "20000001".' },
  { name: 'simulate: --cohort in hexadecimal is refused', argv: ['simulate', 'path.json', '--cohort', '0x10'], exit: 2, stderr: '--cohort must be a whole number from 1 to 20000000, not "0x10".' },
  { name: 'simulate: --seed -1', argv: ['simulate', 'path.json', '--cohort', '10', '--seed', '-1'], exit: 2, stderr: '--seed must be a whole number of at least 0, not "-1".' },
  { name: 'simulate: --seed 1e3 is not silently 1000', argv: ['simulate', 'path.json', '--cohort', '10', '--seed', '1e3'], exit: 2, stderr: '--seed must be a whole number of at least 0, not "1e3".' },
  { name: 'simulate: --workers 0', argv: ['simulate', 'path.json', '--cohort', '10', '--workers', '0'], exit: 2, stderr: '--workers must be a whole number from 1 to 256, not "0".' },
  { name: 'simulate: --workers 500 names the flag', argv: ['simulate', 'path.json', '--cohort', '10', '--workers', '500'], exit: 2, stderr: '--workers must be a whole number from 1 to 256, not "500".' },
  { name: 'report: --cohort -5 in Dutch', lang: 'nl', argv: ['report', 'path.json', '--simulate', '--cohort', '-5', '-o', 'r.html'], exit: 2, stderr: '--cohort moet een geheel getal van 1 tot en met 20.000.000 zijn, niet "-5".', absent: ['r.html'] },
  { name: 'coverage: --min 150', argv: ['coverage', 'path.json', '--min', '150'], exit: 2, stderr: '--min must be a ratio between 0 and 1 (like 0.9) or a percentage (like 90%), not "150".' },
  { name: 'coverage: --min abc in Dutch', argv: ['coverage', 'path.json', '--min', 'abc', '--lang', 'nl'], exit: 2, stderr: '--min moet een verhouding tussen 0 en 1 zijn' },
  { name: 'coverage: --max-states 0', argv: ['coverage', 'path.json', '--max-states', '0'], exit: 2, stderr: '--max-states must be a whole number from 1 to 1000000, not "0".', stdoutEmpty: true },
  { name: 'coverage: --max-states on a version 1 path, where it would do nothing', argv: ['coverage', 'path.json', '--max-states', '500'], exit: 2, stderr: '--max-states is for household paths (format version 2) only; leave it out.', stdoutEmpty: true },
  { name: 'render: --format xx', argv: ['render', 'path.json', '--format', 'xx'], exit: 2, stderr: "option '--format <format>' argument 'xx' is invalid. Allowed choices are mmd, svg, html." },
  { name: 'check: --lang xx', argv: ['check', 'path.json', '--lang', 'xx'], exit: 2, stderr: "option '--lang <lang>' argument 'xx' is invalid. Allowed choices are nl, en." },
  { name: 'coverage: --strategy longest', argv: ['coverage', 'path.json', '--strategy', 'longest'], exit: 2, stderr: 'Allowed choices are shortest, transitions.' },
  { name: 'validate: --phase-uncovered-days -3', argv: ['validate', 'path.json', '--phase-uncovered-days', '-3'], exit: 2, stderr: '--phase-uncovered-days must be a whole number of days (1 or more), not "-3".' },
  { name: 'validate: a misspelt rule is suggested', argv: ['validate', 'path.json', '--rule', 'cold-handof=off'], exit: 2, stderr: 'hint: Did you mean "cold-handoff"?' },
  { name: 'validate: --rule without a setting', argv: ['validate', 'path.json', '--rule', 'dead-end'], exit: 2, stderr: '--rule needs code=setting, like --rule cold-handoff=off; got "dead-end".' },
  { name: 'render: --collapse-phase with an unknown phase', argv: ['render', 'path.json', '--collapse-phase', 'zwanger', '--lang', 'en'], exit: 2, stderr: '--collapse-phase: unknown phase "zwanger"; use preconception, pregnancy, postpartum.' },

  // options that conflict
  { name: 'validate: --json with --format sarif', argv: ['validate', 'path.json', '--json', '--format', 'sarif'], exit: 2, stderr: '--json is the same as --format json; it cannot be combined with --format sarif.', stdoutEmpty: true },
  { name: 'report: --simulate with --overlay', argv: ['report', 'path.json', '--simulate', '--overlay', 'sim.json', '--lang', 'en'], exit: 2, stderr: 'Give either --simulate or --overlay <file>, not both.' },
  { name: 'report: --json without -o', argv: ['report', 'path.json', '--json', '--lang', 'en'], exit: 2, stderr: 'give -o <file> to write the report too.', stdoutEmpty: true },
  { name: 'render: --json with --format svg and no -o would drop the drawing', argv: ['render', 'path.json', '--json', '--format', 'svg', '--lang', 'en'], exit: 2, stderr: '--json with --format svg prints only a summary; give -o <file>', stdoutEmpty: true },
  { name: 'render: --kind journey without --route', argv: ['render', 'path.json', '--kind', 'journey', '--lang', 'en'], exit: 2, stderr: '--kind journey draws a klantroute: give the route file with --route <file>.' },

  // input files that cannot be read
  { name: 'check: an empty file name', argv: ['check', ''], exit: 2, stderr: 'zorgpaden: The file name for <files> is empty; give the name of a file.', stdoutEmpty: true },
  { name: 'simulate: an empty --population', argv: ['simulate', 'path.json', '--population', '', '--cohort', '10'], exit: 2, stderr: 'The file name for --population is empty' },
  { name: 'render: an empty -o, in Dutch', lang: 'nl', argv: ['render', 'path.json', '-o', ''], exit: 2, stderr: 'De bestandsnaam voor --output is leeg; geef de naam van een bestand.' },
  { name: 'simulate: a coalition that does not exist', argv: ['simulate', 'path.json', '--coalition', 'nope-coalition.json', '--cohort', '10'], exit: 2, stderr: 'nope-coalition.json - error file-not-found:' },
  { name: 'report: a population that does not exist', lang: 'nl', argv: ['report', 'path.json', '--simulate', '--population', 'nope.yaml', '-o', 'r.html'], exit: 2, stderr: 'relatieve paden gelden vanaf de huidige map.', absent: ['r.html'] },
  { name: 'validate: a path file given as -c is one mistake, not one per field', argv: ['validate', 'path.json', '-c', 'path.json'], exit: 2, stderr: 'invalid-config: The validation config is not usable: this is a care path file, not a validation config' },
  { name: 'validate: a route file given as --menukaart is wrong content (1), as in the other commands', argv: ['validate', 'path.json', '--menukaart', 'route.json'], exit: 1, stderr: 'route.json:3:3 - error wrong-kind: This is a klantroute file, but a menukaart (kind: "menukaart") was expected.' },
  { name: 'simulate: the path does not exist', argv: ['simulate', 'nope.json', '--cohort', '10'], exit: 2, stderr: 'error file-not-found: File' },
  { name: 'check: "-" for standard input', argv: ['check', '-'], exit: 2, stdout: 'reading from standard input ("-") is not supported' },
  { name: 'check: the path does not exist, --json', argv: ['check', 'nope.json', '--json'], exit: 2, json: { files: [{ file: 'nope.json', ok: false, diagnostics: [{ code: 'file-not-found', pointer: '' }] }] } },
  { name: 'validate: a folder instead of a file', argv: ['validate', GENERATED.folder], exit: 2, stderr: 'is a folder without JSON or YAML files' },
  { name: 'coverage: a folder instead of a file', argv: ['coverage', GENERATED.folder, '--json'], exit: 2, stderr: 'it is a directory', json: { ok: false, exitCode: 2, diagnostics: [{ code: 'file-unreadable' }] } },
  { name: 'check: an unreadable file', argv: ['check', GENERATED.unreadable], exit: 2, stdout: 'that you may read it (its permissions', needsPermissions: true },
  { name: 'render: an overlay that does not exist', argv: ['render', 'path.json', '--overlay', 'nope-sim.json', '--lang', 'en'], exit: 2, stderr: 'nope-sim.json": it does not exist. Write one with `zorgpaden simulate <path> -o sim.json`.' },
  { name: 'render: an overlay that is not a simulation result', argv: ['render', 'path.json', '--overlay', 'not-a-simulation.json', '--lang', 'en'], exit: 2, stderr: 'not-a-simulation.json" is not a simulation result' },

  // files with the wrong content
  { name: 'check: a binary file', argv: ['check', GENERATED.binary], exit: 1, stdout: `${GENERATED.binary}:1:1 - error invalid-json:` },
  { name: 'simulate: a binary file', argv: ['simulate', GENERATED.binary, '--cohort', '10'], exit: 1, stderr: 'error invalid-json:' },
  { name: 'validate: an empty JSON file', argv: ['validate', GENERATED.empty], exit: 1, stdout: `${GENERATED.empty}:1:1 - error not-an-object: The document is empty, not an object.` },
  { name: 'route: an empty YAML file as the path', argv: ['route', GENERATED.emptyYaml, 'route.json'], exit: 1, stderr: 'error not-an-object:' },
  { name: 'check: a path with errors, with file:line:column', argv: ['check', 'path-errors.json'], exit: 1, stdout: 'path-errors.json:45:11 - error unknown-target: Step "intake" has a transition to "signalerin", which does not exist.' },
  { name: 'check: a path with errors, --json keeps line and column', argv: ['check', 'path-errors.json', '--json'], exit: 1, json: { files: [{ ok: false, diagnostics: [{ code: 'unknown-target', pointer: '/steps/intake/transitions/0/to', line: 45, column: 11 }] }] } },
  { name: 'simulate --json: a path with errors is still one JSON document', argv: ['simulate', 'path-errors.json', '--cohort', '10', '--json'], exit: 1, stderr: 'path-errors.json:45:11 - error unknown-target', json: { ok: false, exitCode: 1, diagnostics: [{ code: 'unknown-target', line: 45, column: 11 }] } },
  { name: 'route --json: a route with errors is still one JSON document', argv: ['route', 'path.json', 'route-errors.json', '--json'], exit: 1, json: { ok: false, exitCode: 1, diagnostics: [{ code: 'invalid-type', pointer: '/steps', line: 21, column: 3 }] } },
  { name: 'validate --json: a path with errors', argv: ['validate', 'path-errors.json', '--json'], exit: 1, json: { diagnostics: [{ code: 'unknown-target', line: 45 }] } },
  { name: 'simulate: a route file where a path is expected', argv: ['simulate', 'route.json', '--cohort', '10'], exit: 1, stderr: 'error wrong-kind: This is a klantroute file, but a care path (a file without "kind") was expected.' },
  { name: 'simulate: a path file given as --population', argv: ['simulate', 'path.json', '--population', 'path.json', '--cohort', '10'], exit: 1, stderr: 'This is a care path file, but a population (kind: "population") was expected.' },
  { name: 'route: a path file given as the route', argv: ['route', 'path.json', 'path.json'], exit: 1, stderr: 'This is a care path file, but a klantroute (kind: "route") was expected.' },
  { name: 'route: path and route swapped', argv: ['route', 'route.json', 'path.json'], exit: 1, stderr: 'route.json:3:3 - error wrong-kind' },
  { name: 'render: a population file where a path is expected (Dutch)', lang: 'nl', argv: ['render', 'population.yaml'], exit: 1, stderr: 'population.yaml:2:1 - fout wrong-kind: Dit is een populatie-bestand, maar er werd een zorgpad (een bestand zonder "kind") verwacht.' },
  { name: 'simulate: a coalition with errors', argv: ['simulate', 'path.json', '--coalition', 'coalition-errors.json', '--cohort', '10'], exit: 1, stderr: 'coalition-errors.json:51:7 - error unknown-local-source: A local transition leaves from "intak", which is not a step of the path.' },
  { name: 'check: a coalition with errors', argv: ['check', 'coalition-errors.json'], exit: 1, stdout: 'hint: Did you mean "intake"?' },
  { name: 'simulate: a population with errors', argv: ['simulate', 'path.json', '--population', 'population-errors.yaml', '--cohort', '10'], exit: 1, stderr: 'population-errors.yaml:9:5 - error invalid-value' },
  { name: 'validate: a population with errors', argv: ['validate', 'population-errors.yaml'], exit: 1, stdout: 'population-errors.yaml:9:5 - error invalid-value' },
  { name: 'simulate: a path whose menukaart is missing is an error in the path (1), not an unreadable input (2)', argv: ['simulate', 'path-menukaart-missing.json', '--cohort', '10'], exit: 1, stderr: 'path-menukaart-missing.json:100:3 - error file-not-found' },
  { name: 'route: a route that deviates', argv: ['route', 'path.json', 'route-deviates.json'], exit: 1, stdout: 'Route cli/route-off does not fit cli/path: at step 2 ("geboorte")' },

  // output files
  { name: 'validate: -o is the input file', argv: ['validate', 'path.json', '-o', 'path.json'], exit: 2, stderr: 'Refusing to write to', unchanged: ['path.json'] },
  { name: 'validate: -o is the input spelt ./', argv: ['validate', 'path.json', '-o', './path.json'], exit: 2, stderr: 'it is one of the input files', unchanged: ['path.json'] },
  { name: 'simulate: -o is a symlink to the input', argv: ['simulate', 'path.json', '--cohort', '10', '-o', GENERATED.symlink], exit: 2, stderr: 'it is one of the input files', unchanged: ['path.json'] },
  { name: 'render: -o is a hard link to the input', lang: 'nl', argv: ['render', 'path.json', '-o', GENERATED.hardlink], exit: 2, stderr: 'wordt niet overschreven: het is een van de invoerbestanden', unchanged: ['path.json', GENERATED.hardlink] },
  { name: 'simulate: -o is the population file', argv: ['simulate', 'path.json', '--population', 'population.yaml', '--cohort', '10', '-o', 'population.yaml'], exit: 2, stderr: 'it is one of the input files', unchanged: ['population.yaml'] },
  { name: 'simulate: -o is the menukaart the path names', argv: ['simulate', 'path-with-menukaart.json', '--cohort', '10', '-o', 'menukaart.json'], exit: 2, stderr: 'it is a zorgpaden content file (a path, menukaart, population, coalition or route), perhaps one this command read.', unchanged: ['menukaart.json'] },
  { name: 'validate: -o is the --menukaart input', argv: ['validate', 'path.json', '--menukaart', 'menukaart.json', '-o', 'menukaart.json'], exit: 2, stderr: 'it is one of the input files', unchanged: ['menukaart.json'] },
  { name: 'render: -o over a YAML content file, in Dutch', lang: 'nl', argv: ['render', 'path.json', '-o', 'population.yaml'], exit: 2, stderr: 'wordt niet overschreven: het is een zorgpaden-inhoudsbestand', unchanged: ['population.yaml'] },
  { name: 'simulate: -o into a folder that does not exist', argv: ['simulate', 'path.json', '--cohort', '10', '-o', 'no-such-folder/sim.json'], exit: 2, stderr: 'no-such-folder" does not exist; create it first or choose another file with -o. Nothing was written.' },
  { name: 'render: -o is a folder', argv: ['render', 'path.json', '-o', GENERATED.folder, '--lang', 'en'], exit: 2, stderr: 'it is a folder; give a file name with -o' },
  { name: 'validate: -o into a read-only folder', argv: ['validate', 'path.json', '-o', `${GENERATED.readonlyDir}/report.txt`], exit: 2, stderr: 'no permission to write in', absent: [`${GENERATED.readonlyDir}/report.txt`], needsPermissions: true },
  { name: 'report: -o into a read-only folder in Dutch', argv: ['report', 'path.json', '-o', `${GENERATED.readonlyDir}/r.html`], exit: 2, stderr: 'geen toestemming om te schrijven in', absent: [`${GENERATED.readonlyDir}/r.html`], needsPermissions: true },
  // files a document names, and inputs without a size
  { name: 'check: an include outside the root is refused, naming the root', argv: ['check', GENERATED.includeOutside], exit: 1, stdout: 'outside/path.json" lies outside the root folder' },
  { name: 'validate: an include of /proc/self/environ is not read', argv: ['validate', GENERATED.includeEnviron], exit: 1, stdout: 'error not-a-document-file: File "/proc/self/environ" is not a JSON or YAML document' },
  { name: 'check: an include of a secrets file shows none of it', argv: ['check', GENERATED.includeSecret], exit: 1, stdout: 'secrets.yml" is not a zorgpaden document (it has no "schemaVersion"), so nothing of it is shown.' },
  { name: 'simulate: a menukaart outside the root is refused', argv: ['simulate', GENERATED.menukaartOutside, '--cohort', '10'], exit: 1, stderr: 'error outside-root' },
  { name: 'check: a FIFO is refused at once, not waited on', argv: ['check', GENERATED.fifo], exit: 2, stdout: 'it is a pipe (FIFO), not a file' },
  { name: 'check: /proc/self/environ given directly shows no excerpt of it', argv: ['check', '/proc/self/environ'], exit: 1, stdout: '/proc/self/environ:1:1 - error' },
  { name: 'check: /dev/zero is refused without reading it', argv: ['check', '/dev/zero'], exit: 2, stdout: 'it is a device, not a file' },
  { name: 'validate: -c /dev/zero is refused without reading it', argv: ['validate', 'path.json', '-c', '/dev/zero'], exit: 2, stderr: 'it is a device, not a file' },
  { name: 'validate: -c a FIFO is refused at once', argv: ['validate', 'path.json', '-c', GENERATED.fifo], exit: 2, stderr: 'it is a pipe (FIFO), not a file' },
  { name: 'render: --overlay /dev/zero is refused without reading it', argv: ['render', 'path.json', '--overlay', '/dev/zero', '--lang', 'en'], exit: 2, stderr: 'it is a device, not a file' },
  { name: 'report: --overlay a FIFO is refused at once', argv: ['report', 'path.json', '--overlay', GENERATED.fifo, '--lang', 'en', '-o', 'r.html'], exit: 2, stderr: 'it is a pipe (FIFO), not a file', absent: ['r.html'] },

  // overlays drawn on the path they belong to
  { name: 'render: an overlay simulated on another path is refused', argv: ['render', 'path.json', '--overlay', GENERATED.otherSimulation, '--lang', 'en'], exit: 2, stderr: 'it was simulated on path "cli/klein", not "cli/path"', stdoutEmpty: true },
  { name: 'render: --force-overlay draws it anyway, with a note', argv: ['render', 'path.json', '--overlay', GENERATED.otherSimulation, '--force-overlay', '--lang', 'en'], exit: 0, stderr: 'drawn anyway because of --force-overlay', stdout: 'stateDiagram-v2' },
  { name: 'report: an overlay simulated on another path is refused', lang: 'nl', argv: ['report', 'path.json', '--overlay', GENERATED.otherSimulation, '-o', 'r.html'], exit: 2, stderr: 'hoort niet bij dit pad', absent: ['r.html'] },
  { name: 'render: an overlay that is not JSON shows none of its text', argv: ['render', 'path.json', '--overlay', GENERATED.notJsonSimulation, '--lang', 'en'], exit: 2, stderr: 'it is not valid JSON' },
  { name: 'render: an overlay with negative counts is refused', argv: ['render', 'path.json', '--overlay', GENERATED.negativeSimulation, '--lang', 'en'], exit: 2, stderr: 'is not a simulation result' },

  // wrong results without a word, now with one
  { name: 'validate: a population with all-zero weights and an inverted bin', argv: ['validate', GENERATED.zeroWeights], exit: 1, stdout: 'its "max", so it holds no number' },
  { name: 'simulate: a population with all-zero weights draws no clients', argv: ['simulate', 'path.json', '--population', GENERATED.zeroWeights, '--cohort', '10'], exit: 1, stderr: 'The weights of the bins are all 0' },
  { name: 'check: a step named "constructor" is refused', argv: ['check', GENERATED.reservedId], exit: 1, stdout: 'constructor' },

  // names from outside are printed, never obeyed
  { name: 'check: a file name with terminal escapes is printed escaped', argv: ['check', 'evil\u001b[2J\u001b[31m.json'], exit: 2, stdout: 'evil\\u001b[2J\\u001b[31m.json' },
  { name: 'check: a file name with a line break cannot forge a line', argv: ['check', 'x.json\nok.json:1:1 - error fake'], exit: 2, stdout: 'x.json\\u000aok.json:1:1 - error fake' },
  { name: 'render: an overlay name with escapes is printed escaped', argv: ['render', 'path.json', '--overlay', 'sim\u001b]0;title\u0007.json', '--lang', 'en'], exit: 2, stderr: 'sim\\u001b]0;title\\u0007.json' },

  { name: 'simulate: -o replaces an earlier output whole', argv: ['simulate', 'path.json', '--cohort', '10', '-o', GENERATED.previous, '--json'], exit: 0, json: { cohort: 10 }, writes: GENERATED.previous },
];
