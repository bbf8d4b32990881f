import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { chromium } from 'playwright-core';
import { ZorgpadenError } from '../diagnostics/index.js';

/** The part of playwright-core's chromium launcher the renderer uses. */
export type ChromiumLauncher = typeof chromium;

const BROWSER_HINT =
  'Rendering to SVG needs the optional packages "mermaid" and "playwright-core": run `npm install mermaid playwright-core`, and install a Chromium (on Debian: `apt-get install chromium`).';
const MERMAID_HINT = 'The HTML report and pages embed Mermaid: run `npm install mermaid` (no browser is needed to write them).';

// the first line of a module-resolution error, without Node's "Require stack" listing
const firstLine = (error: unknown) => String((error as Error)?.message ?? error).split('\n')[0];

/** Loads playwright-core on demand, with an error that says what to install when it is missing. */
export async function loadChromium(): Promise<ChromiumLauncher> {
  try {
    const module = await import('playwright-core');
    return module.chromium;
  } catch (error) {
    throw new ZorgpadenError(`Cannot load "playwright-core". ${BROWSER_HINT} (${firstLine(error)})`, [], { code: 'playwright-missing' });
  }
}

let bundleCache: string | undefined;

/**
 * Reads Mermaid's self-contained browser bundle (`mermaid/dist/mermaid.min.js`); the browser runs
 * it from the page itself, so rendering needs no network.
 */
export function mermaidBundle(): string {
  if (bundleCache !== undefined) return bundleCache;
  let file: string;
  try {
    file = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
  } catch (error) {
    throw new ZorgpadenError(`Cannot find "mermaid". ${MERMAID_HINT} (${firstLine(error)})`, [], { code: 'mermaid-missing' });
  }
  // "</script" would end an inline script early; "<\/script" means the same inside strings and regexes
  bundleCache = readFileSync(file, 'utf8').replace(/<\/(script)/gi, '<\\/$1');
  return bundleCache;
}
