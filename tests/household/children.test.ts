import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZorgpadenError } from '../../src/diagnostics/index.js';
import { createHouseholdJourney, type HouseholdJourney } from '../../src/machine/index.js';
import { DEFAULT_MAX_CHILDREN } from '../../src/machine/household-machine.js';
import { loadHouseholdPath } from '../../src/node/index.js';
import { GEZIN_FILE } from './fixtures.js';

const path = await loadHouseholdPath(GEZIN_FILE);

/** To the birth in the fixture: intake, check-ups, then the birth with `children`. */
function toBirth(journey: HouseholdJourney, children?: number) {
  journey.send({ type: 'NEXT', track: 'zorg' });
  return journey.send({ type: 'NEXT', track: 'zorg', ...(children !== undefined ? { children } : {}) });
}

const saveAndRestore = (journey: HouseholdJourney, options: { maxChildren?: number } = {}) => {
  const saved = JSON.parse(JSON.stringify(journey.persist())) as unknown;
  journey.stop();
  return createHouseholdJourney(path, undefined, { ...options, snapshot: saved });
};

describe('children in a household journey', () => {
  it('follows triplets by default, each child on a track of its own, kept through persist and restore', () => {
    expect(DEFAULT_MAX_CHILDREN).toBe(3);
    const journey = createHouseholdJourney(path, {});
    expect(toBirth(journey, 3).accepted).toBe(true);
    expect(journey.context.children).toBe(3);
    expect(journey.tracks).toEqual({ zorg: 'bevalling', 'jgz#1': 'hielprik', 'jgz#2': 'hielprik', 'jgz#3': 'hielprik' });
    journey.send({ type: 'NEXT', track: 'jgz#3' });
    const again = saveAndRestore(journey);
    expect(again.tracks).toEqual({ zorg: 'bevalling', 'jgz#1': 'hielprik', 'jgz#2': 'hielprik', 'jgz#3': 'consultatie' });
    expect(again.context.children).toBe(3);
    // the restored journey goes on for the third child as for the others
    again.send({ type: 'NEXT', track: 'jgz#3' });
    again.send({ type: 'NEXT', track: 'jgz#1' });
    expect(again.tracks).toMatchObject({ 'jgz#1': 'consultatie', 'jgz#2': 'hielprik', 'jgz#3': 'jgz-klaar' });
    expect(again.actor.getSnapshot().value).toMatchObject({ jgz_n1: 'consultatie', jgz_n2: 'hielprik', jgz_n3: 'jgz-klaar' });
    again.stop();
  });

  it('refuses a birth of more children than it follows, with a clear error, and loses no child', () => {
    const journey = createHouseholdJourney(path, {}, { maxChildren: 2 });
    journey.send({ type: 'NEXT', track: 'zorg' });
    const before = JSON.stringify(journey.persist());
    let caught: unknown;
    try {
      journey.send({ type: 'NEXT', track: 'zorg', children: 3 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ZorgpadenError);
    const [diagnostic] = (caught as ZorgpadenError).diagnostics;
    expect(diagnostic).toMatchObject({ code: 'too-many-children' });
    expect(diagnostic!.message).toBe('A birth of 3 children would bring the household to 3 children, but this journey follows at most 2 (maxChildren); the event was not sent.');
    expect(diagnostic!.nl.message).toContain('Een geboorte van 3 kinderen');
    expect(diagnostic!.hint).toContain('{ maxChildren: 3 }');
    // nothing happened: the same journey, still before the birth
    expect(JSON.stringify(journey.persist())).toBe(before);
    // the raw actor, sent the same event past the journey's check, does not take the birth either
    journey.actor.send({ type: 'NEXT', track: 'zorg', children: 3 });
    expect(journey.context.children).toBe(0);
    expect(journey.tracks).toEqual({ zorg: 'controles' });
    // with room for them, the same birth is taken
    expect(journey.send({ type: 'NEXT', track: 'zorg', children: 2 }).accepted).toBe(true);
    expect(journey.context.children).toBe(2);
    journey.stop();
  });

  it('restores a saved journey with a higher maxChildren, and refuses a lower one than the children born', () => {
    const journey = createHouseholdJourney(path, {}, { maxChildren: 1 });
    journey.send({ type: 'NEXT', track: 'zorg' });
    const saved = JSON.parse(JSON.stringify(journey.persist())) as unknown;
    journey.stop();
    // saved when the family expected one child; restored when they turn out to be four
    const more = createHouseholdJourney(path, undefined, { snapshot: saved, maxChildren: 4 });
    expect(more.send({ type: 'NEXT', track: 'zorg', children: 4 }).accepted).toBe(true);
    expect(Object.keys(more.tracks).filter((t) => t.startsWith('jgz#'))).toEqual(['jgz#1', 'jgz#2', 'jgz#3', 'jgz#4']);
    const four = JSON.parse(JSON.stringify(more.persist())) as unknown;
    more.stop();
    // left out, maxChildren is what the saved journey follows
    const same = createHouseholdJourney(path, undefined, { snapshot: four });
    expect(Object.keys(same.tracks).filter((t) => t.startsWith('jgz#'))).toHaveLength(4);
    same.stop();
    expect(() => createHouseholdJourney(path, undefined, { snapshot: four, maxChildren: 3 })).toThrow(/follows 4 children, more than maxChildren 3; restore it with \{ maxChildren: 4 \}/);
  });

  it('refuses a "children" or maxChildren that is not a whole number in range', () => {
    const journey = createHouseholdJourney(path, {});
    journey.send({ type: 'NEXT', track: 'zorg' });
    for (const children of [0, 1.5, -1, 17, Number.NaN]) expect(() => journey.send({ type: 'NEXT', track: 'zorg', children })).toThrow(/event\.children/);
    expect(journey.context.children).toBe(0);
    journey.stop();
    for (const maxChildren of [0, 2.5, 65, '3']) expect(() => createHouseholdJourney(path, {}, { maxChildren: maxChildren as number })).toThrow(/maxChildren/);
  });

  it('either follows every child of a birth or refuses it whole (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), (maxChildren, born) => {
        const journey = createHouseholdJourney(path, {}, { maxChildren });
        journey.send({ type: 'NEXT', track: 'zorg' });
        let refused = false;
        try {
          journey.send({ type: 'NEXT', track: 'zorg', children: born });
        } catch (error) {
          refused = error instanceof ZorgpadenError && error.diagnostics[0]?.code === 'too-many-children';
        }
        expect(refused).toBe(born > maxChildren);
        const followed = Object.keys(journey.tracks).filter((t) => t.startsWith('jgz#')).length;
        expect(journey.context.children).toBe(refused ? 0 : born);
        expect(followed).toBe(journey.context.children);
        journey.stop();
      }),
      { numRuns: 40 },
    );
  });
});
