import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/context.js';
import { configuredLang } from '../../src/cli/lang.js';
import { describeCondition, edgeNotes, riskRoutes, toMermaid } from '../../src/export/index.js';
import { loadCoalition, loadPath } from '../../src/node/index.js';
import { renderReport, reportTables, tableCsv, tableHtml, REPORT_WORDS, type Cell, type ReportTable } from '../../src/render/index.js';
import { summaryTables } from '../../src/render/report-summary.js';
import { simulateSync } from '../../src/simulate/index.js';

const zwangerschap = await loadPath(resolve('paths/national/zwangerschap.json'));

/** An independent RFC 4180 reader: fields split on `sep`, quotes doubled inside quoted fields. */
function readCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('CSV of report tables', () => {
  it('reads back to the same cells in both languages, whatever the text (independent reader)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 5 }), fc.constantFrom('nl' as const, 'en' as const), (rows, lang) => {
        const table: ReportTable = { id: 't', title: 't', headers: ['a', 'b'], rows };
        const back = readCsv(tableCsv(table, lang), lang === 'nl' ? ';' : ',');
        const expected = rows.map((r) => r.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)));
        expect(back).toEqual([['a', 'b'], ...expected]);
      }),
    );
  });

  it('writes counts plainly and shares as percentages with the language’s decimal mark', () => {
    const table: ReportTable = { id: 't', title: 't', headers: ['n', 'share'], rows: [[12345, { share: 0.5734 }]] };
    expect(tableCsv(table, 'nl')).toBe('n;share\r\n12345;57,3\r\n');
    expect(tableCsv(table, 'en')).toBe('n,share\r\n12345,57.3\r\n');
    // a difference that rounds to nothing has no minus sign, in the CSV and on screen
    const tiny: ReportTable = { id: 't', title: 't', headers: ['d'], rows: [[{ share: -0.0004 }], [{ share: -0.0006 }]] };
    expect(tableCsv(tiny, 'nl')).toBe('d\r\n0,0\r\n-0,1\r\n');
    expect(tableHtml(tiny, 'nl')).toContain('>0,0%<');
    expect(tableHtml(tiny, 'nl')).toContain('>-0,1%<');
  });

  it('writes an interval column as two numeric columns, lower and upper bound, that read back as the bounds (independent reader)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()), { minLength: 1, maxLength: 5 }), fc.constantFrom('nl' as const, 'en' as const), (pairs, lang) => {
        // the first row has an interval, so the column is one of intervals
        pairs[0]![2] = true;
        const rows: Cell[][] = pairs.map(([a, b, has], i) => [`r${i}`, has ? { low: Math.min(a, b), high: Math.max(a, b), tooWide: a > b } : '']);
        const back = readCsv(tableCsv({ id: 't', title: 't', headers: ['name', 'margin'], rows }, lang), lang === 'nl' ? ';' : ',');
        expect(back[0]).toEqual(lang === 'nl' ? ['name', 'margin: ondergrens', 'margin: bovengrens'] : ['name', 'margin: lower bound', 'margin: upper bound']);
        const number = (text: string) => Number(text.replace(',', '.'));
        pairs.forEach(([a, b, has], i) => {
          const row = back[i + 1]!;
          expect(row).toHaveLength(3);
          if (!has) expect(row.slice(1)).toEqual(['', '']);
          else {
            expect(number(row[1]!)).toBeCloseTo(Math.min(a, b) * 100, 1);
            expect(number(row[2]!)).toBeCloseTo(Math.max(a, b) * 100, 1);
          }
        });
      }),
    );
  });

  it('sets intervals as figures (right-aligned, never broken between their ends) and leaves words as text', () => {
    const t: ReportTable = { id: 't', title: 't', headers: ['a', 'b', 'c', 'd', 'e'], rows: [['[66,1%; 71,5%]', '[1.2%, 3.4%] *', '[−1,2; 0,4]', 'Jeugdhulp', '[zie noot]']] };
    expect(tableHtml(t, 'nl')).toContain('<td class="num">[66,1%; 71,5%]</td><td class="num">[1.2%, 3.4%] *</td><td class="num">[−1,2; 0,4]</td><td>Jeugdhulp</td><td>[zie noot]</td>');
  });
});

describe('the language setting of every command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zorgpaden-lang-'));
  it('reads ZORGPADEN_LANG before the config file, and is undefined when neither is set', () => {
    expect(configuredLang(dir, {})).toBeUndefined();
    writeFileSync(join(dir, 'zorgpaden.config.json'), '{ "lang": "nl" }');
    expect(configuredLang(dir, {})).toBe('nl');
    expect(configuredLang(dir, { ZORGPADEN_LANG: 'en' })).toBe('en');
    expect(() => configuredLang(dir, { ZORGPADEN_LANG: 'de' })).toThrow(/ZORGPADEN_LANG must be "nl" or "en"/);
    writeFileSync(join(dir, 'zorgpaden.config.json'), '{ "lang": 3 }');
    expect(() => configuredLang(dir, {})).toThrow(/"lang" in zorgpaden.config.json/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('has every command speak Dutch by default, and the config file or the environment switch them all', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'zorgpaden-lang-'));
    let out = '';
    const context: CliContext = { stdout: (t) => void (out += t), stderr: (t) => void (out += t), interactive: false, cwd };
    const run = async (args: string[]) => {
      out = '';
      await runCli(args, context);
      return out;
    };
    const simulateArgs = ['simulate', resolve('paths/national/zwangerschap.json'), '--cohort', '50'];
    const checkArgs = ['check', resolve('tests/fixtures/broken/bad-step-id.json')];
    vi.stubEnv('ZORGPADEN_LANG', '');
    try {
      expect(await run(simulateArgs)).toContain('routes gesimuleerd');
      // a usage error is said once, in the command's language
      expect(await run(['check', 'x.json', '--formt'])).toBe('fout: onbekende optie \'--formt\'.\nTyp "zorgpaden check --help" voor het gebruik.\n');
      expect(await run(['chek'])).toMatch(/^fout: onbekend commando 'chek'\. Bedoelde je check\?\n/);
      const dutch = await run(checkArgs);
      writeFileSync(join(cwd, 'zorgpaden.config.json'), '{ "lang": "en" }');
      expect(await run(simulateArgs)).toContain('journeys through');
      const english = await run(checkArgs);
      expect(english).not.toBe(dutch);
      vi.stubEnv('ZORGPADEN_LANG', 'nl');
      expect(await run(checkArgs)).toBe(dutch);
      expect(await run([...checkArgs, '--lang', 'en'])).toBe(english);
    } finally {
      vi.unstubAllEnvs();
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});

describe('words for events, attributes and values', () => {
  it('reads a condition in the vocabulary’s words', () => {
    expect(describeCondition({ attr: 'childWish', eq: 'yes' }, 'nl', zwangerschap.vocabulary ? { vocabulary: { childWish: { label: { nl: 'kinderwens' }, values: { yes: { nl: 'ja' } } } } } : {})).toBe('kinderwens is ja');
    expect(describeCondition({ attr: 'speaksDutch', eq: false }, 'nl', zwangerschap)).toBe('spreekt Nederlands is nee');
    expect(describeCondition({ attr: 'speaksDutch', eq: false }, 'nl', {})).toBe('speaksDutch is nee');
  });
});

describe('short edge labels', () => {
  it('number every conditional edge once, list it in the notes, and spell out no condition on the diagram', () => {
    const source = toMermaid(zwangerschap, { kind: 'state', lang: 'nl', edgeLabels: 'short' });
    const notes = edgeNotes(zwangerschap, { kind: 'state', lang: 'nl' });
    const conditional = Object.values(zwangerschap.steps).reduce((n, s) => n + s.transitions.filter((t) => t.when !== undefined).length, 0);
    expect(notes).toHaveLength(conditional);
    expect(notes.map((n) => n.note)).toEqual(notes.map((_, i) => i + 1));
    // Mermaid text escapes the brackets as #91; and #93;
    for (const n of notes) expect(source).toContain(`#91;${n.note}#93;`);
    expect(source).not.toMatch(/ : .*\bals heeft/);
    expect(toMermaid(zwangerschap, { kind: 'state', lang: 'nl' })).toMatch(/ : .*als heeft/);
  });
});

describe('the route of each risk', () => {
  it('names the same desk once when it receives twice in a row', async () => {
    const { riskRoutesText } = await import('../../src/render/index.js');
    expect(riskRoutesText(zwangerschap, 'nl', REPORT_WORDS.nl, ['debts'])).toContain('Toegangsdesk sociaal wijkteam → Schuldhulpverlening van de gemeente; geen wachttijd vastgelegd; warm');
  });

  it('every link is a chain of real transitions, within one phase, ending at a step that supports the risk', () => {
    for (const route of riskRoutes(zwangerschap)) {
      for (const link of route.links) {
        const chain = [link.signal.step, ...link.via, link.support.step];
        expect(zwangerschap.steps[link.support.step]!.addresses).toContain(route.risk);
        expect(zwangerschap.steps[link.signal.step]!.signals).toContain(route.risk);
        for (let i = 0; i + 1 < chain.length; i++) expect(zwangerschap.steps[chain[i]!]!.transitions.some((t) => t.to === chain[i + 1])).toBe(true);
        expect(new Set(chain.map((id) => zwangerschap.steps[id]!.phase)).size).toBe(1);
      }
    }
  });

  it('follows debts from the signal to debt counselling through the social team, warm, with both desks', () => {
    const debts = riskRoutes(zwangerschap, 'nl', ['debts'])[0]!;
    const link = debts.links.find((l) => l.signal.step === 'signalering' && l.support.step === 'schuldhulpverlening')!;
    expect(link.via).toEqual(['kraamzorg-inschrijving', 'centering-aanbod', 'check-medisch', 'check-financien', 'verwijzing-wijkteam', 'wijkteam-intake']);
    expect(link.handoffs.map((h) => [h.kind, h.contact])).toEqual([
      ['warm', 'Toegangsdesk sociaal wijkteam'],
      ['warm', 'Toegangsdesk sociaal wijkteam'],
      ['warm', 'Schuldhulpverlening van de gemeente'],
    ]);
  });
});

describe('the summary', () => {
  const sim = { cohort: 100, visits: {}, clients: {}, transitionCounts: {}, unmetNeed: { debts: { withRisk: 10, unmet: 4, share: 0.4 } } };
  const w = REPORT_WORDS.nl;
  it('shows figures a simulation result carries, and leaves out those it does not', () => {
    const ids = summaryTables(zwangerschap, sim, 'nl', w).map((t) => t.id);
    expect(ids).toEqual(['samenvatting-onvervulde-behoefte']);
    const richer = { ...sim, missedSignals: { debts: { count: 3, share: 0.3, interval: { low: 0.2, high: 0.4 } } } };
    const missed = summaryTables(zwangerschap, richer, 'nl', w).find((t) => t.id === 'samenvatting-gemiste-signalen')!;
    expect(missed.headers).toEqual([...w.summary.signalHeaders, w.summary.interval]);
    expect(missed.rows).toEqual([['Problematische schulden', 3, { share: 0.3 }, { low: 0.2, high: 0.4 }]]);
    expect(tableHtml(missed, 'nl')).toContain('<td class="num">[20,0%; 40,0%]</td>');
  });

  it('marks the reach of an intervention the coalition does not offer, in the table and with a note', async () => {
    const path = await loadPath(resolve('paths/national/eerste-1000-dagen.json'), { coalition: resolve('paths/coalitions/haarlem.json') });
    const coalition = await loadCoalition(resolve('paths/coalitions/haarlem.json'));
    const simulation = simulateSync(path, { cohort: 500, seed: 1 });
    const reach = summaryTables(path, simulation, 'nl', w).find((t) => t.id === 'samenvatting-bereik')!;
    const label = (key: string) => (path.interventions?.[key] ? path.interventions[key].label.nl : key);
    const marked = reach.rows.map((r) => String(r[0])).filter((name) => name.endsWith(' (niet aangeboden)'));
    // independently: the interventions the simulation reports on that the coalition's document does not offer
    const expected = Object.values(simulation.interventions).flatMap((r) => (r.intervention && !coalition.offers.includes(r.intervention) ? [`${label(r.intervention)} (niet aangeboden)`] : []));
    expect(marked.sort()).toEqual(expected.sort());
    expect(marked).toContain('VoorZorg (niet aangeboden)');
    const html = renderReport({ path, coalition, simulation });
    expect(html).toContain(w.summary.notOfferedNote);
    // a national path offers what it names: nothing is marked, no note
    const national = await loadPath(resolve('paths/national/eerste-1000-dagen.json'));
    const plain = simulateSync(national, { cohort: 200, seed: 1 });
    expect(summaryTables(national, plain, 'nl', w).find((t) => t.id === 'samenvatting-bereik')!.rows.filter((r) => String(r[0]).includes('niet aangeboden'))).toEqual([]);
    expect(renderReport({ path: national, simulation: plain })).not.toContain(w.summary.notOfferedNote);
  });

  it('speaks of clients and their journeys in a version 1 report, never of households', () => {
    const simulation = simulateSync(zwangerschap, { cohort: 300, seed: 2 });
    for (const lang of ['nl', 'en'] as const) {
      const text = renderReport({ path: zwangerschap, simulation, lang }).replace(/<script[\s\S]*?<\/script>/g, '');
      expect(text, lang).not.toMatch(/huishoud|household/i);
      expect(summaryTables(zwangerschap, simulation, lang, REPORT_WORDS[lang]).find((t) => t.id === 'samenvatting-uitval')!.title).toBe(lang === 'nl' ? 'Waar routes vastlopen' : 'Where journeys get stuck');
    }
  });

  it('names the coalition in the title and its files relative to the working folder', async () => {
    const path = await loadPath(resolve('paths/national/eerste-1000-dagen.json'), { coalition: resolve('paths/coalitions/haarlem.json') });
    const coalition = await loadCoalition(resolve('paths/coalitions/haarlem.json'));
    const diagnostics = [{ code: 'cold-handoff', severity: 'warning' as const, message: 'm', nl: { message: 'b' }, params: {}, pointer: '/steps', file: resolve('paths/coalitions/haarlem.json'), line: 3 }];
    const html = renderReport({ path, coalition, diagnostics, baseDir: process.cwd() });
    expect(html).toMatch(/<h1>Coalitie Kansrijke Start Haarlem<\/h1>/);
    expect(html).toContain('<td>paths/coalitions/haarlem.json:3</td>');
    expect(html).not.toContain(process.cwd());
    expect(reportTables({ path, coalition }).map((t) => t.id)).toEqual(expect.arrayContaining(['coalitie-aanbod', 'coalitie-partners', 'routes-per-risico']));
  });
});

describe('report --format csv and risks', () => {
  it('writes one CSV per table into the folder, and prints the risk routes as text', async () => {
    const out = mkdtempSync(join(tmpdir(), 'zorgpaden-csv-'));
    let text = '';
    const context: CliContext = { stdout: (t) => void (text += t), stderr: (t) => void (text += t), interactive: false, cwd: process.cwd() };
    expect(await runCli(['report', 'paths/national/zwangerschap.json', '--simulate', '--cohort', '100', '--format', 'csv', '-o', out], context)).toBe(0);
    const files = readdirSync(out);
    expect(files).toEqual(expect.arrayContaining(['samenvatting-bereik.csv', 'routes-per-risico.csv', 'simulatie-stappen.csv']));
    expect(readFileSync(join(out, 'simulatie-stappen.csv'), 'utf8')).toMatch(/^\uFEFFStap;Fase;Bezoeken;Cliënten;Aandeel van cohort\r\n/);
    rmSync(out, { recursive: true, force: true });
    text = '';
    expect(await runCli(['report', 'paths/national/zwangerschap.json', '--format', 'risks'], context)).toBe(0);
    expect(text).toContain('De route bij problematische schulden');
  });
});

describe('report --simulate with intervals', () => {
  const share = (cell: string) => Number(cell.replace('%', '').replace(',', '.')) / 100;

  it('puts each reach and unmet-need figure inside its own 95% interval, and says so when there is none', async () => {
    const out = mkdtempSync(join(tmpdir(), 'zorgpaden-csv-'));
    const context: CliContext = { stdout: () => undefined, stderr: () => undefined, interactive: false, cwd: process.cwd() };
    expect(await runCli(['report', 'paths/national/zwangerschap.json', '--simulate', '--cohort', '4000', '--batches', '10', '--format', 'csv', '-o', out], context)).toBe(0);
    for (const file of ['samenvatting-bereik.csv', 'samenvatting-onvervulde-behoefte.csv']) {
      const [headers, ...rows] = readCsv(readFileSync(join(out, file), 'utf8').replace(/^\uFEFF/, ''), ';');
      // the margin is two numeric columns, its lower and its upper bound, after the estimate
      const estimateAt = headers!.length - 3;
      expect(headers!.slice(-2)).toEqual(['Marge (95%): ondergrens', 'Marge (95%): bovengrens']);
      expect(rows.length).toBeGreaterThan(0);
      let withMargin = 0;
      for (const row of rows) {
        expect(row).toHaveLength(headers!.length);
        const [low, high] = row.slice(-2);
        if (low === '' && high === '') continue;
        withMargin++;
        for (const bound of [low!, high!]) expect(bound).toMatch(/^\d{1,3},\d$/);
        expect(share(low!)).toBeLessThanOrEqual(share(row[estimateAt]!) + 1e-9);
        expect(share(high!)).toBeGreaterThanOrEqual(share(row[estimateAt]!) - 1e-9);
      }
      expect(withMargin).toBeGreaterThan(0);
    }
    rmSync(out, { recursive: true, force: true });
    const single = renderReport({ path: zwangerschap, simulation: simulateSync(zwangerschap, { cohort: 500, seed: 1 }) });
    expect(single).toContain(REPORT_WORDS.nl.summary.noIntervals);
  });
});

describe('simulate --csv', () => {
  it('writes the tables of the result, whose outcomes add up to the cohort', async () => {
    const out = mkdtempSync(join(tmpdir(), 'zorgpaden-csv-'));
    let text = '';
    const context: CliContext = { stdout: (t) => void (text += t), stderr: (t) => void (text += t), interactive: false, cwd: process.cwd() };
    expect(await runCli(['simulate', 'paths/national/zwangerschap.json', '--cohort', '3000', '--csv', out, '--lang', 'en'], context)).toBe(0);
    expect(readdirSync(out).sort()).toEqual(expect.arrayContaining(['samenvatting-bereik.csv', 'samenvatting-onvervulde-behoefte.csv', 'simulatie-stappen.csv', 'simulatie-uitkomsten.csv']));
    const [headers, ...rows] = readCsv(readFileSync(join(out, 'simulatie-uitkomsten.csv'), 'utf8').replace(/^\uFEFF/, ''), ',');
    expect(headers).toEqual(['Outcome', 'Clients', 'Share of cohort']);
    expect(rows.reduce((n, row) => n + Number(row[1]), 0)).toBe(3000);
    expect(text).toContain('tables written');
    rmSync(out, { recursive: true, force: true });
  });
});

describe('report --compare', () => {
  it('lists the figures that compare --json finds significant, with the same estimates', async () => {
    const out = mkdtempSync(join(tmpdir(), 'zorgpaden-csv-'));
    let json = '';
    const quiet: CliContext = { stdout: () => undefined, stderr: () => undefined, interactive: false, cwd: process.cwd() };
    const args = ['--cohort', '5000', '--seed', '3', '--lang', 'en'];
    expect(await runCli(['report', 'paths/coalitions/voorbeeldstad.json', '--compare', 'paths/national/eerste-1000-dagen.json', '--format', 'csv', '-o', out, ...args], quiet)).toBe(0);
    expect(await runCli(['compare', 'paths/national/eerste-1000-dagen.json', 'paths/coalitions/voorbeeldstad.json', '--json', ...args], { ...quiet, stdout: (t) => void (json += t) })).toBe(0);
    const expected = (JSON.parse(json) as { comparisons: { differences: { significant: boolean; estimate: number }[] }[] }).comparisons[0]!.differences.filter((d) => d.significant);
    const [headers, ...rows] = readCsv(readFileSync(join(out, 'vergelijking.csv'), 'utf8').replace(/^\uFEFF/, ''), ',');
    expect(headers).toEqual(['Figure', 'Baseline', 'This scenario', 'Difference (points)', 'Lower bound (95%)', 'Upper bound (95%)']);
    expect(expected.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(expected.length);
    // the CSV writes shares as percentages, numbers a spreadsheet reads
    expect(rows.map((r) => Number(r[3])).sort((a, b) => a - b)).toEqual(expected.map((d) => Math.round(d.estimate * 1000) / 10).sort((a, b) => a - b));
    for (const r of rows) expect(Number(r[4]) <= Number(r[3]) && Number(r[3]) <= Number(r[5])).toBe(true);
    rmSync(out, { recursive: true, force: true });
  });
});

describe('report and simulate refuse what they cannot do, in plain words', () => {
  it('a small cohort, a file where a folder belongs, --json with the risk routes; --csv on a household path writes its tables', async () => {
    const out = mkdtempSync(join(tmpdir(), 'zorgpaden-refuse-'));
    let text = '';
    const context: CliContext = { stdout: (t) => void (text += t), stderr: (t) => void (text += t), interactive: false, cwd: process.cwd() };
    const run = async (args: string[]) => {
      text = '';
      return runCli([...args, '--lang', 'nl'], context);
    };
    // the default batches follow the cohort: ten journeys simulate, without an error about --batches
    expect(await run(['report', 'paths/national/zwangerschap.json', '--simulate', '--cohort', '10', '-o', join(out, 'klein.html')])).toBe(0);
    expect(await run(['report', 'paths/national/zwangerschap.json', '--cohort', '1', '-o', join(out, 'geen.html')])).toBe(0);
    const file = join(out, 'bestand.csv');
    writeFileSync(file, 'x');
    expect(await run(['report', 'paths/national/zwangerschap.json', '--format', 'csv', '-o', file])).toBe(2);
    expect(text).toContain('is een bestand; de CSV-tabellen komen in een map');
    expect(text).not.toMatch(/internal error|interne fout/);
    expect(readFileSync(file, 'utf8')).toBe('x');
    expect(await run(['report', 'paths/national/zwangerschap.json', '--format', 'risks', '--json', '-o', join(out, 'r.txt')])).toBe(2);
    expect(text).toContain('laat --json weg');
    // a household path takes --csv now: its tables go into the folder
    expect(await run(['simulate', 'paths/households/huishouden-1000-dagen.json', '--cohort', '10', '--csv', join(out, 'tabellen')])).toBe(0);
    expect(text).toContain('9 tabellen geschreven');
    rmSync(out, { recursive: true, force: true });
  });
});
