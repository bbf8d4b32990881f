/*
 * The only place where text from a path becomes Mermaid text. Mermaid turns `#<number>;` into a
 * character entity before it parses a diagram (and back after drawing), so every character that
 * could mean something to any of its grammars is written that way: quotes, brackets, arrows, `%%`,
 * `;`, `#`, `:`, `,`, `|`, `<`, `>`, backticks, braces, emoji, and so on. Letters (with their
 * diacritics), digits, spaces, `.`, `_`, single `-` and `'` stay readable. Ids are never built from text.
 */

// ß and ﬂ are Mermaid's own entity markers ("ﬂ°°…¶ß"), so they are encoded although they are letters
const SAFE = /^[\p{L}\p{M}\p{N} .'_-]$/u;
const UNSAFE_LETTERS = new Set(['ß', 'ﬂ']);
// C0/C1 controls, line and paragraph separators: a label is one line
const LINE_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

function encodeChar(char: string): string {
  return `#${char.codePointAt(0) as number};`;
}

function isSafe(char: string, previous: string | undefined, next: string | undefined): boolean {
  if (!SAFE.test(char) || UNSAFE_LETTERS.has(char)) return false;
  // "--" starts an arrow in several grammars; a lone dash is harmless
  if (char === '-' && (previous === '-' || next === '-')) return false;
  // spaces at the ends would be trimmed by the grammars that read unquoted text
  if (char === ' ' && (previous === undefined || next === undefined)) return false;
  return true;
}

/**
 * Encodes text for use inside a Mermaid label: the result contains only letters, digits, spaces,
 * `.`, `'`, single dashes and `#<code>;` entities, so it cannot end a string, start a comment,
 * add a statement or a directive in any diagram type. Line breaks become spaces.
 */
export function escapeLabel(text: string): string {
  const chars = Array.from(text.replace(LINE_BREAK, ' '));
  if (chars.length === 0) return encodeChar(' ');
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] as string;
    out += isSafe(char, chars[i - 1], chars[i + 1]) ? char : encodeChar(char);
  }
  return out;
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
