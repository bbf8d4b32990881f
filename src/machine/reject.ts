import type { CarePath } from '../model/index.js';
import { describeDay } from '../model/days.js';
import { acceptedEvents, rejectReason, type EventFields } from './select.js';
import type { JourneyContext, RejectedEvent, RejectReason } from './types.js';

type Texts = { en: string; nl: string };

function texts(reason: RejectReason, event: EventFields, context: JourneyContext, accepted: string[]): Texts {
  const step = `"${context.step}"`;
  const list = accepted.length > 0 ? accepted.join(', ') : '—';
  const pick = event.index !== undefined ? ` #${event.index}` : event.to !== undefined ? ` to "${event.to}"` : '';
  const pickNl = event.index !== undefined ? ` #${event.index}` : event.to !== undefined ? ` naar "${event.to}"` : '';
  switch (reason) {
    case 'invalid-event':
      return { en: `Event ${event.type} is malformed: index must be a whole number and day a finite number.`, nl: `Gebeurtenis ${event.type} is onjuist: index moet een geheel getal zijn en day een eindig getal.` };
    case 'day-in-past':
      return {
        en: `Event ${event.type} reports day ${event.day}, before the journey's day ${context.day}; a journey does not go back in time.`,
        nl: `Gebeurtenis ${event.type} meldt dag ${event.day}, vóór dag ${context.day} van de route; een route gaat niet terug in de tijd.`,
      };
    case 'not-accepted':
      return { en: `Step ${step} does not take event ${event.type}; it takes: ${list}.`, nl: `Stap ${step} kent gebeurtenis ${event.type} niet; wel: ${list}.` };
    case 'no-such-transition':
      return { en: `Step ${step} has no transition${pick} on ${event.type}.`, nl: `Stap ${step} heeft geen overgang${pickNl} bij ${event.type}.` };
    case 'guard-blocks':
      return {
        en: `The condition of every transition${pick} on ${event.type} from step ${step} is false for this client.`,
        nl: `De voorwaarde van elke overgang${pickNl} bij ${event.type} vanuit stap ${step} geldt niet voor deze cliënt.`,
      };
    case 'outside-window':
      return {
        en: `On ${describeDay(event.day ?? context.day, 'en')} every transition${pick} on ${event.type} from step ${step} would arrive after the end of its target's time window.`,
        nl: `Op ${describeDay(event.day ?? context.day, 'nl')} zou elke overgang${pickNl} bij ${event.type} vanuit stap ${step} na het einde van het tijdvenster van het doel aankomen.`,
      };
  }
}

/** Describes an event the current step did not take, for `context.rejected`. */
export function describeRejection(path: CarePath, context: JourneyContext, event: EventFields): RejectedEvent {
  const reason = rejectReason(path, context, event);
  const { en, nl } = texts(reason, event, context, acceptedEvents(path, context.step));
  const rejected: RejectedEvent = { event: String(event.type), step: context.step, day: context.day, reason, message: en, nl };
  if (event.index !== undefined) rejected.index = event.index;
  if (event.to !== undefined) rejected.to = event.to;
  if (event.day !== undefined) rejected.eventDay = event.day;
  return rejected;
}
