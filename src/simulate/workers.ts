import { createHash } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ZorgpadenError } from '../diagnostics/index.js';
import type { HouseholdTally } from './household-tally.js';
import type { Tally } from './tally.js';
import type { AnyWorkerRequest, HouseholdWorkerRequest, WorkerMessage, WorkerRequest } from './worker-protocol.js';

/** Where this module lives: `import.meta.url` in ESM, `__filename` in the CommonJS build. */
export function moduleUrl(): URL {
  const meta = (import.meta as { url?: string } | undefined)?.url;
  if (meta) return new URL(meta);
  if (typeof __filename === 'string') return pathToFileURL(__filename);
  return pathToFileURL(process.cwd() + '/');
}

/**
 * Finds the worker entry: `simulate-worker.js` beside the bundle (dist), or `worker.ts` beside
 * this file when running from source (then loaded through tsx, a development dependency).
 */
export function workerEntry(): { file: URL; typescript: boolean } | undefined {
  const here = moduleUrl();
  // beside the CLI bundle (dist/bin), or from the CommonJS bundles (dist/cjs)
  for (const candidate of ['./simulate-worker.js', '../bin/simulate-worker.js']) {
    const bundled = new URL(candidate, here);
    if (existsSync(fileURLToPath(bundled))) return { file: bundled, typescript: false };
  }
  const source = new URL('./worker.ts', here);
  if (existsSync(fileURLToPath(source))) return { file: source, typescript: true };
  const compiled = new URL('./worker.js', here);
  if (existsSync(fileURLToPath(compiled))) return { file: compiled, typescript: false };
  return undefined;
}

let bundledSource: string | undefined;

/**
 * From source, the TypeScript worker is bundled once per process with esbuild (present wherever
 * the sources are, as the build's and tsx's engine) into an ES module in the temporary directory, named by its content: much faster to
 * start than registering tsx in every worker. If that fails, tsx is registered in the worker.
 */
function bundleSource(entry: URL): string | undefined {
  if (bundledSource && existsSync(bundledSource)) return bundledSource;
  try {
    const esbuild = createRequire(entry)('esbuild') as { buildSync(options: Record<string, unknown>): { outputFiles: { text: string }[] } };
    const built = esbuild.buildSync({ entryPoints: [fileURLToPath(entry)], bundle: true, format: 'esm', platform: 'node', target: 'node20', write: false, logLevel: 'silent' });
    const code = built.outputFiles[0]!.text;
    // named by content, so processes share one file per version of the sources instead of piling up
    const outfile = join(tmpdir(), `zorgpaden-simulate-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
    if (!existsSync(outfile)) {
      const temporary = `${outfile}.${process.pid}.tmp`;
      writeFileSync(temporary, code);
      renameSync(temporary, outfile);
    }
    bundledSource = outfile;
    return outfile;
  } catch {
    return undefined;
  }
}

function spawn(request: AnyWorkerRequest): Worker {
  const entry = workerEntry();
  if (!entry) throw new ZorgpadenError('The simulation worker file (simulate-worker.js) was not found next to the library; run with workers: 1.');
  // a plain JavaScript worker needs none of the parent's loaders (under tsx they would slow every start)
  if (!entry.typescript) return new Worker(entry.file, { workerData: request, execArgv: [] });
  const bundled = bundleSource(entry.file);
  if (bundled) return new Worker(pathToFileURL(bundled), { workerData: request, execArgv: [] });
  // last resort: register tsx's loader inside the worker, then import the TypeScript entry
  const resolveEsm = (import.meta as { resolve?: (specifier: string) => string } | undefined)?.resolve;
  const tsx = resolveEsm ? resolveEsm('tsx/esm/api') : pathToFileURL(createRequire(entry.file).resolve('tsx/esm/api')).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { (tsx.register ?? tsx.default.register)(); return import(${JSON.stringify(entry.file.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: request });
}

/** Runs each request in its own worker thread, at most `limit` at once (default all); resolves to their tallies in request order. */
export function runInWorkers(requests: WorkerRequest[], onProgress?: (done: number) => void, limit?: number): Promise<Tally[]> {
  return runRequests<Tally>(requests, onProgress, limit);
}

/** Runs each slice of households in its own worker thread; resolves to their tallies in request order. */
export function runHouseholdsInWorkers(requests: HouseholdWorkerRequest[], onProgress?: (done: number) => void): Promise<HouseholdTally[]> {
  return runRequests<HouseholdTally>(requests, onProgress);
}

function runRequests<T extends Tally | HouseholdTally>(requests: AnyWorkerRequest[], onProgress?: (done: number) => void, limit = requests.length): Promise<T[]> {
  const done = new Array<number>(requests.length).fill(0);
  const workers: Worker[] = [];
  const report = () => onProgress?.(done.reduce((a, b) => a + b, 0));
  // at most `limit` threads at once: request k waits for request k − limit to finish
  const started: Promise<T>[] = [];
  let failed = false;
  const runs = requests.map((request, k) => {
    const turn = k < limit ? Promise.resolve() : started[k - limit]!.then(() => undefined);
    const run = turn.then(() => runOne(request, k));
    started.push(run);
    return run;
  });
  function runOne(request: AnyWorkerRequest, k: number) {
    return new Promise<T>((resolve, reject) => {
      // after a failure the requests still waiting are not started
      if (failed) return reject(new ZorgpadenError('A simulation worker failed before this slice started.'));
      const worker = spawn(request);
      workers.push(worker);
      let settled = false;
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') {
          done[k] = message.done;
          report();
        } else if (message.type === 'done') {
          settled = true;
          resolve(message.tally as T);
          void worker.terminate();
        } else {
          settled = true;
          reject(new ZorgpadenError(`A simulation worker failed: ${message.message}`));
        }
      });
      worker.on('error', (error) => {
        settled = true;
        reject(new ZorgpadenError(`A simulation worker failed: ${error.message}`));
      });
      worker.on('exit', (code) => {
        if (!settled) reject(new ZorgpadenError(`A simulation worker stopped early (exit code ${code}).`));
      });
    });
  }
  return Promise.all(runs).catch(async (error: unknown) => {
    failed = true;
    await Promise.all(workers.map((w) => w.terminate()));
    throw error;
  });
}
