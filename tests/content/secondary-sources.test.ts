import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesOfKind, PATHS_DIR } from './content-files.js';

// Pages that core practice facts rest on, although they are not the publisher of those facts: a
// school's page for the reporting code, parenting sites for the JGZ schedule and the 22-week
// vaccination, copies on document-sharing sites, a best-practice collection for VoorZorg.
const WEAK = ['aandachtsfunctionaris-vt', 'jgz-boefjes', 'jgz-rivm-2008', 'kinkhoest', 'meldcode-5', 'voorzorg-nopunish'];
// the publishers a council or coalition audience expects for these facts
const PRIMARY_PUBLISHERS = ['Rijksoverheid', 'RIVM', 'NCJ', 'KNOV', 'COA', 'Perined', 'Veilig Thuis', 'Trimbos'];
const SECONDARY = /^Secondary source\b/;

const sources = (filesOfKind('sources')[0]!.data as { sources: Record<string, { note?: { nl: string; en?: string } }> }).sources;
const secondaryKeys = Object.entries(sources)
  .filter(([, entry]) => SECONDARY.test(entry.note?.en ?? ''))
  .map(([key]) => key)
  .sort();

describe('secondary sources', () => {
  it('marks every weak page as a secondary source in its note', () => {
    expect(WEAK.filter((key) => !SECONDARY.test(sources[key]?.note?.en ?? '') || !/^Secundaire bron\b/.test(sources[key]?.note?.nl ?? ''))).toEqual([]);
    expect(secondaryKeys).toEqual(expect.arrayContaining(WEAK));
  });

  it('names, for every secondary source, a primary publisher to check the facts against', () => {
    const without = secondaryKeys.filter((key) => {
      const { nl, en = '' } = sources[key]!.note!;
      const check = en.slice(en.indexOf('Primary source to check:'));
      const checkNl = nl.slice(nl.indexOf('Te controleren bij de primaire bron:'));
      const names = (text: string) => PRIMARY_PUBLISHERS.some((publisher) => text.includes(publisher));
      return !en.includes('Primary source to check:') || !nl.includes('Te controleren bij de primaire bron:') || !names(check) || !names(checkNl);
    });
    expect(without).toEqual([]);
  });

  it('lists exactly the secondary sources in paths/README.md', () => {
    const readme = readFileSync(join(PATHS_DIR, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Secondary sources'));
    expect(section.length).toBeLessThan(readme.length);
    const end = section.indexOf('\n## ', 3);
    const listed = [...(end < 0 ? section : section.slice(0, end)).matchAll(/^- `([a-z0-9-]+)`/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(secondaryKeys);
  });
});
