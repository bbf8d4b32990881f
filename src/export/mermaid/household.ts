import { emitsOf, isChildTrack, labelText, type HouseholdPath } from '../../model/index.js';
import { describeCondition, type ExportLang } from '../condition-words.js';
import { classLines, DOMAIN_STYLES, frontMatter, memoized } from './common.js';
import { escapeLabel, quoted } from './escape.js';

/** Options of `householdToMermaid`. */
export interface HouseholdDiagramOptions {
  lang?: ExportLang;
}

const WORDS = {
  nl: {
    perChild: 'per kind',
    referral: 'verwijzing',
    warm: 'warm',
    cold: 'koud',
    transfer: 'overdracht',
    accepted: (p: number) => `${Math.round(p * 100)}% neemt aan`,
    starts: 'start bij',
    detects: 'signaleert',
    addresses: 'steun bij',
    when: 'als',
  },
  en: {
    perChild: 'per child',
    referral: 'referral',
    warm: 'warm',
    cold: 'cold',
    transfer: 'transfer',
    accepted: (p: number) => `${Math.round(p * 100)}% accept`,
    starts: 'starts on',
    detects: 'signals',
    addresses: 'support for',
    when: 'if',
  },
} as const;

/**
 * A household path (format version 2) as a Mermaid flowchart with one lane (subgraph) per track.
 * Ordinary steps are plain arrows; a transfer of responsibility (a transition with `handoff`) is a
 * thick arrow; a referral into another track and a track started by an event are dotted arrows.
 * Steps say which risks they signal and which they address. Every label is escaped.
 *
 * @example
 * const text = householdToMermaid(await loadHouseholdPath('gezin.json'), { lang: 'nl' });
 */
export function householdToMermaid(path: HouseholdPath, options: HouseholdDiagramOptions = {}): string {
  const lang = options.lang ?? 'nl';
  const w = WORDS[lang];
  const esc = memoized(escapeLabel);
  const stepIds = Object.keys(path.steps);
  const node = new Map(stepIds.map((id, i) => [id, `s${i}`]));
  const riskLabel = (key: string) => (path.risks && Object.hasOwn(path.risks, key) ? labelText(path.risks[key]!.label, lang) : key);
  const factors = path.risks ? { risks: path.risks } : {};
  const lines = [...frontMatter(), 'flowchart TB'];
  const classes = new Map<string, string[]>();

  Object.entries(path.tracks).forEach(([trackId, track], t) => {
    const title = labelText(track.label, lang) + (isChildTrack(path, track) ? ` (${w.perChild})` : '');
    lines.push(`  subgraph t${t}[${quoted(title)}]`, '    direction TB');
    for (const [id, step] of Object.entries(path.steps)) {
      if (step.track !== trackId) continue;
      const parts = [labelText(step.label, lang)];
      const detects = Object.entries(step.detects ?? {});
      if (detects.length > 0) parts.push(`${w.detects} ${detects.map(([r, p]) => `${riskLabel(r)} ${Math.round(p * 100)}%`).join(', ')}`);
      if ((step.addresses ?? []).length > 0) parts.push(`${w.addresses} ${step.addresses!.map(riskLabel).join(', ')}`);
      const shape = step.kind === 'outcome' ? ['([', '])'] : ['[', ']'];
      lines.push(`    ${node.get(id)!}${shape[0]}"${esc(parts.join(' · '))}"${shape[1]}`);
      const domain = step.actor !== undefined && Object.hasOwn(path.actors, step.actor) ? path.actors[step.actor]!.domain : 'none';
      const list = classes.get(domain) ?? [];
      list.push(node.get(id)!);
      classes.set(domain, list);
    }
    lines.push('  end');
  });

  for (const [id, step] of Object.entries(path.steps)) {
    const from = node.get(id)!;
    for (const transition of step.transitions) {
      const to = node.get(transition.to);
      if (to === undefined) continue;
      const parts: string[] = [];
      if (transition.handoff) parts.push(`${w.transfer} ${w[transition.handoff]}`);
      if (transition.on) parts.push(transition.on);
      if (transition.when) parts.push(`${w.when} ${describeCondition(transition.when, lang, factors)}`);
      const text = parts.length > 0 ? `|"${esc(parts.join(' · '))}"|` : '';
      lines.push(`  ${from} ${transition.handoff ? '==>' : '-->'}${text} ${to}`);
    }
    for (const referral of step.refers ?? []) {
      const to = node.get(referral.to);
      if (to === undefined) continue;
      const parts = [referral.handoff ? `${w.referral} ${w[referral.handoff]}` : w.referral];
      if (referral.when) parts.push(`${w.when} ${describeCondition(referral.when, lang, factors)}`);
      if (referral.accepted !== undefined && referral.accepted < 1) parts.push(w.accepted(referral.accepted));
      lines.push(`  ${from} -.->|"${esc(parts.join(' · '))}"| ${to}`);
    }
    for (const event of emitsOf(step)) {
      for (const track of Object.values(path.tracks)) {
        if (track.startsOn !== event || track.initial === undefined || !node.has(track.initial)) continue;
        lines.push(`  ${from} -.->|"${esc(`${w.starts} ${event}`)}"| ${node.get(track.initial)!}`);
      }
    }
  }
  for (const [domain, style] of Object.entries(DOMAIN_STYLES)) if (classes.has(domain)) lines.push(`  classDef ${domain} ${style}`);
  lines.push(...classLines(classes, '  '));
  return lines.join('\n') + '\n';
}

/**
 * A household path as a Mermaid state diagram: one concurrent region per track inside one
 * composite state for the household, each track starting from its own `[*]`. Transitions stay in
 * their region (a transfer says so on its label); referrals and start events cross between regions
 * and are labelled as such. Every label is escaped.
 *
 * @example
 * const text = householdToStateDiagram(path, { lang: 'en' });
 */
export function householdToStateDiagram(path: HouseholdPath, options: HouseholdDiagramOptions = {}): string {
  const lang = options.lang ?? 'nl';
  const w = WORDS[lang];
  const esc = memoized(escapeLabel);
  const stepIds = Object.keys(path.steps);
  const node = new Map(stepIds.map((id, i) => [id, `s${i}`]));
  const factors = path.risks ? { risks: path.risks } : {};
  const lines = [...frontMatter(), 'stateDiagram-v2', `  state ${quoted(labelText(path.title, lang))} as household {`];
  const crossing: string[] = [];
  Object.entries(path.tracks).forEach(([trackId, track], t) => {
    if (t > 0) lines.push('    --');
    const title = labelText(track.label, lang) + (isChildTrack(path, track) ? ` (${w.perChild})` : '');
    lines.push(`    state ${quoted(title)} as t${t} {`);
    for (const [id, step] of Object.entries(path.steps)) {
      if (step.track === trackId) lines.push(`      state ${quoted(labelText(step.label, lang))} as ${node.get(id)!}`);
    }
    if (track.initial !== undefined && node.has(track.initial)) lines.push(`      [*] --> ${node.get(track.initial)!}`);
    for (const [id, step] of Object.entries(path.steps)) {
      if (step.track !== trackId) continue;
      for (const transition of step.transitions) {
        const to = node.get(transition.to);
        if (to === undefined) continue;
        const parts: string[] = [];
        if (transition.handoff) parts.push(`${w.transfer} ${w[transition.handoff]}`);
        if (transition.on) parts.push(transition.on);
        if (transition.when) parts.push(`${w.when} ${describeCondition(transition.when, lang, factors)}`);
        lines.push(`      ${node.get(id)!} --> ${to}${parts.length > 0 ? ` : ${esc(parts.join(' · '))}` : ''}`);
      }
      if (step.kind === 'outcome') lines.push(`      ${node.get(id)!} --> [*]`);
      for (const referral of step.refers ?? []) {
        const to = node.get(referral.to);
        if (to === undefined) continue;
        const parts = [referral.handoff ? `${w.referral} ${w[referral.handoff]}` : w.referral];
        if (referral.when) parts.push(`${w.when} ${describeCondition(referral.when, lang, factors)}`);
        crossing.push(`    ${node.get(id)!} --> ${to} : ${esc(parts.join(' · '))}`);
      }
    }
    lines.push('    }');
  });
  lines.push('  }', ...crossing.map((line) => line.slice(2)));
  return lines.join('\n') + '\n';
}
