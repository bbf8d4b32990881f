import type { Words } from '../diagnostics/index.js';

/** How deeply a value passed to the API may nest; the loader refuses deeper documents the same way. */
export const MAX_ARGUMENT_NESTING = 512;

/**
 * Why a value cannot be walked recursively, or undefined when it can: it refers to itself (a
 * cycle), or nests more than `max` levels deep. The walk is a loop, not recursion, so the check
 * itself never overflows the stack; a shared object is walked once.
 */
export function nestingFlaw(value: unknown, max: number = MAX_ARGUMENT_NESTING): Words | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  // the height of every object already walked, so a shared subtree costs nothing twice
  const heights = new WeakMap<object, number>();
  const onPath = new Set<object>();
  const stack: { node: object; children: unknown[]; next: number; height: number }[] = [];
  const enter = (node: object): Words | undefined => {
    if (onPath.has(node)) return { en: 'an object that contains itself (a cycle)', nl: 'een object dat zichzelf bevat (een kringloop)' };
    if (stack.length >= max) return { en: `an object nested more than ${max} levels deep`, nl: `een object dat meer dan ${max} niveaus diep genest is` };
    onPath.add(node);
    stack.push({ node, children: Object.values(node), next: 0, height: 0 });
    return undefined;
  };
  const first = enter(value);
  if (first) return first;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next < frame.children.length) {
      const child = frame.children[frame.next++];
      if (typeof child !== 'object' || child === null) continue;
      const known = heights.get(child);
      if (known !== undefined) {
        if (stack.length + known > max) return { en: `an object nested more than ${max} levels deep`, nl: `een object dat meer dan ${max} niveaus diep genest is` };
        frame.height = Math.max(frame.height, known + 1);
        continue;
      }
      const flaw = enter(child);
      if (flaw) return flaw;
      continue;
    }
    stack.pop();
    onPath.delete(frame.node);
    heights.set(frame.node, frame.height);
    const parent = stack[stack.length - 1];
    if (parent) parent.height = Math.max(parent.height, frame.height + 1);
  }
  return undefined;
}
