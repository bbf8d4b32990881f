// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveRoute, routeToMermaid, timelineToMermaid, unescapeLabel } from '../../src/export/index.js';
import { isZorgpadenError } from '../../src/diagnostics/index.js';
import { describeDay, labelText, toDay, windowDays, type Route } from '../../src/model/index.js';
import { fixturePath, fixtureRoute } from './helpers/fixtures.js';
import { expectedLabel, hostilePath, hostileText } from './helpers/hostile.js';
import { parseDb, parseType } from './helpers/mermaid-parser.js';

const path = fixturePath('zwangerschap.json');
const route = fixtureRoute('route-sanne.json');

describe('routeToMermaid', () => {
  it('resolves days from the route and else from the path semantics', () => {
    const steps = resolveRoute(route, path, 'nl');
    expect(steps[0]!.day).toBe(toDay({ gw: 8 }));
    // signalering has a window from gw 10: the client arrives at its start
    expect(steps[1]!.day).toBe(toDay({ gw: 10 }));
    expect(steps[2]!.handoff).toBe('warm');
    expect(steps[4]!.day).toBe(0);
  });

  it('draws a sequence diagram: the actors as participants, handoffs between them, contacts with the client', async () => {
    const text = routeToMermaid(route, path, { kind: 'sequence' });
    expect(await parseType(text)).toBe('sequence');
    const db = await parseDb(text);
    const actors = [...db.getActors().values()] as { name: string; description: string }[];
    const used = [...new Set(route.steps.map((s) => path.steps[s.step]!.actor).filter(Boolean))];
    expect(actors.map((a) => a.name)).toEqual(['persona', ...used.map((_, i) => `a${i}`)]);
    expect(actors.slice(1).map((a) => a.description)).toEqual(used.map((id) => labelText(path.actors[id!]!.label, 'nl')));
    const messages = (db.getMessages() as { from?: string; to?: string; message: string; type: number }[]).filter((m) => m.from && m.to);
    const handoffs = messages.filter((m) => m.to !== 'persona' && m.from !== m.to);
    // verloskundige → jgz → buurtmoeder → kraamzorg → jgz: four changes of actor
    expect(handoffs).toHaveLength(4);
    expect(unescapeLabel(handoffs[0]!.message)).toBe(`⇒ warme overdracht (${describeDay(toDay({ gw: 20 }), 'nl')})`);
  });

  it('draws a journey diagram with a section per phase and the break point scored lowest', async () => {
    const text = routeToMermaid(route, path, { kind: 'journey', lang: 'en' });
    expect(await parseType(text)).toBe('journey');
    const db = await parseDb(text);
    const tasks = db.getTasks() as { task: string; score: number; section: string; people: string[] }[];
    expect(tasks).toHaveLength(route.steps.length);
    expect(tasks.find((t) => t.score === 1)).toBeDefined();
    expect(db.getSections()).toHaveLength(2);
  });

  it('refuses a route whose first step is not in the path, naming the path the route belongs to', () => {
    const other: Route = { ...route, id: 'elsewhere', path: '../elders/pad.json', steps: [{ step: 'not-in-this-path' }, ...route.steps] };
    expect(path.steps['not-in-this-path']).toBeUndefined();
    for (const kind of ['sequence', 'journey'] as const) {
      let thrown: unknown;
      try {
        routeToMermaid(other, path, { kind });
      } catch (error) {
        thrown = error;
      }
      expect(isZorgpadenError(thrown)).toBe(true);
      expect((thrown as Error).message).toContain('"not-in-this-path"');
      expect((thrown as Error).message).toContain('"../elders/pad.json"');
      expect((thrown as Error).message).toContain(path.id);
    }
  });

  it('still draws a route whose later steps are missing from the path, by their id', async () => {
    const longer: Route = { ...route, steps: [...route.steps, { step: 'later-unknown' }] };
    const db = await parseDb(routeToMermaid(longer, path, { kind: 'journey', lang: 'en' }));
    expect((db.getTasks() as unknown[]).length).toBe(longer.steps.length);
  });

  it('survives hostile labels in both kinds (500 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(hostilePath, hostileText, fc.constantFrom('sequence', 'journey') as fc.Arbitrary<'sequence' | 'journey'>, async (p, name, kind) => {
        const ids = Object.keys(p.steps);
        const r: Route = {
          schemaVersion: 1, kind: 'route', id: 'r', version: '1.0.0', title: { nl: name }, persona: { name, description: { nl: name } },
          path: 'x', client: { risks: [], protections: [], attributes: {} }, steps: ids.map((step) => ({ step })),
          breakPoint: { step: ids[0]!, description: { nl: name } },
        };
        const db = await parseDb(routeToMermaid(r, p, { kind }));
        if (kind === 'journey') {
          const tasks = db.getTasks() as { people: string[] }[];
          expect(tasks).toHaveLength(ids.length);
        } else {
          const actors = [...db.getActors().keys()] as string[];
          for (const a of actors) expect(a).toMatch(/^(persona|a\d+)$/);
          expect(actors[0]).toBe('persona');
          expect(db.getActors().get('persona').description.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('timelineToMermaid', () => {
  it('draws each step with a window as a gantt bar on a day axis relative to birth', async () => {
    const text = timelineToMermaid(path);
    expect(await parseType(text)).toBe('gantt');
    const tasks = ((await parseDb(text)).getTasks() as { id: string; startTime: Date; endTime: Date; milestone: boolean }[]).filter((t) => !t.milestone);
    const withWindow = Object.entries(path.steps).filter(([, s]) => s.window && (s.window.from || s.window.to));
    expect(tasks).toHaveLength(withWindow.length);
    const ids = Object.keys(path.steps);
    for (const [id, step] of withWindow) {
      const task = tasks.find((t) => t.id === `s${ids.indexOf(id)}`)!;
      const { from } = windowDays(step.window);
      // one millisecond on the chart's clock is one day
      expect(task.startTime.getTime()).toBe(from);
      expect(task.endTime.getTime()).toBe(Math.max(windowDays(step.window).to, from + 1));
    }
  });

  it('survives hostile labels (500 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(hostilePath, async (p) => {
        const stepIds = Object.keys(p.steps);
        for (const [i, id] of stepIds.entries()) p.steps[id]!.window = { from: { day: -200 + i * 20 }, to: { day: -190 + i * 20 } };
        const tasks = ((await parseDb(timelineToMermaid(p, { lang: 'en' }))).getTasks() as { id: string; task: string; milestone: boolean }[]).filter((t) => !t.milestone);
        expect(tasks.map((t) => t.id).sort()).toEqual(stepIds.map((_, i) => `s${i}`).sort());
        void expectedLabel;
      }),
      { numRuns: 500 },
    );
  });
});
