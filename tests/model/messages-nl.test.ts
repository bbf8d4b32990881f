import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeParseDocument } from '../../src/load/api.js';
import { dutchMessage } from '../../src/model/messages-nl.js';

const MODEL = join(__dirname, '..', '..', 'src', 'model');

describe('Dutch text of the schemas\' own messages', () => {
  it('exists for every fixed message a refinement of a schema gives (read from the sources)', () => {
    const messages = new Set<string>();
    for (const file of readdirSync(MODEL).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(join(MODEL, file), 'utf8');
      // the refinements: .refine(…, { message: '…' }) and ctx.addIssue({ …, message: '…' })
      for (const match of text.matchAll(/(?:refine|superRefine|addIssue)\([\s\S]{0,400}?message: '([^']+)'/g)) messages.add(match[1]!);
    }
    expect(messages.size).toBeGreaterThan(3);
    const missing = [...messages].filter((message) => dutchMessage({ code: 'custom', message, path: [], input: undefined } as never) === undefined);
    expect(missing).toEqual([]);
  });

  it('exists for every pattern a schema checks text against: a pattern without its own message would say zod\'s English "Invalid string"', () => {
    const sources = readdirSync(MODEL).filter((f) => f.endsWith('.ts')).map((file) => ({ file, text: readFileSync(join(MODEL, file), 'utf8') }));
    const constants = new Map(sources.flatMap(({ text }) => [...text.matchAll(/const ([A-Z_]+) = '([^']+)'/g)].map((m) => [m[1]!, m[2]!] as const)));
    const messages: string[] = [];
    let patterns = 0;
    for (const { file, text } of sources) {
      for (const [index, chunk] of text.split('.regex(').entries()) {
        if (index === 0) continue;
        patterns += 1;
        // the message follows the pattern in the same call: a literal, or a constant of the model
        const found = /^[^\n]*(?:\n[^\n]*)?message: (?:'([^']+)'|([A-Z_]+))/.exec(chunk);
        expect(found, `${file}: .regex(${chunk.slice(0, 60)}`).not.toBeNull();
        const constant = found![2];
        const literal = constant === undefined ? found![1]! : constants.get(constant);
        expect(literal, `${file}: ${constant}`).toBeDefined();
        messages.push(literal!);
      }
    }
    expect(patterns).toBeGreaterThan(5);
    expect(messages.filter((message) => dutchMessage({ code: 'invalid_format', format: 'regex', message, path: [], input: '' } as never) === undefined)).toEqual([]);
  });

  it('says in Dutch that an overlay\'s pointer must start with "/"', () => {
    const parsed = safeParseDocument(JSON.stringify({ kind: 'overlay', values: [{ file: 'path', pointer: 'steps/x', value: 1 }] }), 'overlay', { filename: 'tuned.json' });
    expect(parsed.ok).toBe(false);
    const finding = parsed.diagnostics.find((d) => d.pointer === '/values/0/pointer');
    expect(finding?.nl.message).toBe('Een JSON-pointer begint met "/", zoals "/risks/smoking/prevalence".');
    expect(finding?.message).toBe('A JSON pointer starts with "/", like "/risks/smoking/prevalence".');
  });
});
