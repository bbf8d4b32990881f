import { describe, expect, it } from 'vitest';
import {
  CarePathSchema,
  CoalitionSchema,
  MenukaartSchema,
  PopulationSchema,
  RouteSchema,
  safeParseCarePathData,
  safeParseData,
  SourcesFileSchema,
} from '../../src/model/index.js';
import { minimalPath, smallPath } from './fixtures.js';

const label = { nl: 'X' };
const head = { schemaVersion: 1, id: 'test/doc', version: '1.0.0', title: label };

describe('CarePathSchema', () => {
  it('parses the minimal path and fills in defaults', () => {
    const result = safeParseCarePathData(minimalPath());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.actors).toEqual({});
    expect(result.value.steps.klaar!.transitions).toEqual([]);
    expect(result.diagnostics).toEqual([]);
  });

  it('parses a path with actors, conditions, windows and handoffs unchanged apart from defaults', () => {
    const input = smallPath();
    const result = safeParseCarePathData(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.steps.screening).toEqual(input.steps.screening);
    expect(result.value.steps.klaar).toEqual({ ...input.steps.klaar, transitions: [] });
  });

  it('accepts the optional kind "carepath" and nothing else', () => {
    expect(CarePathSchema.safeParse({ ...minimalPath(), kind: 'carepath' }).success).toBe(true);
    const wrong = safeParseData(CarePathSchema, { ...minimalPath(), kind: 'coalition' });
    expect(wrong.diagnostics[0]).toMatchObject({ code: 'wrong-kind', pointer: '/kind', params: { actual: 'coalition' } });
  });
});

describe('the other document kinds', () => {
  it('a menukaart parses and fills the risks addressed', () => {
    const menukaart = {
      ...head,
      kind: 'menukaart',
      interventions: { 'stevig-ouderschap': { label, phases: ['postpartum'], actor: 'jgz', recognition: 'effective-first-indications' } },
    };
    const result = safeParseData(MenukaartSchema, menukaart);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.interventions['stevig-ouderschap']!.addresses).toEqual([]);
  });

  it('a menukaart entry needs at least one phase and a known recognition status', () => {
    const result = safeParseData(MenukaartSchema, {
      ...head,
      kind: 'menukaart',
      interventions: { x: { label, phases: [], actor: 'jgz', recognition: 'efective' } },
    });
    const found = result.diagnostics.map((d) => [d.code, d.pointer]);
    expect(found).toContainEqual(['invalid-value', '/interventions/x/phases']);
    expect(found).toContainEqual(['invalid-value', '/interventions/x/recognition']);
  });

  it('a population parses, fills empty maps and checks each attribute’s distribution', () => {
    const ok = safeParseData(PopulationSchema, { ...head, kind: 'population', risks: { debts: { label, prevalence: 0.1 } } });
    expect(ok.ok).toBe(true);
    if (ok.ok) expect([ok.value.attributes, ok.value.protections]).toEqual([{}, {}]);
    const bad = safeParseData(PopulationSchema, { ...head, kind: 'population', attributes: { age: { type: 'number' } }, risks: { debts: { label, prevalence: 1.5 } } });
    const found = bad.diagnostics.map((d) => [d.code, d.pointer]);
    expect(found).toContainEqual(['missing-field', '/attributes/age/bins']);
    expect(found).toContainEqual(['invalid-value', '/risks/debts/prevalence']);
  });

  it('a coalition parses and fills partners, replacements, steps and transitions', () => {
    const result = safeParseData(CoalitionSchema, { ...head, kind: 'coalition', municipality: 'Haarlem', adapts: '../national/zwangerschap.json', offers: ['nu-niet-zwanger'] });
    expect(result.ok).toBe(true);
    if (result.ok) expect([result.value.partners, result.value.replaces, result.value.steps, result.value.transitions]).toEqual([{}, {}, {}, []]);
    const local = safeParseData(CoalitionSchema, {
      ...head,
      kind: 'coalition',
      municipality: 'Haarlem',
      adapts: 'p.json',
      offers: [],
      replaces: { 'voorzorg': null },
      transitions: [{ to: 'x' }],
    });
    expect(local.diagnostics).toEqual([expect.objectContaining({ code: 'missing-field', pointer: '/transitions/0/from' })]);
  });

  it('a route parses with its client and needs at least one step', () => {
    const route = { ...head, kind: 'route', persona: { name: 'Sanne', description: { nl: 'Eerste zwangerschap.' } }, path: 'p.json', client: { risks: ['debts'] }, steps: [{ step: 'intake', at: { gw: 8 } }] };
    const result = safeParseData(RouteSchema, route);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.client).toEqual({ risks: ['debts'], protections: [], attributes: {} });
    expect(safeParseData(RouteSchema, { ...route, steps: [] }).diagnostics[0]).toMatchObject({ code: 'invalid-value', pointer: '/steps' });
  });

  it('a sources file parses and checks URLs', () => {
    const sources = { schemaVersion: 1, kind: 'sources', id: 'sources', version: '1.0.0', sources: { 'ks-2018': { title: 'Actieprogramma Kansrijke Start', url: 'https://example.org/ks' } } };
    expect(safeParseData(SourcesFileSchema, sources).ok).toBe(true);
    const bad = safeParseData(SourcesFileSchema, { ...sources, sources: { x: { title: 'X', url: 'not a url' } } });
    expect(bad.diagnostics[0]).toMatchObject({ code: 'invalid-value', pointer: '/sources/x/url' });
  });

  it('each kind refuses a file of another kind', () => {
    const base = { ...head, kind: 'carepath' };
    for (const schema of [MenukaartSchema, PopulationSchema, CoalitionSchema, RouteSchema]) {
      expect(safeParseData(schema, base).diagnostics.map((d) => d.code)).toContain('wrong-kind');
    }
  });
});
