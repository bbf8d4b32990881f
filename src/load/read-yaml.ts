import type { Document, Node as YamlNode } from 'yaml';
import { yaml } from './yaml-module.js';
import type { PointerSegment } from '../diagnostics/index.js';
import type { PositionBranch, PositionNode } from './positions.js';
import { KeyChecker, type ReadProblem } from './read-types.js';

class AliasLimitReached extends Error {}

interface Walk {
  doc: Document;
  keys: KeyChecker;
  problems: ReadProblem[];
  /** Nodes produced by expanding aliases so far, and the most allowed. */
  expanded: number;
  limit: number;
  aliasOffset: number;
}

function startOf(node: YamlNode | null | undefined, fallback: number): number {
  return node?.range?.[0] ?? fallback;
}

/**
 * Converts one YAML node to plain data and positions. Aliases are expanded by walking their anchor
 * again, and every node produced that way counts against the alias limit, so an alias bomb
 * ("billion laughs") stops after `limit` nodes instead of growing exponentially.
 */
function convert(node: YamlNode | null, path: PointerSegment[], walk: Walk, inAlias: boolean, fallback: number): { value: unknown; position: PositionNode } {
  if (inAlias && ++walk.expanded > walk.limit) throw new AliasLimitReached();
  if (node === null || node === undefined) return { value: null, position: fallback };
  if (yaml().isAlias(node)) {
    const target = node.resolve(walk.doc);
    if (!target) return { value: null, position: startOf(node, fallback) };
    if (!inAlias) walk.aliasOffset = startOf(node, fallback);
    const converted = convert(target as YamlNode, path, walk, true, startOf(node, fallback));
    return { value: converted.value, position: startOf(node, fallback) };
  }
  if (yaml().isMap(node)) {
    const value: Record<string, unknown> = {};
    const position: PositionBranch = { offset: startOf(node, fallback), members: new Map() };
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      const keyOffset = startOf(keyNode, position.offset);
      if (keyNode !== null && !yaml().isScalar(keyNode)) {
        walk.problems.push({ kind: 'syntax', offset: keyOffset, reason: 'a key must be plain text, not a list or a map', reasonNl: 'een sleutel moet gewone tekst zijn, geen lijst of map' });
        continue;
      }
      const key = String(keyNode === null ? '' : keyNode.value);
      const child = convert(pair.value as YamlNode | null, [...path, key], walk, inAlias, keyOffset);
      if (!walk.keys.accept(position, key, keyOffset, () => path)) continue;
      value[key] = child.value;
      position.members!.set(key, typeof child.position === 'number' ? keyOffset : { ...child.position, offset: keyOffset });
    }
    return { value, position };
  }
  if (yaml().isSeq(node)) {
    const value: unknown[] = [];
    const position: PositionBranch = { offset: startOf(node, fallback), items: [] };
    node.items.forEach((item, index) => {
      const child = convert(item as YamlNode | null, [...path, index], walk, inAlias, position.offset);
      value.push(child.value);
      position.items!.push(child.position);
    });
    return { value, position };
  }
  if (yaml().isScalar(node)) {
    const raw = node.value;
    const value = typeof raw === 'bigint' ? Number(raw) : raw;
    return { value, position: startOf(node, fallback) };
  }
  return { value: null, position: startOf(node, fallback) };
}

// the YAML library's error codes in plain words; an unknown code keeps the library's own message
const YAML_ERRORS: Record<string, [string, string]> = {
  MULTIPLE_DOCS: ['the file holds more than one document (a second "---"); put each document in a file of its own', 'het bestand bevat meer dan één document (een tweede "---"); zet elk document in een eigen bestand'],
  BAD_INDENT: ['the indentation is wrong', 'het inspringen klopt niet'],
  TAB_AS_INDENT: ['a tab is used to indent; use spaces', 'er wordt met een tab ingesprongen; gebruik spaties'],
  MISSING_CHAR: ['a closing quote or bracket is missing', 'een sluitend aanhalingsteken of haakje ontbreekt'],
  BLOCK_AS_IMPLICIT_KEY: ['a key is missing its colon, or a value is indented too far', 'een sleutel mist zijn dubbele punt, of een waarde is te ver ingesprongen'],
  MULTILINE_IMPLICIT_KEY: ['a key runs over more than one line', 'een sleutel loopt over meer dan één regel'],
  UNEXPECTED_TOKEN: ['an unexpected character', 'een onverwacht teken'],
  BAD_ALIAS: ['an alias (*name) names no anchor (&name) before it', 'een alias (*naam) noemt geen anker (&naam) dat ervoor staat'],
  DUPLICATE_KEY: ['a key appears twice', 'een sleutel komt twee keer voor'],
  TAG_RESOLVE_FAILED: ['a tag (such as !!int) does not fit its value', 'een tag (zoals !!int) past niet bij de waarde'],
};

const NESTING: [string, string] = ['the document nests too deeply to read', 'het document is te diep genest om te lezen'];

/** The plain data of a YAML text, with positions, or the problems that stop it being read. */
export function readYaml(text: string, aliasLimit: number): { data: unknown; positions: PositionNode | undefined; problems: ReadProblem[] } {
  // duplicate keys are found by the walk below, which also knows where the first one was; the
  // library's own check (uniqueKeys) compares every pair of keys, too slow for 10,000 steps
  const doc = yaml().parseDocument(text, { uniqueKeys: false, prettyErrors: true, strict: true });
  const errors = doc.errors;
  const first = errors[0];
  if (first) {
    // the YAML library catches its own stack overflow on absurd nesting and reports it as an error
    const known = /call stack/i.test(first.message) ? NESTING : YAML_ERRORS[first.code];
    const reason = known?.[0] ?? first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
    return { data: undefined, positions: undefined, problems: [{ kind: 'syntax', offset: first.pos[0], reason, reasonNl: known?.[1] ?? reason }] };
  }
  const problems: ReadProblem[] = [];
  const walk: Walk = { doc, keys: new KeyChecker(problems), problems, expanded: 0, limit: aliasLimit, aliasOffset: 0 };
  try {
    const root = convert(doc.contents as YamlNode | null, [], walk, false, 0);
    return { data: root.value, positions: root.position, problems };
  } catch (error) {
    if (!(error instanceof AliasLimitReached)) throw error;
    return { data: undefined, positions: undefined, problems: [{ kind: 'alias-limit', offset: walk.aliasOffset }] };
  }
}
