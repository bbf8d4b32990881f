import type { ParseErrorCode } from 'jsonc-parser';
import { jsonc } from './jsonc-module.js';
import type { PositionBranch, PositionNode } from './positions.js';
import { KeyChecker, type ReadProblem } from './read-types.js';

const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'an unexpected character',
  InvalidNumberFormat: 'a badly written number',
  PropertyNameExpected: 'a property name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a colon was expected',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: 'a closing brace "}" was expected',
  CloseBracketExpected: 'a closing bracket "]" was expected',
  EndOfFileExpected: 'the text goes on after the end of the document',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'a comment is not closed',
  UnexpectedEndOfString: 'a text value is not closed with a double quote',
  UnexpectedEndOfNumber: 'a number ends too early',
  InvalidUnicode: 'a \\u escape is not valid',
  InvalidEscapeCharacter: 'a backslash escape is not valid',
  InvalidCharacter: 'a control character appears inside a text value',
};

const JSON_ERRORS_NL: Record<string, string> = {
  InvalidSymbol: 'een onverwacht teken',
  InvalidNumberFormat: 'een verkeerd geschreven getal',
  PropertyNameExpected: 'een veldnaam tussen dubbele aanhalingstekens werd verwacht',
  ValueExpected: 'een waarde werd verwacht',
  ColonExpected: 'een dubbele punt werd verwacht',
  CommaExpected: 'een komma werd verwacht',
  CloseBraceExpected: 'een sluitende accolade "}" werd verwacht',
  CloseBracketExpected: 'een sluitende haak "]" werd verwacht',
  EndOfFileExpected: 'de tekst gaat door na het einde van het document',
  InvalidCommentToken: 'commentaar is niet toegestaan in JSON',
  UnexpectedEndOfComment: 'commentaar is niet afgesloten',
  UnexpectedEndOfString: 'een tekstwaarde is niet afgesloten met een dubbel aanhalingsteken',
  UnexpectedEndOfNumber: 'een getal houdt te vroeg op',
  InvalidUnicode: 'een \\u-escape is ongeldig',
  InvalidEscapeCharacter: 'een backslash-escape is ongeldig',
  InvalidCharacter: 'een stuurteken staat in een tekstwaarde',
};

interface Frame {
  value: Record<string, unknown> | unknown[];
  position: PositionBranch;
  /** The member key waiting for its value, and its offset. */
  key?: string;
  keyOffset?: number;
  /** True when the pending member is a duplicate or forbidden key, so its value is dropped. */
  drop?: boolean;
}

/** The plain data of a JSON text, with positions, or the problems that stop it being read. */
export function readJson(text: string): { data: unknown; positions: PositionNode | undefined; problems: ReadProblem[] } {
  const problems: ReadProblem[] = [];
  const stack: Frame[] = [];
  const keys = new KeyChecker(problems);
  let root: unknown;
  let rootPosition: PositionNode | undefined;
  let syntaxError: ReadProblem | undefined;

  const place = (value: unknown, position: PositionNode, offset: number) => {
    const frame = stack[stack.length - 1];
    if (!frame) {
      root = value;
      rootPosition = position;
      return;
    }
    if (Array.isArray(frame.value)) {
      frame.value.push(value);
      frame.position.items!.push(position);
      return;
    }
    if (!frame.drop && frame.key !== undefined) {
      frame.value[frame.key] = value;
      frame.position.members!.set(frame.key, typeof position === 'number' ? frame.keyOffset ?? offset : { ...position, offset: frame.keyOffset ?? offset });
    }
    frame.key = undefined;
    frame.drop = false;
  };

  jsonc().visit(
    text,
    {
      onObjectBegin: (offset) => {
        stack.push({ value: {}, position: { offset, members: new Map() } });
      },
      onObjectProperty: (property, offset, _length, _line, _column, pathSupplier) => {
        const frame = stack[stack.length - 1]!;
        frame.key = property;
        frame.keyOffset = offset;
        frame.drop = !keys.accept(frame.position, property, offset, pathSupplier);
      },
      onObjectEnd: () => {
        const frame = stack.pop()!;
        place(frame.value, frame.position, frame.position.offset);
      },
      onArrayBegin: (offset) => {
        stack.push({ value: [], position: { offset, items: [] } });
      },
      onArrayEnd: () => {
        const frame = stack.pop()!;
        place(frame.value, frame.position, frame.position.offset);
      },
      onLiteralValue: (value: unknown, offset) => {
        place(value, offset, offset);
      },
      onError: (error: ParseErrorCode, offset) => {
        if (syntaxError) return;
        const name = jsonc().printParseErrorCode(error);
        syntaxError = {
          kind: 'syntax',
          offset,
          reason: JSON_ERRORS[name] ?? name,
          reasonNl: JSON_ERRORS_NL[name] ?? name,
        };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (syntaxError) return { data: undefined, positions: undefined, problems: [syntaxError] };
  return { data: root, positions: rootPosition, problems };
}
