import { describe, expect, it } from 'vitest';
import { CarePathSchema, describeType, issuesToDiagnostics, safeParseCarePathData, safeParseData, StepSchema } from '../../src/model/index.js';
import { minimalPath, smallPath } from './fixtures.js';

/** Parses a changed copy of the small path and returns its diagnostics. */
function problems(mutate: (input: Record<string, any>) => void) {
  const input = smallPath() as Record<string, any>;
  mutate(input);
  const result = safeParseCarePathData(input);
  expect(result.ok).toBe(false);
  return result.diagnostics;
}

describe('issuesToDiagnostics', () => {
  it('an unknown field gets unknown-field with a did-you-mean hint in both languages', () => {
    const diagnostics = problems((p) => {
      p.steps.intake.tranistions = p.steps.intake.transitions;
      delete p.steps.intake.transitions;
    });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: 'unknown-field',
      severity: 'error',
      pointer: '/steps/intake/tranistions',
      params: { field: 'tranistions' },
      message: 'Field "tranistions" is not part of the format here.',
      hint: 'Did you mean "transitions"?',
      nl: { message: 'Veld "tranistions" hoort hier niet in het formaat.', hint: 'Bedoelde je "transitions"?' },
    });
  });

  it('unknown fields at the top, in a transition and in a time point name the right neighbours', () => {
    const diagnostics = problems((p) => {
      p.tittle = p.title;
      p.steps.screening.transitions[0].wen = {};
      p.steps.intake.window.from.gww = 6;
    });
    const byPointer = Object.fromEntries(diagnostics.filter((d) => d.code === 'unknown-field').map((d) => [d.pointer, d.hint]));
    expect(byPointer['/tittle']).toBe('Did you mean "title"?');
    expect(byPointer['/steps/screening/transitions/0/wen']).toBe('Did you mean "when"?');
    expect(byPointer['/steps/intake/window/from/gww']).toBe('Did you mean "gw"?');
  });

  it('a field with no near neighbour lists the known fields', () => {
    const [d] = problems((p) => (p.steps.klaar.zzzzzzzzzz = 1));
    expect(d!.hint).toMatch(/^Known: "kind", "phase", "actor", .*, …\.$/);
  });

  it('a missing field says which', () => {
    const diagnostics = problems((p) => {
      delete p.initial;
      delete p.steps.intake.label;
    });
    expect(diagnostics.map((d) => [d.code, d.pointer, d.params.field])).toEqual([
      ['missing-field', '/initial', 'initial'],
      ['missing-field', '/steps/intake/label', 'label'],
    ]);
    expect(diagnostics[0]!.nl.message).toBe('Veld "initial" is verplicht.');
  });

  it('a wrong type says what was expected and what was found', () => {
    const diagnostics = problems((p) => {
      p.version = 1;
      p.steps.intake.transitions = { to: 'screening' };
      p.steps.screening.transitions[1].weight = 'high';
    });
    expect(diagnostics.map((d) => [d.code, d.pointer, d.message])).toEqual([
      ['invalid-type', '/version', 'Expected text but found a whole number.'],
      ['invalid-type', '/steps/intake/transitions', 'Expected a list but found an object.'],
      ['invalid-type', '/steps/screening/transitions/1/weight', 'Expected a number but found text.'],
    ]);
  });

  it('an invalid enum value lists the allowed values and suggests the closest', () => {
    const [d] = problems((p) => (p.actors.wijkteam.domain = 'socail'));
    expect(d).toMatchObject({ code: 'invalid-value', pointer: '/actors/wijkteam/domain' });
    expect(d!.message).toBe('"socail" is not allowed here; use one of "medical", "social", "informal". Did you mean "social"?');
    expect(d!.nl.message).toContain('Bedoelde je "social"?');
  });

  // only the document's own kind is a wrong-kind problem; a step's kind is an ordinary value
  it('an invalid step kind is an invalid value with a suggestion, not a wrong document kind', () => {
    const [d] = problems((p) => (p.steps.intake.kind = 'contakt'));
    expect(d).toMatchObject({ code: 'invalid-value', pointer: '/steps/intake/kind' });
    expect(d!.message).toContain('Did you mean "contact"?');
  });

  // messages that come from zod checks (an id pattern, a list too short) have Dutch text too
  it('an invalid id and a too-short list are explained in Dutch too', () => {
    const diagnostics = problems((p) => {
      p.steps['Groot Id'] = p.steps.klaar;
      p.steps.intake.addresses = [''];
      p.interventions = { x: { label: { nl: 'X' }, phases: [], actor: 'jgz', recognition: 'regular-care' } };
    });
    expect(diagnostics.map((d) => d.pointer).sort()).toEqual(['/interventions/x/phases', '/steps/Groot Id', '/steps/intake/addresses/0']);
    for (const d of diagnostics) expect(d.nl.message).not.toMatch(/lower-case letters|Too small/);
  });

  it('an unsupported schemaVersion stands alone (the rest would describe the other format), and a control character gets its own code', () => {
    const versioned = problems((p) => {
      p.schemaVersion = 2;
      p.steps.intake.label.nl = 'In\ttake';
      (p as Record<string, unknown>)['tracks'] = {};
    });
    expect(versioned.map((d) => [d.code, d.pointer])).toEqual([['unsupported-schema-version', '/schemaVersion']]);
    expect(versioned[0]!.params).toMatchObject({ actual: '2', supported: '1' });
    expect(versioned[0]!.nl?.message).toContain('formaatversie 2');
    // this version of zorgpaden does read version 2, elsewhere: the message says what is expected here, not "reads up to 1"
    expect(versioned[0]!.message).toBe('This is a household path (format version 2); a care path of format version 1 is expected here.');
    expect(versioned[0]!.hint).toContain('`validate`, `check`, `simulate`, `coverage`, `render`, `report`, `compare`, `route`, `diff` and `apply` read household paths');
    expect(versioned[0]!.hint).toContain('an included file must be a version 1 path');
    const diagnostics = problems((p) => {
      p.steps.intake.label.nl = 'In\ttake';
    });
    expect(diagnostics.map((d) => [d.code, d.pointer])).toEqual([['label-control-character', '/steps/intake/label/nl']]);
    expect(diagnostics[0]!.params.char).toBe('U+0009');
  });

  it('an invalid step id key is reported at the key', () => {
    const diagnostics = problems((p) => (p.steps['Groot Id'] = p.steps.klaar));
    expect(diagnostics.map((d) => [d.code, d.pointer])).toContainEqual(['invalid-value', '/steps/Groot Id']);
  });

  it('escapes "/" and "~" in pointers', () => {
    const diagnostics = problems((p) => (p.steps['sub/x'] = { kind: 'outcome', phase: 'pregnancy', label: { nl: 'X' }, 'extra~field': 1 }));
    expect(diagnostics[0]!.pointer).toBe('/steps/sub~1x/extra~0field');
  });

  it('a document that is not an object is said to be one thing and not another', () => {
    for (const [value, actual] of [[[], 'a list'], ['x', 'text'], [null, 'null'], [3, 'a whole number']] as const) {
      expect(safeParseData(CarePathSchema, value).diagnostics).toEqual([expect.objectContaining({ code: 'not-an-object', pointer: '', params: { actual, actualNl: expect.any(String) } })]);
    }
  });

  it('a base pointer prefixes every pointer', () => {
    const step = { kind: 'contact', phase: 'pregnancy', label: { nl: 'X' }, actr: 'jgz' };
    const parsed = StepSchema.safeParse(step);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(issuesToDiagnostics(parsed.error.issues, step, StepSchema, ['steps', 'nieuw'])[0]).toMatchObject({ pointer: '/steps/nieuw/actr', hint: 'Did you mean "actor"?' });
  });

  it('describeType names JSON types in plain words', () => {
    expect([1.5, 2, true, {}, 'a'].map(describeType)).toEqual(['a number', 'a whole number', 'true or false', 'an object', 'text']);
  });

  it('a valid path gives no diagnostics at all', () => {
    expect(safeParseCarePathData(minimalPath()).diagnostics).toEqual([]);
  });
});

describe('a missing fixed-value field', () => {
  it('a missing schemaVersion is a missing field, not an unsupported version', async () => {
    const { safeParseCarePathData } = await import('../../src/model/index.js');
    const result = safeParseCarePathData({ id: 'x', version: '1.0.0', title: { nl: 'X' }, initial: 'a', steps: { a: { kind: 'outcome', phase: 'pregnancy', label: { nl: 'A' } } } });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => [d.code, d.pointer, d.message])).toEqual([['missing-field', '/schemaVersion', 'Field "schemaVersion" is required.']]);
  });
});
