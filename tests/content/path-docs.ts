import { toMermaid } from '../../src/export/index.js';
import { describeDay, sourcesOf, windowDays, type CarePath, type Step } from '../../src/model/index.js';

/** A bibliography entry as `sources.json` holds it. */
export interface SourceEntry {
  title: string;
  url?: string;
  file?: string;
  publisher?: string;
}

const PHASE_NL: Record<string, string> = { preconception: 'voor de zwangerschap', pregnancy: 'zwangerschap', postpartum: 'na de geboorte' };

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();
}

function window(step: Step): string {
  if (!step.window) return '—';
  const { from, to } = windowDays(step.window);
  const start = Number.isFinite(from) ? describeDay(from, 'nl') : '…';
  const end = Number.isFinite(to) ? describeDay(to, 'nl') : '…';
  return `${start} – ${end}`;
}

function stepRow(id: string, step: Step, path: CarePath): string {
  const actor = step.actor ? (path.actors[step.actor]?.label.nl ?? step.actor) : '—';
  const what = `${step.label.nl}${step.label.en ? ` / *${step.label.en}*` : ''}`;
  const extra = [
    step.intervention ? `interventie: \`${step.intervention}\`` : '',
    step.signals?.length ? `signaleert: ${step.signals.join(', ')}` : '',
    step.addresses?.length ? `pakt aan: ${step.addresses.join(', ')}` : '',
    step.result ? `uitkomst: ${step.result}` : '',
  ].filter(Boolean);
  const provenance = [...sourcesOf(step.source).map((s) => `[${s}](#bronnen)`), ...(step.assumption ? ['aanname'] : [])].join(', ');
  const kind = step.kind;
  return `| \`${id}\` | ${PHASE_NL[step.phase] ?? step.phase} | ${kind} | ${cell(actor)} | ${cell(window(step))} | ${cell([what, ...extra].join('<br>'))} | ${provenance || '—'} |`;
}

/** Every source key a path names: its own, its steps', its transitions' and its actors'. */
function sourceKeysOf(path: CarePath): string[] {
  const keys = new Set<string>(sourcesOf(path.source));
  for (const actor of Object.values(path.actors)) sourcesOf(actor.source).forEach((k) => keys.add(k));
  for (const step of Object.values(path.steps)) {
    sourcesOf(step.source).forEach((k) => keys.add(k));
    for (const t of step.transitions) sourcesOf(t.source).forEach((k) => keys.add(k));
  }
  return [...keys].sort();
}

/**
 * The Markdown page of a shipped path: title, what it covers, its diagram (Mermaid), a table of
 * its steps (phase, kind, actor, window, what happens, sources) and its bibliography.
 */
export function renderPathDoc(file: string, path: CarePath, sources: Record<string, SourceEntry>): string {
  const out: string[] = [];
  out.push(`<!-- Generated from paths/${file} by tests/content/path-docs.ts; regenerate with UPDATE_PATH_DOCS=1 npx vitest run tests/content/docs.test.ts -->`);
  out.push('', `# ${path.title.nl}${path.title.en ? ` — ${path.title.en}` : ''}`, '');
  if (path.description) {
    out.push(path.description.nl, '');
    if (path.description.en) out.push(`*${path.description.en}*`, '');
  }
  const steps = Object.entries(path.steps);
  const outcomes = steps.filter(([, s]) => s.kind === 'outcome').map(([id]) => `\`${id}\``);
  out.push(`- Bestand / file: \`paths/${file}\``);
  out.push(`- Id: \`${path.id}\`, versie ${path.version}`);
  out.push(`- Fasen / phases: ${(path.phases ?? []).map((p) => PHASE_NL[p] ?? p).join(', ')}`);
  out.push(`- Stappen / steps: ${steps.length}; begint bij \`${path.initial}\`; uitkomsten: ${outcomes.join(', ')}`);
  if (path.menukaart) out.push(`- Menukaart: \`${path.menukaart}\``);
  out.push('', '## Diagram', '', '```mermaid', toMermaid(path, { lang: 'nl' }).trimEnd(), '```', '');
  out.push('## Stappen / steps', '');
  out.push('| Stap | Fase | Soort | Actor | Venster | Wat er gebeurt | Bron |');
  out.push('|---|---|---|---|---|---|---|');
  for (const [id, step] of steps) out.push(stepRow(id, step, path));
  out.push('', '## Bronnen', '');
  for (const key of sourceKeysOf(path)) {
    const entry = sources[key];
    if (!entry) {
      out.push(`- \`${key}\`: (not in sources.json)`);
      continue;
    }
    const where = entry.url ? ` — <${entry.url}>` : entry.file ? ` — \`${entry.file}\`` : '';
    out.push(`- \`${key}\`: ${cell(entry.title)}${entry.publisher ? ` (${cell(entry.publisher)})` : ''}${where}`);
  }
  out.push('');
  return out.join('\n');
}
