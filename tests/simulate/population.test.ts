import { describe, expect, it } from 'vitest';
import { generateClients } from '../../src/simulate/index.js';
import { population } from './fixtures.js';
import type { Client } from '../../src/model/index.js';

const N = 100_000;
const clients = generateClients(population, { n: N, seed: 7 });

/** Asserts that the share of `subset` with `property` is within 4 standard errors of `p`. */
function expectShare(subset: Client[], property: (c: Client) => boolean, p: number): void {
  const n = subset.length;
  const observed = subset.filter(property).length / n;
  const se = Math.sqrt((p * (1 - p)) / n);
  expect(Math.abs(observed - p), `observed ${observed}, expected ${p} ± ${4 * se} (n=${n})`).toBeLessThanOrEqual(4 * se);
}

const age = (c: Client) => c.attributes.age as number;
const young = (c: Client) => age(c) < 20;
const youngFirst = (c: Client) => young(c) && c.attributes.firstPregnancy === true;
const has = (key: string) => (c: Client) => c.risks.includes(key);

describe('generateClients', () => {
  it('gives the same clients for the same seed, other clients for another seed, and stable slices', () => {
    expect(generateClients(population, { n: 50, seed: 7 })).toEqual(clients.slice(0, 50));
    expect(generateClients(population, { n: 10, seed: 7, start: 20 })).toEqual(clients.slice(20, 30));
    expect(generateClients(population, { n: 50, seed: 8 })).not.toEqual(clients.slice(0, 50));
  });

  it('draws number attributes from their bins (bin weights, uniform whole numbers inside)', () => {
    for (const c of clients.slice(0, 1000)) expect(Number.isInteger(age(c)) && age(c) >= 16 && age(c) <= 44).toBe(true);
    expectShare(clients, young, 1 / 9);
    expectShare(clients, (c) => age(c) >= 35, 2 / 9);
    expectShare(clients.filter(young), (c) => age(c) === 16, 1 / 4);
  });

  it('reproduces categorical weights and conditional attribute distributions', () => {
    expectShare(clients, (c) => c.attributes.education === 'low', 1 / 5);
    expectShare(clients, (c) => c.attributes.education === 'high', 2 / 5);
    expectShare(clients.filter(young), (c) => c.attributes.firstPregnancy === true, 0.9);
    expectShare(clients.filter((c) => !young(c)), (c) => c.attributes.firstPregnancy === true, 0.45);
  });

  it('reproduces conditional risk prevalences (first matching `given`) and plain ones', () => {
    expectShare(clients.filter(youngFirst), has('financial-stress'), 0.4);
    expectShare(clients.filter((c) => !youngFirst(c)), has('financial-stress'), 0.12);
    expectShare(clients.filter((c) => c.attributes.education === 'low'), has('smoking'), 0.2);
    expectShare(clients.filter((c) => c.attributes.education !== 'low'), has('smoking'), 0.08);
    expectShare(clients, has('domestic-violence'), 0.03);
    // the marginal prevalence follows from the model: P(young ∧ first) = 1/9 · 0.9 = 0.1
    expectShare(clients, has('financial-stress'), 0.1 * 0.4 + 0.9 * 0.12);
  });

  it('reproduces protections conditioned on risks drawn before them', () => {
    const network = (c: Client) => c.protections.includes('social-network');
    expectShare(clients.filter(has('financial-stress')), network, 0.4);
    expectShare(clients.filter((c) => !has('financial-stress')(c)), network, 0.7);
  });

  it('draws risks independently where the model says so', () => {
    // smoking depends on education only, so it is independent of domestic violence
    expectShare(clients.filter(has('domestic-violence')), (c) => c.attributes.education === 'low', 0.2);
  });

  it('rejects a bad seed or size', () => {
    expect(() => generateClients(population, { n: -1, seed: 1 })).toThrow(/n must be/);
    expect(() => generateClients(population, { n: 1, seed: 1.5 })).toThrow(/seed must be/);
  });
});
