import { simulateSync, safeParseCarePathData } from '../../src/index.js';
import { SMALL_PATH } from '../edit/fixture.js';
const p = (safeParseCarePathData(SMALL_PATH) as any).value;
for (const maxVisits of [0, -1, NaN, 1.5, Infinity, '3', 1]) {
  try { const r = simulateSync(p, { cohort: 5, seed: 1, maxVisits: maxVisits as any }); console.log(maxVisits, JSON.stringify({o: r.outcomes, s: r.stuck, l: r.limit})); }
  catch (e) { console.log(maxVisits, 'THROW', String(e).slice(0, 200)); }
}
for (const workers of [0, 1.5, NaN]) { try { simulateSync(p, { cohort: 5, seed: 1, workers: workers as any }); console.log('workers', workers, 'ok'); } catch (e) { console.log('workers', workers, String(e).slice(0,100)); } }
try { simulateSync(p, { cohort: 5, seed: 1, population: {} as any }); console.log('pop ok'); } catch (e) { console.log('pop', (e as Error).name, String(e).slice(0,300)); }
try { simulateSync(p, undefined as any); } catch (e) { console.log('undef', (e as Error).name, String(e).slice(0,300)); }
try { simulateSync({} as any, { cohort: 5, seed: 1 }); } catch (e) { console.log('path {}', (e as Error).name, String(e).slice(0,300)); }
