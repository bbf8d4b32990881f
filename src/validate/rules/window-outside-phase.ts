import { toPointer } from '../../diagnostics/index.js';
import type { Phase, TimePoint } from '../../model/index.js';
import { windowOutsidePhase as outside } from '../phase-window.js';
import { defineRule, ruleDocsUrl } from '../rule.js';

const PHASE_WORDS: Record<Phase, { en: string; nl: string }> = {
  preconception: { en: 'the preconception phase, which ends at conception', nl: 'de fase vóór de zwangerschap, die eindigt bij de conceptie' },
  pregnancy: { en: 'the pregnancy phase, from conception to birth', nl: 'de zwangerschapsfase, van conceptie tot geboorte' },
  postpartum: { en: 'the phase after birth', nl: 'de fase na de geboorte' },
};

/** A time point in the unit it was written in: `{ ageMonths: 4 }` is "4 months of age", not a day number. */
export function describeTimePoint(time: TimePoint, lang: 'en' | 'nl'): string {
  const nl = lang === 'nl';
  const n = (v: number) => (nl ? String(v).replace('.', ',') : String(v));
  if (time.gw !== undefined) return nl ? `zwangerschapsweek ${n(time.gw)}` : `gestational week ${n(time.gw)}`;
  if (time.ageMonths !== undefined) return nl ? `leeftijd ${n(time.ageMonths)} maanden` : `${n(time.ageMonths)} months of age`;
  if (time.ageDays !== undefined) return nl ? `leeftijd ${n(time.ageDays)} dagen` : `${n(time.ageDays)} days of age`;
  if (time.weeksBeforeConception !== undefined) return nl ? `${n(time.weeksBeforeConception)} weken vóór de conceptie` : `${n(time.weeksBeforeConception)} weeks before conception`;
  if (time.monthsBeforeConception !== undefined) return nl ? `${n(time.monthsBeforeConception)} maanden vóór de conceptie` : `${n(time.monthsBeforeConception)} months before conception`;
  const day = time.day ?? 0;
  return nl ? `dag ${n(day)} ten opzichte van de geboorte` : `day ${n(day)} relative to birth`;
}

/** `window-outside-phase`: a step's time window lies wholly outside the phase the step belongs to. */
export const windowOutsidePhase = defineRule({
  meta: {
    code: 'window-outside-phase',
    severity: 'error',
    category: 'time',
    docs: { description: 'A step whose time window lies wholly outside its phase.', url: ruleDocsUrl('window-outside-phase') },
    messages: {
      default: {
        message: {
          en: 'Step "{{step}}" belongs to {{phaseWords}}, but its window ({{window}}) lies wholly {{side}} it.',
          nl: 'Stap "{{step}}" hoort bij {{phaseWordsNl}}, maar het tijdvenster ({{windowNl}}) ligt helemaal {{sideNl}}.',
        },
        hint: {
          en: 'Correct the window (a unit mixed up, such as ageMonths for gw?), or give the step the phase its window is in.',
          nl: 'Corrigeer het tijdvenster (een eenheid verwisseld, zoals ageMonths voor gw?), of geef de stap de fase waarin het venster valt.',
        },
      },
    },
  },
  check({ path, report }) {
    for (const [id, step] of Object.entries(path.steps)) {
      const side = outside(step);
      const window = step.window;
      if (side === undefined || !window) continue;
      const before = side === 'before';
      const shown = (lang: 'en' | 'nl') => [window.from, window.to].map((t) => (t ? describeTimePoint(t, lang) : '…')).join(' – ');
      report({
        // the end that lies outside: `to` when the window ends too early, `from` when it starts too late
        pointer: toPointer(['steps', id, 'window', before ? 'to' : 'from']),
        params: {
          step: id,
          phase: step.phase,
          phaseWords: PHASE_WORDS[step.phase].en,
          phaseWordsNl: PHASE_WORDS[step.phase].nl,
          window: shown('en'),
          windowNl: shown('nl'),
          side: before ? 'before' : 'after',
          sideNl: before ? 'ervóór' : 'erna',
        },
      });
    }
  },
});
