/*
 * 03 — Run a journey actor in an app, persist it and restore it.
 * A family's journey through the pregnancy path is an XState v5 actor. The app asks which
 * transitions are open, sends what happened, stores the journey as JSON (e.g. in a database)
 * and continues it later. Run: node --import tsx examples/03-run-a-journey-actor.ts
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJourney } from 'zorgpaden';
import { loadPath } from 'zorgpaden/node';

// the content shipped in the package, found wherever zorgpaden is installed
const shipped = (file: string) => fileURLToPath(import.meta.resolve(`zorgpaden/paths/${file}`));

const path = await loadPath(shipped('national/zwangerschap.json'));
const client = { risks: ['debts'], attributes: { age: 19 } };
const journey = createJourney(path, client);
const changes: string[] = [];
journey.subscribe((context) => changes.push(context.step));
console.log(`start: ${journey.step} (${journey.phase}, day ${journey.day})`);

// an event that does not fit is not an exception: it is recorded with a reason
const wrong = journey.send({ type: 'NO_SUCH_EVENT' });
console.log(`rejected: ${!wrong.accepted && wrong.rejected.reason}`);

// the app takes the first open transition three times, as a caseworker would record them
for (let i = 0; i < 3 && !journey.done; i++) {
  const [next] = journey.available();
  if (!next) break;
  journey.send({ type: next.event, index: next.index });
}
console.log(`after 3 events: ${journey.step} on day ${journey.day}; history: ${journey.history.map((h) => h.step).join(' > ')}`);
console.log(`listener saw ${changes.length} changes`);

// persist: plain JSON with the path's id, version and hash, so a changed path is noticed
const file = join(mkdtempSync(join(tmpdir(), 'zorgpaden-journey-')), 'journey.json');
writeFileSync(file, JSON.stringify(journey.persist()));
const restored = createJourney(path, undefined, { snapshot: JSON.parse(readFileSync(file, 'utf8')) });
console.log(`restored: ${restored.step} on day ${restored.day}, same step: ${restored.step === journey.step}, same history: ${restored.history.length === journey.history.length}`);
console.log(`open now: ${restored.available().map((t) => `${t.event}->${t.to}`).join(', ') || 'none'}`);
