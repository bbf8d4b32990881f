import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { applyCommand } from './apply.js';
import { calibrateCommand } from './calibrate.js';
import { checkCommand } from './check.js';
import { compareCommand } from './compare.js';
import { coverageCommand } from './coverage.js';
import { diffCommand } from './diff.js';
import { initCommand } from './init.js';
import { renderCommand } from './render.js';
import { reportCommand } from './report.js';
import { routeCommand } from './route.js';
import { simulateCommand } from './simulate.js';
import { validateCommand } from './validate.js';

/** A CLI command: adds itself to the program; its action reports its exit code through `setExitCode`. */
export interface CliCommand {
  register(program: Command, context: CliContext, setExitCode: (code: number) => void): void;
}

// each command lives in its own file and is listed here once, in the order of `--help`
export const COMMANDS: CliCommand[] = [
  checkCommand,
  validateCommand,
  simulateCommand,
  calibrateCommand,
  coverageCommand,
  routeCommand,
  renderCommand,
  reportCommand,
  diffCommand,
  compareCommand,
  applyCommand,
  initCommand,
];
