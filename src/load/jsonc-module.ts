/*
 * The JSON-with-positions parser (jsonc-parser), as the readers reach it. Here its functions are
 * imported by name, so that a browser bundle keeps only those an app's functions use. The Node
 * builds replace this module with `src/node/jsonc-module.ts`, which loads the parser on the first
 * text that needs it, so that importing zorgpaden in Node does not pay for it.
 */
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, visit } from 'jsonc-parser';
import type * as parser from 'jsonc-parser';

/** What the content readers use: a scan with positions, and the error names. */
export type JsoncScanner = Pick<typeof parser, 'printParseErrorCode' | 'visit'>;
/** What the validation config reader uses: a syntax tree. */
export type JsoncTree = Pick<typeof parser, 'findNodeAtLocation' | 'getNodeValue' | 'parseTree'>;

/** The parser's scanning functions. */
export function jsonc(): JsoncScanner {
  return { printParseErrorCode, visit };
}

/** The parser's tree functions. */
export function jsoncTree(): JsoncTree {
  return { findNodeAtLocation, getNodeValue, parseTree };
}
