import { dirname, isAbsolute, resolve } from 'node:path';
import type { Diagnostic } from '../../diagnostics/index.js';
import type { RootOptions } from '../../load/index.js';
import { safeLoadCoalition, safeLoadCoalitionPath, safeLoadDocument, safeLoadMenukaart, safeLoadPath } from '../../node/index.js';
import type { CarePath, Coalition, Menukaart, Result } from '../../model/index.js';
import { defaultPopulation } from '../../simulate/index.js';
import { CliError } from '../errors.js';
import { EXIT } from '../exit-codes.js';
import { loadName } from './flags.js';

/** A path as a command runs it: a path file, a path with `--coalition` applied, or a coalition file over the path it adapts. */
export interface Scenario {
  /** The path to run, with the coalition applied when there is one. */
  path: CarePath;
  /** The menukaart: the `--menukaart` file, else the one the path names in its `menukaart` field. */
  menukaart?: Menukaart;
  /** The coalition applied, when there is one. */
  coalition?: { document: Coalition; file: string };
  /** The file of the path itself (the one a coalition adapts). */
  pathFile: string;
  /** How the scenario is called in output: the file name as given. */
  name: string;
  /** Warnings and notes of loading. */
  diagnostics: Diagnostic[];
}

/** What loading a scenario may use besides its file. */
export interface ScenarioOptions {
  /** A coalition file to apply over the path (`--coalition`). */
  coalition?: string | undefined;
  /** A menukaart that wins over the path's own (`--menukaart`). */
  menukaart?: Menukaart | undefined;
  /** Where the files a document names may lie (`--root`, `--allow-outside-root`). */
  roots?: RootOptions | undefined;
}

/**
 * Loads a scenario: the file is a care path or a coalition (then the path it `adapts` with it applied);
 * `--coalition` applies a coalition over a care path. The menukaart is the given one, else the path's
 * own `menukaart` file. Files are relative to `cwd`.
 */
export async function loadScenario(file: string, options: ScenarioOptions, cwd: string): Promise<Result<Scenario>> {
  const at = (f: string) => (isAbsolute(f) ? f : resolve(cwd, f));
  // read by the names the user gave, so that messages name these files, and the files they name, as the user does
  const named = (f: string) => loadName(f, cwd);
  const name = file;
  const menukaartOption = { ...options.roots, ...(options.menukaart ? { menukaart: options.menukaart } : {}) };
  const document = await safeLoadDocument(named(file), { ...menukaartOption, ...(options.coalition !== undefined ? { coalition: named(options.coalition) } : {}) });
  if (!document.ok) return document;
  let path: CarePath;
  let pathFile = at(file);
  let coalition: Scenario['coalition'];
  let diagnostics = document.diagnostics;
  if (document.value.kind === 'carepath') {
    path = document.value.document;
    if (options.coalition !== undefined) {
      const read = await safeLoadCoalition(named(options.coalition));
      if (read.ok) coalition = { document: read.value, file: at(options.coalition) };
    }
  } else if (document.value.kind === 'coalition') {
    if (options.coalition !== undefined) {
      throw new CliError(
        `"${file}" is a coalition itself; give the path it adapts with --coalition ${options.coalition}, or leave --coalition out.`,
        EXIT.usage,
        `"${file}" is zelf een coalitie; geef het pad dat ze aanpast met --coalition ${options.coalition}, of laat --coalition weg.`,
      );
    }
    const adapted = await safeLoadCoalitionPath(named(file), menukaartOption);
    if (!adapted.ok) return adapted;
    path = adapted.value;
    coalition = { document: document.value.document, file: at(file) };
    pathFile = resolve(dirname(at(file)), document.value.document.adapts);
    diagnostics = [...diagnostics, ...adapted.diagnostics];
  } else {
    // a menukaart, population or route where a path is expected: the loader's own wrong-kind finding
    const wrong = await safeLoadPath(named(file), options.roots ?? {});
    if (!wrong.ok) return wrong;
    return { ok: false, diagnostics: wrong.diagnostics };
  }
  let menukaart = options.menukaart;
  if (!menukaart && path.menukaart !== undefined) {
    const own = await safeLoadMenukaart(resolve(dirname(pathFile), path.menukaart));
    if (own.ok) menukaart = own.value;
  }
  return { ok: true, value: { path, pathFile, name, diagnostics, ...(menukaart ? { menukaart } : {}), ...(coalition ? { coalition } : {}) }, diagnostics };
}

/** Loads the `--menukaart` file when one is given. */
export async function loadMenukaartFlag(file: string | undefined, cwd: string): Promise<Result<Menukaart | undefined>> {
  if (file === undefined) return { ok: true, value: undefined, diagnostics: [] };
  return safeLoadMenukaart(isAbsolute(file) ? file : resolve(cwd, file));
}

/** The shipped default population, which simulations use when given none; undefined when the package lacks it. */
export function shippedPopulation(): ReturnType<typeof defaultPopulation> | undefined {
  try {
    return defaultPopulation();
  } catch {
    return undefined;
  }
}
