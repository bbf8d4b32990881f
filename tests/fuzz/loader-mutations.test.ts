import fc from 'fast-check';
import { describe, it } from 'vitest';
import { fuzz } from './budget.js';
import { expectDocumentedResult } from './contract.js';
import { mutantArb, readMutant } from './mutations.js';

describe('the loader on mutated valid documents', () => {
  it('shipped and generated documents, mutated as data and as text, give a document or documented diagnostics', () => {
    fuzz(
      'loader: mutated shipped and generated documents',
      fc.property(mutantArb(), (m) => {
        const { origin, result } = readMutant(m);
        expectDocumentedResult(result, origin);
      }),
      0.3,
    );
  });

  it('a document truncated anywhere gives diagnostics whose lines are within the text', () => {
    fuzz(
      'loader: truncated documents',
      fc.property(mutantArb(), fc.nat(), (m, cut) => {
        const text = m.text.slice(0, cut % (m.text.length + 1));
        const { origin, result } = readMutant({ ...m, text, data: undefined });
        expectDocumentedResult(result, origin);
      }),
      0.3,
    );
  });
});
