import { toMermaid } from '../../src/export/index.js';
import { householdToMermaid, type HouseholdPath, type HouseholdStep } from '../../src/household.js';
import { describeDay, sourcesOf, windowDays, type CarePath, type Step } from '../../src/model/index.js';

/** A bibliography entry as `sources.json` holds it. */
export interface SourceEntry {
  title: string;
  url?: string;
  file?: string;
  publisher?: string;
  note?: { nl: string; en?: string };
}

const PHASE_NL: Record<string, string> = { preconception: 'voor de zwangerschap', pregnancy: 'zwangerschap', postpartum: 'na de geboorte' };
// the pages are Dutch reference pages: kinds, results and domains in Dutch, with the key beside it
const KIND_NL: Record<string, string> = { contact: 'contact', screening: 'signalering', decision: 'keuze', intervention: 'interventie', handoff: 'overdracht', wait: 'wachten', outcome: 'uitkomst' };
const RESULT_NL: Record<string, string> = { good: 'gunstig', neutral: 'neutraal', adverse: 'ongunstig' };
const DOMAIN_NL: Record<string, string> = { medical: 'medisch domein', social: 'sociaal domein', informal: 'informeel netwerk' };
const LEGEND =
  '*Vensters*: `wk` = zwangerschapsweken (`12+3 wk` is 12 weken en 3 dagen), geteld vanaf de eerste dag van de laatste menstruatie (bevalling rond 40 wk; "2 wk" is ongeveer de conceptie); `dag` en `mnd` = leeftijd van het kind sinds de geboorte; "wk vóór conceptie" = tijd vóór de zwangerschap. *Soort*: contact, signalering, keuze, interventie, overdracht, wachten of uitkomst. Risico\'s en beschermende factoren staan met hun Nederlandse naam; de sleutel in het bestand staat in de bestanden zelf.';

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

type AnyPath = Pick<CarePath, 'actors' | 'risks'>;

const riskName = (path: AnyPath, key: string) => path.risks?.[key]?.label.nl ?? key;
const percent = (p: number) => `${Math.round(p * 100)}%`;

function stepRow(id: string, step: Step | HouseholdStep, path: AnyPath, track?: string): string {
  const actor = step.actor ? (path.actors[step.actor]?.label.nl ?? step.actor) : '—';
  const what = `${step.label.nl}${step.label.en ? ` / *${step.label.en}*` : ''}`;
  const signals = 'signals' in step && step.signals?.length ? step.signals.map((r) => riskName(path, r)) : [];
  const detects = 'detects' in step && step.detects ? Object.entries(step.detects).map(([r, p]) => `${riskName(path, r)} (${percent(p)})`) : [];
  const refers = 'refers' in step && step.refers?.length ? step.refers.map((r) => `\`${r.to}\``) : [];
  const extra = [
    step.intervention ? `interventie: \`${step.intervention}\`` : '',
    signals.length ? `signaleert: ${signals.join(', ')}` : '',
    detects.length ? `signaleert (kans): ${detects.join(', ')}` : '',
    refers.length ? `verwijst naar: ${refers.join(', ')}` : '',
    step.addresses?.length ? `pakt aan: ${step.addresses.map((r) => riskName(path, r)).join(', ')}` : '',
    step.result ? `uitkomst: ${RESULT_NL[step.result] ?? step.result}` : '',
  ].filter(Boolean);
  const provenance = [...sourcesOf(step.source).map((s) => `[${s}](#bronnen)`), ...(step.assumption ? ['aanname'] : [])].join(', ');
  const kind = KIND_NL[step.kind] ?? step.kind;
  const first = track === undefined ? '' : ` ${track} |`;
  return `| \`${id}\` |${first} ${PHASE_NL[step.phase] ?? step.phase} | ${kind} | ${cell(actor)} | ${cell(window(step))} | ${cell([what, ...extra].join('<br>'))} | ${provenance || '—'} |`;
}

function actorList(path: AnyPath): string[] {
  const out = ['## Actoren', '', '| Actor | Domein |', '|---|---|'];
  for (const [id, actor] of Object.entries(path.actors)) {
    const domain = actor.publicHealth ? 'publieke gezondheid (JGZ/GGD)' : (DOMAIN_NL[actor.domain] ?? actor.domain);
    out.push(`| ${cell(actor.label.nl)} (\`${id}\`) | ${domain} |`);
  }
  // the diagram colours nodes by domain only, so the table says what the colour cannot
  if (Object.values(path.actors).some((actor) => actor.publicHealth)) {
    out.push('', '*Publieke gezondheid*: de JGZ en de GGD zijn publieke gezondheidszorg (Wet publieke gezondheid), geen curatieve medische zorg. In de diagrammen hebben hun stappen een eigen kleur (paars).');
  }
  return [...out, ''];
}

/** Every source key a path names: its own, its steps', its transitions', referrals' and its actors'. */
function sourceKeysOf(path: Pick<CarePath, 'source' | 'actors'> & { steps: Record<string, Step | HouseholdStep> }): string[] {
  const keys = new Set<string>(sourcesOf(path.source));
  for (const actor of Object.values(path.actors)) sourcesOf(actor.source).forEach((k) => keys.add(k));
  for (const step of Object.values(path.steps)) {
    sourcesOf(step.source).forEach((k) => keys.add(k));
    for (const t of step.transitions) sourcesOf(t.source).forEach((k) => keys.add(k));
    if ('refers' in step) for (const r of step.refers ?? []) sourcesOf(r.source).forEach((k) => keys.add(k));
  }
  return [...keys].sort();
}

function bibliography(keys: string[], sources: Record<string, SourceEntry>): string[] {
  const out = ['## Bronnen', ''];
  for (const key of keys) {
    const entry = sources[key];
    if (!entry) {
      out.push(`- \`${key}\`: (not in sources.json)`);
      continue;
    }
    const where = entry.url ? ` — <${entry.url}>` : entry.file ? ` — \`${entry.file}\`` : '';
    // a page that is not the publisher of the facts it is cited for (paths/README.md, "Secondary sources")
    const secondary = /^Secundaire bron\b/.test(entry.note?.nl ?? '') ? ' — *secundaire bron*' : '';
    out.push(`- \`${key}\`: ${cell(entry.title)}${entry.publisher ? ` (${cell(entry.publisher)})` : ''}${where}${secondary}`);
  }
  return [...out, ''];
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
  out.push('## Stappen / steps', '', LEGEND, '');
  out.push('| Stap | Fase | Soort | Actor | Venster | Wat er gebeurt | Bron |');
  out.push('|---|---|---|---|---|---|---|');
  for (const [id, step] of steps) out.push(stepRow(id, step, path));
  out.push('', ...actorList(path), ...bibliography(sourceKeysOf(path), sources));
  return out.join('\n');
}

/**
 * The Markdown page of a shipped household path (format version 2): members, tracks, its diagram
 * with one lane per track, a table of its steps per track (with what they signal and where they
 * refer), its actors and its bibliography.
 */
export function renderHouseholdDoc(file: string, path: HouseholdPath, sources: Record<string, SourceEntry>): string {
  const out: string[] = [];
  out.push(`<!-- Generated from paths/${file} by tests/content/path-docs.ts; regenerate with UPDATE_PATH_DOCS=1 npx vitest run tests/content/docs.test.ts -->`);
  out.push('', `# ${path.title.nl}${path.title.en ? ` — ${path.title.en}` : ''}`, '');
  if (path.description) {
    out.push(path.description.nl, '');
    if (path.description.en) out.push(`*${path.description.en}*`, '');
  }
  out.push(`- Bestand / file: \`paths/${file}\` (formaatversie 2)`);
  out.push(`- Id: \`${path.id}\`, versie ${path.version}`);
  out.push(`- Stappen / steps: ${Object.keys(path.steps).length}`);
  if (path.menukaart) out.push(`- Menukaart: \`${path.menukaart}\``);
  out.push('', '## Leden / members', '');
  for (const [id, member] of Object.entries(path.members)) out.push(`- \`${id}\` (${member.role}): ${cell(member.label.nl)}`);
  out.push('', '## Sporen / tracks', '', '| Spoor | Voor | Begint | Regie |', '|---|---|---|---|');
  for (const [id, track] of Object.entries(path.tracks)) {
    const start = track.initial === undefined ? 'na een verwijzing' : track.startsOn ? `bij ${track.startsOn} in \`${track.initial}\`` : `bij de start in \`${track.initial}\``;
    const member = path.members[track.member]?.label.nl ?? 'huishouden';
    const lead = track.lead ? (path.actors[track.lead]?.label.nl ?? track.lead) : '—';
    out.push(`| ${cell(track.label.nl)} (\`${id}\`) | ${cell(member)} | ${start} | ${cell(lead)} |`);
  }
  out.push('', '## Diagram', '', '```mermaid', householdToMermaid(path, { lang: 'nl' }).trimEnd(), '```', '');
  out.push('## Stappen / steps', '', LEGEND, '');
  out.push('| Stap | Spoor | Fase | Soort | Actor | Venster | Wat er gebeurt | Bron |');
  out.push('|---|---|---|---|---|---|---|---|');
  for (const [id, step] of Object.entries(path.steps)) out.push(stepRow(id, step, path, step.track));
  out.push('', ...actorList(path), ...bibliography(sourceKeysOf(path), sources));
  return out.join('\n');
}
