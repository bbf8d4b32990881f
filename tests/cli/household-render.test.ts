// @vitest-environment happy-dom
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { householdToMermaid, householdToStateDiagram } from '../../src/export/index.js';
import { loadHouseholdPath } from '../../src/node/index.js';
import { parseStructure } from '../export/helpers/mermaid-parser.js';
import { GEZIN_FILE, gezinInput } from '../household/fixtures.js';
import { built, ROOT, runBuilt, tempDir } from './built-cli.js';

const SHIPPED = 'paths/households/huishouden-1000-dagen.json';

describe.skipIf(!built)('zorgpaden render on a household path (the built CLI)', () => {
  let dir: string;
  const gezin = relative(ROOT, GEZIN_FILE);
  beforeAll(() => {
    dir = tempDir();
    vi.stubEnv('ZORGPADEN_LANG', 'nl');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    vi.unstubAllEnvs();
  });

  it('draws the shipped path as a flowchart with one lane per track, which Mermaid parses', async () => {
    const path = await loadHouseholdPath(join(ROOT, SHIPPED));
    const ran = runBuilt(['render', SHIPPED, '--kind', 'flowchart']);
    expect(ran.stderr).toBe('');
    expect(ran.status).toBe(0);
    expect(ran.stdout).toBe(householdToMermaid(path, { lang: 'nl' }));
    const parsed = await parseStructure(ran.stdout);
    const lanes = parsed.groups.filter((g) => g.id !== 'lg');
    expect(lanes.map((g) => g.label)).toEqual(Object.values(path.tracks).map((t) => (t.member === 'kind' && !t.label.nl.includes('per kind') ? `${t.label.nl} (per kind)` : t.label.nl)));
    // every step sits in the lane of its track
    const laneOf = new Map(Object.keys(path.tracks).map((id, t) => [id, `t${t}`]));
    Object.values(path.steps).forEach((step, i) => expect(parsed.nodes.find((n) => n.id === `s${i}`)?.parent, step.label.nl).toBe(laneOf.get(step.track)));
    // referrals and the birth cross lanes dotted; transfers of responsibility are thick
    const referrals = Object.values(path.steps).reduce((n, s) => n + (s.refers?.length ?? 0), 0);
    expect(ran.stdout.match(/ -\.->\|"verwijzing/g)).toHaveLength(referrals);
    const transfers = Object.values(path.steps).reduce((n, s) => n + s.transitions.filter((t) => t.handoff).length, 0);
    expect(ran.stdout.match(/ ==>/g)).toHaveLength(transfers);
    expect(ran.stdout).toContain('start bij geboorte');
  });

  it('draws the state diagram with one concurrent region per track, in English with --lang en', async () => {
    const path = await loadHouseholdPath(join(ROOT, SHIPPED));
    const ran = runBuilt(['render', SHIPPED, '--lang', 'en']);
    expect(ran.status).toBe(0);
    expect(ran.stdout).toBe(householdToStateDiagram(path, { lang: 'en' }));
    expect(ran.stdout.match(/^ {4}--$/gm)).toHaveLength(Object.keys(path.tracks).length - 1);
    const parsed = await parseStructure(ran.stdout);
    const regions = parsed.groups.filter((g) => /^t\d+$/.test(g.id));
    expect(regions.map((g) => g.label)).toEqual(Object.values(path.tracks).map((t) => (t.member === 'kind' && !t.label.en!.includes('per child') ? `${t.label.en} (per child)` : t.label.en)));
  });

  it('numbers the conditions with --edge-labels short', () => {
    const full = runBuilt(['render', SHIPPED, '--kind', 'flowchart']);
    const short = runBuilt(['render', SHIPPED, '--kind', 'flowchart', '--edge-labels', 'short']);
    expect(short.status).toBe(0);
    expect(short.stdout).toContain('#91;1#93;');
    expect(short.stdout.length).toBeLessThan(full.stdout.length * 0.8);
    expect(full.stdout).not.toContain('#91;1#93;');
  });

  it('writes an HTML page with the diagram and prints a JSON summary', () => {
    const out = join(dir, 'gezin.html');
    const ran = runBuilt(['render', gezin, '--kind', 'flowchart', '--format', 'html', '-o', out, '--json']);
    expect(ran.status).toBe(0);
    expect(JSON.parse(ran.stdout)).toMatchObject({ kind: 'flowchart', format: 'html', output: out });
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<title>Gezin in zorg</title>');
    expect(html).toContain('subgraph t0[&quot;Verloskundige zorg&quot;]');
  });

  it('refuses what needs a version 1 path, in plain words and without a stack trace', () => {
    for (const [args, text] of [
      [['--kind', 'timeline'], '--kind timeline kan nog niet bij een huishoudpad'],
      [['--kind', 'sequence', '--route', 'x.json'], '--kind sequence kan nog niet bij een huishoudpad'],
      [['--collapse-phase', 'pregnancy'], 'render --collapse-phase kan nog niet bij een huishoudpad'],
    ] as const) {
      const ran = runBuilt(['render', gezin, ...args]);
      expect(ran.status, args.join(' ')).toBe(2);
      expect(ran.stderr).toContain(text);
      expect(ran.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('reports a household file that does not load with file, line and code', () => {
    const data = gezinInput();
    (data.steps as Record<string, Record<string, unknown>>).controles!.kleur = 'rood';
    const file = join(dir, 'kapot.json');
    writeFileSync(file, JSON.stringify(data, null, 2));
    const ran = runBuilt(['render', file]);
    expect(ran.status).toBe(1);
    expect(ran.stderr).toMatch(/kapot\.json:\d+:\d+ - fout /);
    expect(ran.stdout).toBe('');
  });

  it('reports a step in a track the path does not declare, and draws nothing', () => {
    const data = gezinInput();
    (data.steps as Record<string, { track: string }>).controles!.track = 'onbekend';
    const file = join(dir, 'los.json');
    writeFileSync(file, JSON.stringify(data, null, 2));
    const ran = runBuilt(['render', file, '--kind', 'flowchart', '--lang', 'en']);
    expect(ran.status).toBe(1);
    expect(ran.stderr).toMatch(/los\.json:\d+:\d+ - error unknown-track/);
    expect(ran.stdout).toBe('');
  });
});
