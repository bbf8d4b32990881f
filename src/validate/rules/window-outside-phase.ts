import { toPointer } from '../../diagnostics/index.js';
import { describeTimePoint, type Phase } from '../../model/index.js';
import { windowOutsidePhase as outside } from '../phase-window.js';
import { defineRule, ruleDocsUrl } from '../rule.js';

const PHASE_WORDS: Record<Phase, { en: string; nl: string }> = {
  preconception: { en: 'the preconception phase, which ends at conception', nl: 'de fase vóór de zwangerschap, die eindigt bij de conceptie' },
  pregnancy: { en: 'the pregnancy phase, from conception to birth', nl: 'de zwangerschapsfase, van conceptie tot geboorte' },
  postpartum: { en: 'the phase after birth', nl: 'de fase na de geboorte' },
};

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
