import fc from 'fast-check';
import { PHASES, type CarePath, type Step } from '../../../src/model/index.js';

/** Pieces of text that mean something to Mermaid, HTML or YAML, plus ordinary letters. */
export const HOSTILE_PIECES = [
  '"', "'", '`', '[', ']', '(', ')', '{', '}', '{{', '}}', '[[', '((', '|', '<', '>', '&', '&amp;', '&lt;',
  '-->', '---', '-.->', '==>', '--', '-', '->>', ':::', ':', ';', ',', '#', '#quot;', '#35;', '#59', '%%', '%%{init: {"theme":"dark"}}%%',
  'click s0 call alert(1)', 'click', 'end', 'state', 'class', 'classDef', 'style', 'subgraph', 'direction', 'note', 'section', 'title',
  'accTitle: x', 'participant', 'as', '[*]', 'root_start', 's0', 'lg0', '<script>window.__pwned=1</script>', '<img src=x onerror=window.__pwned=1>',
  '<br/>', '\\', '\n', '\r\n', '\t', '\u2028', '\u202e', '\u200b', ' ', '  ', 'é', 'ë', 'ï', 'ß', 'ﬂ', '°', '¶', 'ﬂ°°60¶ß', '🤰', '👶🏽', '中文', 'Zorg',
  'a', 'B', '1', '.', '_', '$', '@', '^', '~', '*', '+', '=', '?', '!', '/', '…',
];

/** A label drawn from the hostile alphabet (possibly empty or only spaces). */
export const hostileText = fc.array(fc.constantFrom(...HOSTILE_PIECES), { minLength: 0, maxLength: 8 }).map((parts) => parts.join(''));

const hostileLabel = fc.record({ nl: hostileText, en: hostileText });

/**
 * A care path with hostile labels everywhere (steps, actors, organisations, transitions, title),
 * built as a plain object so that even labels the schema would refuse reach the exporter.
 */
export const hostilePath: fc.Arbitrary<CarePath> = fc
  .record({
    title: hostileLabel,
    actors: fc.array(fc.record({ label: hostileLabel, organisation: fc.option(hostileText, { nil: undefined }), domain: fc.constantFrom('medical', 'social', 'informal') as fc.Arbitrary<'medical' | 'social' | 'informal'> }), { minLength: 1, maxLength: 4 }),
    steps: fc.array(
      fc.record({
        label: hostileLabel,
        phase: fc.constantFrom(...PHASES),
        actor: fc.option(fc.nat(5), { nil: undefined }),
        outcome: fc.boolean(),
        transitions: fc.array(
          fc.record({ to: fc.nat(30), label: fc.option(hostileLabel, { nil: undefined }), handoff: fc.option(fc.constantFrom('warm', 'cold') as fc.Arbitrary<'warm' | 'cold'>, { nil: undefined }), on: fc.option(fc.constantFrom('RISK_SIGNALLED', 'MOVED'), { nil: undefined }) }),
          { maxLength: 3 },
        ),
      }),
      { minLength: 1, maxLength: 7 },
    ),
  })
  .map(({ title, actors, steps }) => {
    const actorMap: CarePath['actors'] = {};
    actors.forEach((a, i) => {
      actorMap[`actor-${i}`] = { label: a.label, domain: a.domain, ...(a.organisation !== undefined ? { organisation: a.organisation } : {}) };
    });
    const stepMap: Record<string, Step> = {};
    steps.forEach((s, i) => {
      const outcome = s.outcome && i > 0;
      stepMap[`step-${i}`] = {
        kind: outcome ? 'outcome' : 'contact',
        phase: s.phase,
        label: s.label,
        ...(s.actor !== undefined && s.actor < actors.length ? { actor: `actor-${s.actor}` } : {}),
        transitions: outcome
          ? []
          : s.transitions.map((t) => ({
              to: `step-${t.to % steps.length}`,
              ...(t.label ? { label: t.label } : {}),
              ...(t.handoff ? { handoff: t.handoff } : {}),
              ...(t.on ? { on: t.on } : {}),
            })),
      };
    });
    return { schemaVersion: 1, id: 'hostile', version: '1.0.0', title, actors: actorMap, initial: 'step-0', steps: stepMap } as CarePath;
  });

/** What a label should read as after Mermaid parsed it: one line, never empty. */
export function expectedLabel(text: string): string {
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
  return line === '' ? ' ' : line;
}
