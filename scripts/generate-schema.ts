/**
 * Writes the JSON Schemas for editors from the zod schemas (never hand-edited).
 * `tsx scripts/generate-schema.ts` writes them; `--check` fails when the committed files are stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderJsonSchemas } from '../src/model/json-schema.js';

const outDir = new URL('../schema/', import.meta.url);
const check = process.argv.includes('--check');
let stale = 0;
for (const [file, text] of Object.entries(renderJsonSchemas())) {
  const target = fileURLToPath(new URL(file, outDir));
  if (check) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      // a missing file is stale too
    }
    if (current !== text) {
      console.error(`schema/${file} is stale; run: npm run schema`);
      stale++;
    }
  } else {
    writeFileSync(target, text);
    console.log(`wrote schema/${file}`);
  }
}
process.exitCode = stale > 0 ? 1 : 0;
