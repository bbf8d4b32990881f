import { describe, expect, it } from 'vitest';
import { MenukaartSchema } from '../../src/model/index.js';
import { risksOfPath, simulateSync, summarize } from '../../src/simulate/index.js';
import { parsePath, path, pathInput, population } from './fixtures.js';

const label = (text: string) => ({ nl: text, en: text });

/** The risk keys of the unmet-need block of a summary, read back from the text. */
function unmetRisks(text: string): string[] {
  const block = text.split('\n\n').find((b) => b.startsWith('Unmet need'));
  if (block === undefined) return [];
  return block.split('\n').slice(1).map((line) => line.trim().split(':')[0]!).sort();
}

describe('risksOfPath', () => {
  it('collects screening signals, step addresses, menukaart addresses and nested hasRisk, each source on its own', () => {
    const small = parsePath({
      schemaVersion: 1,
      id: 'test/risks',
      version: '1.0.0',
      title: label('Risks'),
      actors: { m: { label: label('M'), domain: 'medical' } },
      initial: 'screen',
      steps: {
        screen: {
          kind: 'screening', phase: 'pregnancy', actor: 'm', label: label('Screen'), signals: ['from-signals'],
          transitions: [{ to: 'help', when: { any: [{ not: { hasRisk: 'from-when' } }, { attr: 'age', lt: 20 }] } }, { to: 'course' }],
        },
        help: { kind: 'intervention', phase: 'pregnancy', actor: 'm', label: label('Help'), addresses: ['from-addresses'], transitions: [{ to: 'end' }] },
        course: { kind: 'intervention', phase: 'pregnancy', actor: 'm', label: label('Course'), intervention: 'course', transitions: [{ to: 'end' }] },
        end: { kind: 'outcome', phase: 'pregnancy', label: label('End'), result: 'good' },
      },
    });
    expect(risksOfPath(small)).toEqual(['from-addresses', 'from-signals', 'from-when']);
    const menukaart = MenukaartSchema.parse({
      schemaVersion: 1, kind: 'menukaart', id: 'test/menu', version: '1.0.0', title: label('Menu'),
      interventions: { course: { label: label('Course'), phases: ['pregnancy'], actor: 'm', recognition: 'not-assessed', addresses: ['from-menukaart'] } },
    });
    expect(risksOfPath(small, menukaart)).toEqual(['from-addresses', 'from-menukaart', 'from-signals', 'from-when']);
  });

  it('leaves out what the menukaart says an intervention addresses when the step names its own addresses, as the simulator does', () => {
    const steps = {
      course: { kind: 'intervention', phase: 'pregnancy', actor: 'm', label: label('Course'), intervention: 'course', addresses: ['own'], transitions: [{ to: 'end' }] },
      end: { kind: 'outcome', phase: 'pregnancy', label: label('End'), result: 'good' },
    };
    const small = parsePath({ schemaVersion: 1, id: 'test/own', version: '1.0.0', title: label('Own'), actors: { m: { label: label('M'), domain: 'medical' } }, initial: 'course', steps });
    const menukaart = MenukaartSchema.parse({
      schemaVersion: 1, kind: 'menukaart', id: 'test/menu', version: '1.0.0', title: label('Menu'),
      interventions: { course: { label: label('Course'), phases: ['pregnancy'], actor: 'm', recognition: 'not-assessed', addresses: ['from-menukaart'] } },
    });
    expect(risksOfPath(small, menukaart)).toEqual(['own']);
  });

  it('is empty for a path that mentions no risk', () => {
    const plain = parsePath({
      ...pathInput,
      steps: Object.fromEntries(
        Object.entries(pathInput.steps).map(([id, s]) => {
          const { signals: _signals, addresses: _addresses, ...rest } = s as Record<string, unknown>;
          const transitions = ((s as { transitions?: { when?: unknown }[] }).transitions ?? []).map(({ when: _when, ...t }) => t);
          return [id, { ...rest, transitions }];
        }),
      ),
    });
    expect(risksOfPath(plain)).toEqual([]);
  });
});

describe('summarize with risks', () => {
  const result = simulateSync(path, { population, cohort: 5000, seed: 2 });
  const withRisk = Object.entries(result.unmetNeed).filter(([, u]) => u.withRisk > 0).map(([r]) => r).sort();

  it('lists unmet need for every risk with clients when no risks are given, or an empty list', () => {
    expect(withRisk.length).toBeGreaterThan(1);
    expect(unmetRisks(summarize(result, { lang: 'en' }))).toEqual(withRisk);
    expect(unmetRisks(summarize(result, { lang: 'en', risks: [] }))).toEqual(withRisk);
  });

  it('lists only the risks asked for', () => {
    const asked = [withRisk[0]!, 'not-in-population'];
    expect(unmetRisks(summarize(result, { lang: 'en', risks: asked }))).toEqual([withRisk[0]!]);
    const nl = summarize(result, { lang: 'nl', risks: asked });
    for (const other of withRisk.slice(1)) expect(nl).not.toContain(`  ${other}: `);
  });
});
