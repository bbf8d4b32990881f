import { toPointer } from '../../diagnostics/index.js';
import { emitsOf } from '../../model/index.js';
import { defineRule, ruleDocsUrl } from '../rule.js';

/** `event-never-heard`: a step emits an event that no transition waits for and no track starts on (a note). */
export const eventNeverHeard = defineRule({
  meta: {
    code: 'event-never-heard',
    severity: 'info',
    category: 'chain',
    scopes: ['household'],
    docs: { description: 'A step emits an event that no transition waits for and no track starts on.', url: ruleDocsUrl('event-never-heard') },
    messages: {
      default: {
        message: { en: 'Step "{{step}}" emits {{event}}, but nothing in the household waits for it.', nl: 'Stap "{{step}}" geeft {{event}}, maar niets in het huishouden wacht erop.' },
        hint: {
          en: 'Let a track start on it ("startsOn") or a transition wait for it ("on"); or remove it if it only documents the moment.',
          nl: 'Laat een spoor erop beginnen ("startsOn") of een overgang erop wachten ("on"); of haal het weg als het alleen het moment beschrijft.',
        },
      },
    },
  },
  check({ household: path, report }) {
    const heard = new Set<string>();
    for (const track of Object.values(path.tracks)) if (track.startsOn !== undefined) heard.add(track.startsOn);
    for (const step of Object.values(path.steps)) for (const t of step.transitions) if (t.on !== undefined) heard.add(t.on);
    for (const [id, step] of Object.entries(path.steps)) {
      const events = emitsOf(step);
      events.forEach((event, i) => {
        if (heard.has(event)) return;
        const pointer = typeof step.emits === 'string' ? toPointer(['steps', id, 'emits']) : toPointer(['steps', id, 'emits', i]);
        report({ pointer, params: { step: id, event } });
      });
    }
  },
});
