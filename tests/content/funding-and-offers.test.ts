import { describe, expect, it } from 'vitest';
import { CoalitionSchema, MenukaartSchema, type Coalition } from '../../src/model/index.js';
import { filesOfKind } from './content-files.js';

// the three interventions Haarlem chose from the national menukaart (seed 003)
const HAARLEM_MEMO = ['centering-pregnancy', 'nu-niet-zwanger', 'phb-jgz'];
const haarlem: Coalition = CoalitionSchema.parse(filesOfKind('coalition').find((f) => f.file === 'coalitions/haarlem.json')!.data);
const menukaart = MenukaartSchema.parse(filesOfKind('menukaart')[0]!.data);

const sourced = (p: { source?: unknown; assumption?: unknown }) => p.source !== undefined || typeof p.assumption === 'string';

describe('who commissions and funds each intervention', () => {
  it('is given for every menukaart entry, with a source or an assumption', () => {
    const missing = Object.entries(menukaart.interventions).filter(([, i]) => !i.funding || !sourced(i.funding)).map(([key]) => key);
    expect(missing).toEqual([]);
  });

  it('makes the prenatal home visit a municipal task under the Wpg, sourced', () => {
    expect(menukaart.interventions['phb-jgz']!.funding).toMatchObject({ commissioner: 'municipality', basis: ['wpg'], source: 'seed-001' });
  });
});

describe("Haarlem's offers", () => {
  it('say for every offered intervention why it is offered, and for nothing else', () => {
    expect(Object.keys(haarlem.offerBasis ?? {}).sort()).toEqual([...haarlem.offers].sort());
    for (const [key, basis] of Object.entries(haarlem.offerBasis ?? {})) expect(sourced(basis), key).toBe(true);
  });

  it('credit the coalition with exactly the three interventions of the memo, each sourced to it', () => {
    const chosen = Object.entries(haarlem.offerBasis ?? {}).filter(([, b]) => b.basis === 'chosen');
    expect(chosen.map(([key]) => key).sort()).toEqual(HAARLEM_MEMO);
    for (const [, b] of chosen) expect(b.source).toBe('seed-003');
    // what the memo does not name is an assumption, never sourced to the memo
    for (const [key, b] of Object.entries(haarlem.offerBasis ?? {}).filter(([, b]) => b.basis !== 'chosen')) {
      expect(typeof b.assumption, key).toBe('string');
      expect([b.source].flat(), key).not.toContain('seed-003');
    }
  });

  it('name no partner organisation on the memo’s authority, and leave every contact for the coalition to fill in', () => {
    for (const [actor, partner] of Object.entries(haarlem.partners)) {
      expect([partner.source].flat(), actor).not.toContain('seed-003');
      expect(partner.organisation, actor).toContain('niet genoemd in het memo');
      expect(typeof partner.assumption, actor).toBe('string');
    }
    for (const actor of ['verloskundige', 'jgz', 'ggd-nnz', 'wijkteam']) expect(haarlem.partners[actor]!.contact, actor).toBe('In te vullen door de coalitie');
  });
});
