import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { filesOfKind, walkObjects } from './content-files.js';

type Labelled = Record<string, { label?: { nl?: string } }>;

// the diagrams and step tables print a condition's risk or protective factor by the path's label
// for it, and fall back to the English key when the path has none
describe('Dutch names in the conditions of the shipped paths', () => {
  const paths = [...filesOfKind('carepath'), ...filesOfKind('household')].filter((f) => Object.keys((f.data.steps as object | undefined) ?? {}).length > 0);

  it.each(paths.map((f) => [f.file, f] as const))('%s labels every risk and protective factor its conditions name', (_, f) => {
    const risks = (f.data.risks ?? {}) as Labelled;
    const protections = (f.data.protections ?? {}) as Labelled;
    const missing = new Set<string>();
    walkObjects(f.data.steps, (node) => {
      for (const [field, table] of [['hasRisk', risks], ['signalled', risks], ['hasProtection', protections]] as const) {
        const key = node[field];
        if (typeof key === 'string' && !table[key]?.label?.nl) missing.add(`${field}: ${key}`);
      }
    });
    expect([...missing].sort()).toEqual([]);
  });

  it('shows no protective-factor key in the diagram of a version 1 path page', () => {
    const keys = new Set<string>();
    for (const f of filesOfKind('carepath')) for (const key of Object.keys((f.data.protections ?? {}) as object)) keys.add(key);
    for (const f of filesOfKind('household')) for (const key of Object.keys((f.data.protections ?? {}) as object)) keys.add(key);
    expect(keys.size).toBeGreaterThan(0);
    const found: string[] = [];
    for (const page of ['preconceptie', 'zwangerschap', 'na-de-geboorte', 'eerste-1000-dagen']) {
      const text = readFileSync(new URL(`../../docs/paths/${page}.md`, import.meta.url), 'utf8');
      const diagram = text.slice(text.indexOf('```mermaid'), text.indexOf('```', text.indexOf('```mermaid') + 3));
      for (const key of keys) if (diagram.includes(`#58; ${key}`)) found.push(`${page}: ${key}`);
    }
    expect(found).toEqual([]);
  });
});

// JGZ and GGD are public health (Wpg), not curative care: the data says so for every actor of theirs
describe('public health in the shipped paths', () => {
  const paths = [...filesOfKind('carepath'), ...filesOfKind('household')];
  type ActorData = { domain?: string; organisation?: string; publicHealth?: boolean };

  it('marks every JGZ and GGD actor as public health, and no other', () => {
    const wrong: string[] = [];
    let marked = 0;
    for (const f of paths) {
      for (const [id, actor] of Object.entries((f.data.actors ?? {}) as Record<string, ActorData>)) {
        const publicService = ['jgz', 'ggd'].includes(actor.organisation ?? id);
        if (publicService !== (actor.publicHealth === true)) wrong.push(`${f.file}: ${id}`);
        if (actor.publicHealth) marked++;
      }
    }
    expect(wrong).toEqual([]);
    expect(marked).toBeGreaterThan(0);
  });

  it('names them public health on the generated pages', () => {
    for (const page of ['preconceptie', 'zwangerschap', 'na-de-geboorte', 'eerste-1000-dagen', 'huishouden-1000-dagen']) {
      const text = readFileSync(new URL(`../../docs/paths/${page}.md`, import.meta.url), 'utf8');
      expect(text, page).toMatch(/\| Jeugdgezondheidszorg[^|]*\(`jgz`\) \| publieke gezondheid \(JGZ\/GGD\) \|/);
      expect(text, page).toContain('*Publieke gezondheid*');
    }
  });
});
