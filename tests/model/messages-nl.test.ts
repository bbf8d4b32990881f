import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
});
