/*
 * The only place where text from a path becomes Mermaid text. Mermaid turns `#<number>;` into a
 * character entity before it parses a diagram (and back after drawing), so every character that
 * could mean something to any of its grammars is written that way: quotes, brackets, arrows, `%%`,
 * `;`, `#`, `:`, `,`, `|`, `<`, `>`, backticks, braces, emoji, and so on. Letters (with their
 * diacritics), digits, spaces, `.`, `_`, single `-` and `'` stay readable. Ids are never built from text.
 */

// letters (with their marks) and digits of any script stay; ß and ﬂ are letters but also Mermaid's
// own entity markers ("ﬂ°°…¶ß"), so they are encoded
const LETTER = /^[\p{L}\p{M}\p{N}]$/u;
const MARKER_LETTERS = new Set([0xdf, 0xfb02]);
// C0/C1 controls, line and paragraph separators: a label is one line
const LINE_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
// plain text needs no work: the common case, checked first
const PLAIN = /^[A-Za-z0-9.'_](?:[A-Za-z0-9 .'_]*[A-Za-z0-9.'_])?$/;
// ASCII characters that may stay as they are: letters, digits, space . ' _ - (dashes and spaces have rules)
const SAFE_ASCII = new Uint8Array(128);
for (const c of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .'_-") SAFE_ASCII[c.charCodeAt(0)] = 1;

function encodeChar(char: string): string {
  return `#${char.codePointAt(0) as number};`;
}

function keepAscii(text: string, code: number, i: number, last: number): boolean {
  if (SAFE_ASCII[code] !== 1) return false;
  // "--" starts an arrow in several grammars; a lone dash is harmless
  if (code === 45) return text.charCodeAt(i - 1) !== 45 && text.charCodeAt(i + 1) !== 45;
  // grammars that read unquoted text trim spaces at the ends
  if (code === 32) return i !== 0 && i !== last;
  return true;
}

/**
 * Encodes text for use inside a Mermaid label: the result contains only letters, digits, spaces,
 * `.`, `'`, `_`, single dashes and `#<code>;` entities, so it cannot end a string, start a comment,
 * add a statement or a directive in any diagram type. Line breaks become spaces; spaces at the
 * ends are encoded, since grammars that read unquoted text would trim them.
 */
export function escapeLabel(input: string): string {
  if (PLAIN.test(input)) return input;
  const text = input.replace(LINE_BREAK, ' ');
  if (text === '') return '#32;';
  const last = text.length - 1;
  // copy runs of safe text in one slice, encode the characters between them
  let out = '';
  let run = 0;
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if (keepAscii(text, code, i, last)) continue;
      out += text.slice(run, i) + `#${code};`;
      run = i + 1;
      continue;
    }
    const point = text.codePointAt(i) as number;
    const width = point > 0xffff ? 2 : 1;
    if (!(LETTER.test(text.slice(i, i + width)) && !MARKER_LETTERS.has(point))) {
      out += text.slice(run, i) + `#${point};`;
      run = i + width;
    }
    i += width - 1;
  }
  return run === 0 ? text : out + text.slice(run);
}

/** A label as a double-quoted Mermaid string (`"…"`), for node and state declarations. */
export function quoted(text: string): string {
  return `"${escapeLabel(text)}"`;
}

/**
 * A label for grammars where the text starts a line (gantt and journey tasks, sections): its first
 * character is always encoded too, so no label can be read as a keyword such as `section` or `click`.
 */
export function escapeLineText(text: string): string {
  const escaped = escapeLabel(text);
  if (escaped.startsWith('#')) return escaped;
  const first = Array.from(escaped)[0] as string;
  return encodeChar(first) + escaped.slice(first.length);
}

/**
 * Decodes what Mermaid's parser stores for an escaped label (its entity markers, or `#<code>;`
 * written by `escapeLabel`) back to the original text; used to check round trips.
 */
export function unescapeLabel(text: string): string {
  // one pass, so decoded text is never decoded twice
  return text.replace(/\uFB02\u00B0\u00B0(\d+)\u00B6\u00DF|#(\d+);/g, (_, marker?: string, entity?: string) =>
    String.fromCodePoint(Number(marker ?? entity)),
  );
}
