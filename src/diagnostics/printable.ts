/**
 * Control characters (C0 but tab, DEL, C1), line and paragraph separators, and the bidirectional
 * controls that reorder what a terminal shows. A name from outside (a file name, a key from a
 * document) that holds one could move the cursor, colour the screen or forge a line of output.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// the same, but line breaks stay: for messages of several lines
const UNPRINTABLE_KEEPING_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** The text with every control character written as a visible `\uXXXX` escape, for one line of output. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, escape);
}

/** Like `printable`, but line breaks stay line breaks: for a message of several lines the program wrote. */
export function printableLines(text: string): string {
  return text.replace(UNPRINTABLE_KEEPING_LINES, escape);
}
