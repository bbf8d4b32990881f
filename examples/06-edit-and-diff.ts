/*
 * 06 — Edit a path with patches, undo, and diff two versions.
 * Every edit returns a new path (the old one is untouched) plus immer patches that can be stored,
 * replayed and undone. An edit that would break the path fails with the same diagnostics as a bad
 * file. diffPaths + summarizeDiff say what changed, in Dutch or English.
 * Run: node --import tsx examples/06-edit-and-diff.ts
 */
import { fileURLToPath } from 'node:url';
import { addStep, applyPathPatches, diffPaths, editPath, safeEditPath, setWindow, summarizeDiff, undoEdit } from 'zorgpaden';
import { loadPath } from 'zorgpaden/node';

// the content shipped in the package, found wherever zorgpaden is installed
const shipped = (file: string) => fileURLToPath(import.meta.resolve(`zorgpaden/paths/${file}`));

const v1 = await loadPath(shipped('national/zwangerschap.json'));

// 1. a recipe changes a draft in place, as with immer's produce
const earlier = editPath(v1, (draft) => {
  draft.version = '1.1.0';
  draft.steps['intake']!.window = { from: { gw: 6 }, to: { gw: 12 } };
});
console.log(`patches: ${earlier.patches.map((p) => `${p.op} /${p.path.join('/')}`).join(', ')}`);
console.log(`old path untouched: ${JSON.stringify(v1.steps['intake']!.window?.to)}`);

// 2. named operations: add a local step and give another step a window
const added = addStep(earlier.path, 'taalcafe', {
  kind: 'intervention', phase: 'pregnancy', label: { nl: 'Taalcafé voor aanstaande ouders', en: 'Language café for parents-to-be' },
  transitions: [{ to: 'kinkhoestvaccinatie' }],
});
const v2 = setWindow(added.path, 'echo-20-weken', { from: { gw: 18 }, to: { gw: 21 } }).path;

// 3. what changed between the two versions, as data and as text
const changes = diffPaths(v1, v2);
console.log(`changes: ${changes.map((c) => c.kind).join(', ')}`);
// given the two versions, steps are named by their labels
console.log(summarizeDiff(changes, { lang: 'en', before: v1, after: v2 }));

// 4. undo, and replay the stored patches on the old version
console.log(`undo gives v1 back: ${diffPaths(undoEdit(earlier), v1).length === 0}`);
console.log(`replayed patches give the same path: ${diffPaths(applyPathPatches(v1, earlier.patches), earlier.path).length === 0}`);

// 5. an edit that breaks a reference is refused with a diagnostic and a did-you-mean hint
const broken = safeEditPath(v1, (draft) => {
  draft.steps['intake']!.transitions[0]!.to = 'signalerin';
});
if (!broken.ok) console.log(`refused: ${broken.diagnostics[0]!.code} — ${broken.diagnostics[0]!.message} ${broken.diagnostics[0]!.hint ?? ''}`);
