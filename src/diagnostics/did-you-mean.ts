/** Edit distance between two short strings; a swap of two neighbouring letters counts as one edit. */
export function editDistance(a: string, b: string): number {
  return boundedDistance(a, b, Infinity, rows(b.length));
}

function rows(length: number): Int32Array[] {
  return [new Int32Array(length + 1), new Int32Array(length + 1), new Int32Array(length + 1)];
}

// the edit distance, or `max + 1` as soon as it is certain to be more than `max`; `scratch` holds
// three rows of at least b.length + 1 cells, so that comparing many candidates allocates nothing
function boundedDistance(a: string, b: string, max: number, scratch: Int32Array[]): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let [beforePrevious, previous, current] = scratch as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  let previousMin = 0;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let distance = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) distance = Math.min(distance, beforePrevious[j - 2]! + 1);
      current[j] = distance;
      if (distance < rowMin) rowMin = distance;
    }
    // a swap looks back two rows, so stop only when both rows are past the bound
    if (rowMin > max && previousMin > max) return max + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
    previousMin = rowMin;
  }
  return previous[b.length]!;
}

/** The most edits a suggestion may be away from what was written. */
const MAX_EDITS = 4;

/**
 * The candidate closest to `input`, if it is close enough to be a likely typo:
 * within a third of the longer string's length (at least 1, at most 4 edits).
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const direct = closest(input, list);
  if (direct !== undefined || input.includes('/')) return direct;
  // an included step is namespaced (`zwangerschap/aanmelding`): "aanmelding" means that one when it is the only such step
  const namespaced = list.filter((c) => c.includes('/'));
  const tail = closest(input, namespaced.map((c) => c.slice(c.lastIndexOf('/') + 1)));
  if (tail === undefined) return undefined;
  const matches = namespaced.filter((c) => c.slice(c.lastIndexOf('/') + 1) === tail);
  return matches.length === 1 ? matches[0] : undefined;
}

function closest(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lowered = input.toLowerCase();
  let scratch = rows(lowered.length + MAX_EDITS);
  for (const candidate of candidates) {
    // only a candidate closer than the best so far, and within MAX_EDITS, can change the answer
    const bound = Math.min(MAX_EDITS, bestDistance - 1);
    if (Math.abs(candidate.length - input.length) > bound) continue;
    const other = candidate.toLowerCase();
    if (other.length >= scratch[0]!.length) scratch = rows(other.length);
    const distance = boundedDistance(lowered, other, bound, scratch);
    if (distance < bestDistance && distance <= bound) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.min(MAX_EDITS, Math.max(1, Math.floor(Math.max(input.length, best.length) / 3)));
  return bestDistance <= limit ? best : undefined;
}
