// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelText, routeToMermaid, timelineToMermaid, toMermaid } from '../support/everything.js';
import { expectedLabel } from '../export/helpers/hostile.js';
import { parseStructure, parseType } from '../export/helpers/mermaid-parser.js';
import { fuzzAsync } from './budget.js';
import { drawablePath, drawOptionsArb, routeArb, toMermaidOptions } from './mermaid-inputs.js';

const TYPES = { state: 'stateDiagram', flowchart: 'flowchart-v2', sequence: 'sequence', journey: 'journey', gantt: 'gantt' } as const;

describe('hostile diagrams pass Mermaid’s own parser', () => {
  it('toMermaid (every kind and option), routeToMermaid and timelineToMermaid parse, and steps keep their labels', async () => {
    await fuzzAsync(
      'mermaid: diagrams parse with Mermaid',
      fc.asyncProperty(
        drawablePath.chain((path) => fc.tuple(fc.constant(path), drawOptionsArb(path), routeArb(path), fc.constantFrom('sequence', 'journey') as fc.Arbitrary<'sequence' | 'journey'>)),
        async ([path, draw, route, routeKind]) => {
          const options = toMermaidOptions(path, draw);
          const lang = options.lang ?? 'nl';
          const kind = options.kind ?? 'state';
          const text = toMermaid(path, options);
          expect(await parseType(text)).toBe(TYPES[kind]);
          // without folding and figures, each step is a node s<i> whose label reads back as written
          if (draw.collapsePhases.length === 0 && draw.collapseOrganisations.length === 0 && options.overlay === undefined) {
            const parsed = await parseStructure(text);
            Object.keys(path.steps).forEach((id, i) => {
              expect(parsed.nodes.find((n) => n.id === `s${i}`)?.label).toBe(expectedLabel(labelText(path.steps[id]!.label, lang)));
            });
          }
          expect(await parseType(routeToMermaid(route, path, { kind: routeKind, lang }))).toBe(TYPES[routeKind]);
          expect(await parseType(timelineToMermaid(path, { lang }))).toBe(TYPES.gantt);
        },
      ),
      0.1,
    );
  });
});
