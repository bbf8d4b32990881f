import { describe, expect, it } from 'vitest';
import { loadMenukaart, loadPath, simulateSync, validatePath } from '../support/everything.js';

const PATH = 'paths/national/zwangerschap.json';
const MENUKAART = 'paths/menukaart/menukaart.json';

describe('a path that names its menukaart', () => {
  it('is loaded with the menukaart entries, so library and CLI see the same target groups', async () => {
    const [path, menukaart] = await Promise.all([loadPath(PATH), loadMenukaart(MENUKAART)]);
    expect(path.menukaart).toBe('../menukaart/menukaart.json');
    for (const [id, entry] of Object.entries(menukaart.interventions)) expect(path.interventions?.[id]).toEqual(entry);

    const withoutOption = simulateSync(path, { cohort: 3_000, seed: 7 });
    const withOption = simulateSync(path, { cohort: 3_000, seed: 7, menukaart });
    expect(withoutOption.interventions).toEqual(withOption.interventions);
    expect(validatePath(path).diagnostics).toEqual(validatePath(path, { menukaart }).diagnostics);
  });
});
