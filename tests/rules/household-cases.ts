import { gezinInput } from '../household/fixtures.js';

type Data = Record<string, unknown>;

/** The household fixture, changed by `edit` (a fresh copy each time). */
export function household(edit: (data: Data & { steps: Record<string, Data>; tracks: Record<string, Data> }) => void = () => undefined): Data {
  const data = gezinInput() as Data & { steps: Record<string, Data>; tracks: Record<string, Data> };
  edit(data);
  return data;
}
