import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routeToMermaid, timelineToMermaid, toMermaid, ZorgpadenError } from '../support/everything.js';
import { fuzz } from './budget.js';
import { expectReturnsOrDocumentedThrow } from './contract.js';
import { drawablePath, drawOptionsArb, mapTexts, routeArb, toMermaidOptions } from './mermaid-inputs.js';

/**
 * The escaping contract of src/export/mermaid/escape.ts: an escaped text holds only letters, digits,
 * spaces, `.`, `'`, `_`, single dashes and `#<code>;` entities. So when every run of those is
 * folded to one mark, a diagram of hostile texts must fold to exactly the diagram of the same path
 * with plain tokens for texts: same lines, same syntax around the texts. Any quote, bracket,
 * arrow, `%%`, `;`, line break or markup that got through unescaped shows up as a difference.
 */
const skeleton = (text: string) => text.split('\n').map((line) => line.replace(/#\d+;/g, 'e').replace(/[\p{L}\p{M}\p{N} .'_-]+/gu, '·'));

/** The twin of a document: every distinct text replaced by its own plain token, empty text kept empty. */
function twinMap(): (text: string) => string {
  const tokens = new Map<string, string>();
  return (text) => {
    if (text === '') return '';
    let token = tokens.get(text);
    if (token === undefined) tokens.set(text, (token = `T${tokens.size}`));
    return token;
  };
}

function expectSameSkeleton(hostile: string, plain: string): void {
  const a = skeleton(hostile);
  const b = skeleton(plain);
  expect(a.length, 'line count').toBe(b.length);
  a.forEach((line, i) => expect(line, `line ${i + 1}: ${hostile.split('\n')[i]!.slice(0, 300)}`).toBe(b[i]));
  expect(hostile).not.toMatch(/<script|<img|javascript:/i);
}

// lines of a gantt or journey that start with a text must start with an entity, so no text reads as a keyword
function expectLineTextsEncoded(text: string): void {
  for (const line of text.split('\n')) {
    const m = /^ {2}section (.*)$/.exec(line) ?? /^ {4}(.*)$/.exec(line);
    if (m) expect(m[1]!.startsWith('#'), line.slice(0, 200)).toBe(true);
  }
}

describe('the Mermaid exporter on hostile texts', () => {
  it('toMermaid in every kind and option escapes every text: the diagram folds to that of the plain twin', () => {
    fuzz(
      'mermaid: toMermaid escaping (all kinds and options)',
      fc.property(
        drawablePath.chain((path) => fc.tuple(fc.constant(path), drawOptionsArb(path))),
        ([path, draw]) => {
          const twin = mapTexts(path, twinMap());
          const text = toMermaid(path, toMermaidOptions(path, draw));
          expect(toMermaid(path, toMermaidOptions(path, draw))).toBe(text);
          expectSameSkeleton(text, toMermaid(twin, toMermaidOptions(twin, draw)));
        },
      ),
      0.6,
    );
  });

  it('routeToMermaid (sequence and journey) escapes every text, steps the path lacks included', () => {
    fuzz(
      'mermaid: routeToMermaid escaping',
      fc.property(
        drawablePath.chain((path) => fc.tuple(fc.constant(path), routeArb(path), fc.constantFrom('sequence', 'journey') as fc.Arbitrary<'sequence' | 'journey'>, fc.constantFrom('nl', 'en') as fc.Arbitrary<'nl' | 'en'>)),
        ([path, route, kind, lang]) => {
          const map = twinMap();
          const twinPath = mapTexts(path, map);
          // a step the path does not have is drawn by its id, so its id is a text too
          const id = (step: string) => (Object.hasOwn(path.steps, step) ? step : map(step));
          const mapped = mapTexts(route, map);
          const twinRoute = { ...mapped, steps: mapped.steps.map((s) => ({ ...s, step: id(s.step) })), ...(mapped.breakPoint ? { breakPoint: { ...mapped.breakPoint, step: id(mapped.breakPoint.step) } } : {}) };
          const text = routeToMermaid(route, path, { kind, lang });
          expectSameSkeleton(text, routeToMermaid(twinRoute, twinPath, { kind, lang }));
          if (kind === 'journey') expectLineTextsEncoded(text);
        },
      ),
    );
  });

  it('timelineToMermaid escapes every text and starts every bar and section with an entity', () => {
    fuzz(
      'mermaid: timelineToMermaid escaping',
      fc.property(drawablePath, fc.constantFrom('nl', 'en') as fc.Arbitrary<'nl' | 'en'>, fc.boolean(), (path, lang, milestones) => {
        const text = timelineToMermaid(path, { lang, milestones });
        expectSameSkeleton(text, timelineToMermaid(mapTexts(path, twinMap()), { lang, milestones }));
        expectLineTextsEncoded(text);
      }),
    );
  });

  it('values that are no path or route give an invalid-argument ZorgpadenError, never a TypeError', () => {
    const notAPath = fc.oneof(fc.jsonValue(), fc.record({ id: fc.jsonValue(), version: fc.jsonValue(), initial: fc.jsonValue(), actors: fc.jsonValue(), steps: fc.jsonValue() }, { requiredKeys: [] }));
    fuzz(
      'mermaid: values that are no path or route',
      fc.property(drawablePath, notAPath, fc.constantFrom('toMermaid', 'timelineToMermaid', 'routeToMermaid path', 'routeToMermaid route'), (path, value, call) => {
        const run = {
          toMermaid: () => toMermaid(value as never),
          timelineToMermaid: () => timelineToMermaid(value as never),
          'routeToMermaid path': () => routeToMermaid({ title: { nl: 'r' }, persona: { name: 'p' }, steps: [] } as never, value as never),
          'routeToMermaid route': () => routeToMermaid(value as never, path),
        }[call];
        const outcome = expectReturnsOrDocumentedThrow(run);
        if ('error' in outcome) expect(outcome.error.diagnostics.map((d) => d.code)).toEqual(['invalid-argument']);
      }),
      0.5,
    );
  });

  it('unknown kinds and languages give the documented ZorgpadenError', () => {
    fuzz(
      'mermaid: unknown kind or language',
      fc.property(drawablePath, fc.string(), fc.constantFrom('kind', 'lang'), (path, value, field) => {
        fc.pre(!['state', 'flowchart', 'nl', 'en'].includes(value));
        expect(() => toMermaid(path, { [field]: value })).toThrow(ZorgpadenError);
      }),
      0.3,
    );
  });
});

describe('the skeleton check has teeth', () => {
  it.each([
    ['a line break', 'a\nb'],
    ['a quote', 'say "hi"'],
    ['a comment', 'a %% b'],
    ['a statement separator', 'a ; b'],
    ['an arrow', 'a --> b'],
    ['markup', '<b>a</b>'],
  ])('sees %s written without escaping', (_, raw) => {
    const plain = 'flowchart TB\n  s0["T0"]\n';
    expect(() => expectSameSkeleton(plain.replace('T0', raw), plain)).toThrow();
  });
});
