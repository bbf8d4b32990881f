import { didYouMean, toPointer } from '../../diagnostics/index.js';
import { BIRTH_EVENT } from '../../model/index.js';
import { householdReach } from '../household.js';
import { defineRule, ruleDocsUrl } from '../rule.js';

/**
 * `awaited-event-never-emitted`: a transition waits for (`on`), or a track starts on (`startsOn`), an
 * event that no step the household can reach emits before it, so the track can never move on that
 * way (or never starts); and a transition whose `on` looks like a household event that no step
 * emits (`BIRTH`, or a near miss), which is then taken without waiting.
 */
export const awaitedEventNeverEmitted = defineRule({
  meta: {
    code: 'awaited-event-never-emitted',
    severity: 'error',
    category: 'structure',
    scopes: ['household'],
    docs: { description: 'A transition waits for, or a track starts on, an event that no reachable step emits before it.', url: ruleDocsUrl('awaited-event-never-emitted') },
    messages: {
      default: {
        message: {
          en: 'Step "{{step}}" waits for {{event}} to go on to "{{to}}", but no step the household can reach emits {{event}} before it, so track "{{track}}" can never move on this way.',
          nl: 'Stap "{{step}}" wacht op {{event}} om door te gaan naar "{{to}}", maar geen stap die het huishouden kan bereiken geeft {{event}} eerder, dus spoor "{{track}}" kan zo nooit verder.',
        },
        hint: {
          en: 'Emit {{event}} at a step the household reaches before "{{step}}" (not only at a step that comes after the wait), or let the transition go on without waiting.',
          nl: 'Geef {{event}} bij een stap die het huishouden vóór "{{step}}" bereikt (niet alleen bij een stap die na het wachten komt), of laat de overgang zonder wachten doorgaan.',
        },
      },
      start: {
        message: {
          en: 'Track "{{track}}" starts on {{event}}, but the steps that emit {{event}} can never be reached, so the track never starts.',
          nl: 'Spoor "{{track}}" begint bij {{event}}, maar de stappen die {{event}} geven zijn nooit te bereiken, dus het spoor begint nooit.',
        },
        hint: {
          en: 'Make a step that emits {{event}} reachable, or emit it at a step the household does reach.',
          nl: 'Maak een stap die {{event}} geeft bereikbaar, of geef het bij een stap die het huishouden wel bereikt.',
        },
      },
      notEmitted: {
        message: {
          en: 'Step "{{step}}" waits for {{event}} to go on to "{{to}}", but no step emits {{event}}: the transition is taken as an event from outside the household, without waiting.',
          nl: 'Stap "{{step}}" wacht op {{event}} om door te gaan naar "{{to}}", maar geen enkele stap geeft {{event}}: de overgang wordt genomen als een gebeurtenis van buiten het huishouden, zonder te wachten.',
        },
        hint: {
          en: 'Add "emits": "{{event}}" to the step where it happens{{suggestion}}.',
          nl: 'Zet "emits": "{{event}}" bij de stap waar het gebeurt{{suggestionNl}}.',
        },
      },
    },
  },
  check({ household: path, report }) {
    const { reached, raised, householdEvents } = householdReach(path, { waitForEvents: true });
    for (const [trackId, track] of Object.entries(path.tracks)) {
      if (track.startsOn === undefined || !householdEvents.has(track.startsOn) || raised.has(track.startsOn)) continue;
      report({ pointer: toPointer(['tracks', trackId, 'startsOn']), params: { track: trackId, event: track.startsOn }, messageId: 'start' });
    }
    for (const [id, step] of Object.entries(path.steps)) {
      if (!reached.has(id)) continue;
      step.transitions.forEach((t, i) => {
        const event = t.on;
        if (event === undefined) return;
        const params = { step: id, to: t.to, event, track: step.track };
        const pointer = toPointer(['steps', id, 'transitions', i, 'on']);
        if (householdEvents.has(event)) {
          if (!raised.has(event)) report({ pointer, params });
          return;
        }
        // an event no step emits is an event from outside (version 1's meaning); only a name that looks like a household event is a slip
        const guess = didYouMean(event, householdEvents);
        if (event !== BIRTH_EVENT && guess === undefined) return;
        report({ pointer, params: { ...params, suggestion: guess ? `, or did you mean ${guess}?` : '', suggestionNl: guess ? `, of bedoelde je ${guess}?` : '' }, messageId: 'notEmitted' });
      });
    }
  },
});
