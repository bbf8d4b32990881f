/*
 * 01 — Validate a path.
 * Loads the shipped pregnancy path and validates it with every rule, then parses a small path with
 * a misspelt step id to show what a finding looks like: code, severity, message in English and
 * Dutch, the file, line and column, and a hint. Run: node --import tsx examples/01-validate-a-path.ts
 */
import { fileURLToPath } from 'node:url';
import { formatDiagnostics, safeParsePath, validatePath } from 'zorgpaden';
import { loadPath } from 'zorgpaden/node';

// the content shipped in the package, found wherever zorgpaden is installed
const shipped = (file: string) => fileURLToPath(import.meta.resolve(`zorgpaden/paths/${file}`));

const path = await loadPath(shipped('national/zwangerschap.json'));
const { ok, diagnostics } = validatePath(path);
const errors = diagnostics.filter((d) => d.severity === 'error').length;
console.log(`shipped path ${path.id}: ${Object.keys(path.steps).length} steps, ok=${ok}, errors=${errors}, findings=${diagnostics.length}`);

// a path written by hand, with a transition to 'huisbezeok' instead of 'huisbezoek'
const text = `{
  "schemaVersion": 1, "id": "demo/zwangerschap", "version": "1.0.0",
  "title": { "nl": "Demo" }, "actors": {}, "initial": "intake",
  "steps": {
    "intake": { "kind": "screening", "phase": "pregnancy", "label": { "nl": "Intake" },
      "transitions": [{ "to": "huisbezeok" }] },
    "huisbezoek": { "kind": "outcome", "phase": "pregnancy", "label": { "nl": "Huisbezoek" } }
  }
}`;
const parsed = safeParsePath(text, { filename: 'demo.json' });
if (parsed.ok) throw new Error('expected the misspelt target to be found');
const finding = parsed.diagnostics[0]!;
console.log(`finding: ${finding.code} (${finding.severity}) at ${finding.file}:${finding.line}:${finding.column}`);
console.log(`en: ${finding.message}`);
console.log(`nl: ${finding.nl.message}`);
console.log(`hint: ${finding.hint}`);
console.log('--- as the CLI prints it ---');
console.log(formatDiagnostics(parsed.diagnostics, 'text', { lang: 'en', sourceText: () => text }));
