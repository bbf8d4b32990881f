import { argumentError, isRecord } from '../diagnostics/index.js';
import type { CarePath, Label, Population } from '../model/index.js';
import { birthOutcomeModel, birthOutcomes, BIRTH_TAG, type BirthOutcomes, type SgaChances, type SimulationResult } from '../simulate/index.js';

/**
 * Tags that mark the steps a monitor indicator counts (besides `birth` and `preterm-birth`, which
 * birthOutcomes reads). A path without a tag simply has no value for that indicator.
 */
export const MONITOR_TAGS = {
  pregnancyCareStart: 'pregnancy-care-start',
  lateStart: 'late-start',
  preconceptionConsult: 'preconception-consult',
  noKraamzorg: 'no-kraamzorg',
  outOfHomePlacement: 'out-of-home-placement',
} as const;

/** One indicator of the RIVM monitor Kansrijke Start, as far as a simulation can compute it. */
export interface MonitorIndicator {
  id: string;
  /** Its number in the monitor's 2024 set, when a source gives it. */
  number: number | null;
  label: Label;
  /** What the monitor measures. */
  definition: Label;
  /** How the model computes it, and how that differs from the monitor. */
  computed: Label;
  /** Source ids (paths/sources.json). */
  source: string[];
  numerator: number;
  denominator: number;
  /** numerator / denominator; null when the path has nothing to count (no tagged step, no births). */
  value: number | null;
}

export interface MonitorOptions {
  /** The seed of the birth outcomes (the simulation's seed is the natural choice). */
  seed: number;
  population?: Pick<Population, 'multipleBirths'>;
  /** The chances of small for gestational age (e.g. as an overlay tuned them); the national ones when left out. */
  birthModel?: SgaChances;
  /** The menukaart entry of the prenatal home visit, whose target group is the vulnerable situation. */
  prenatalHomeVisit?: string;
}

/** The monitor's indicators computed from one simulation, with the birth outcomes they use. */
export interface MonitorReport {
  indicators: MonitorIndicator[];
  births: BirthOutcomes;
}

function tagged(path: CarePath, tag: string): string[] {
  return Object.entries(path.steps).flatMap(([id, step]) => (step.tags?.includes(tag) ? [id] : []));
}

const sum = (ids: string[], counts: Record<string, number>) => ids.reduce((total, id) => total + (counts[id] ?? 0), 0);

function indicator(fields: Omit<MonitorIndicator, 'value'>, counted: boolean): MonitorIndicator {
  return { ...fields, value: counted && fields.denominator > 0 ? fields.numerator / fields.denominator : null };
}

/**
 * Maps a simulation to the indicators of the RIVM monitor Kansrijke Start that the model can compute:
 * late start of pregnancy care, preconception consult, no kraamzorg, multiple vulnerability, Big2,
 * reach of the prenatal home visit, and out-of-home placement before age 2. The values describe the
 * simulated scenario; they are not estimates of the monitor's figures (docs/reference/monitor.md).
 * @example
 * const monitor = monitorIndicators(path, await simulate(path, { cohort: 20_000, seed: 1 }), { seed: 1 });
 * for (const indicator of monitor.indicators) console.log(indicator.id, indicator.value);
 */
export function monitorIndicators(path: CarePath, result: SimulationResult, options: MonitorOptions): MonitorReport {
  if (!isRecord(path) || !isRecord(path.steps)) throw argumentError('monitorIndicators', 'path', { en: 'a care path', nl: 'een zorgpad' }, path);
  if (!isRecord(result) || !isRecord(result.visits) || !isRecord(result.interventions)) {
    throw argumentError('monitorIndicators', 'result', { en: 'a simulation result', nl: 'een simulatieresultaat' }, result);
  }
  if (!isRecord(options)) throw argumentError('monitorIndicators', 'options', { en: 'an options object with a seed', nl: 'een object met opties en een seed' }, options);
  const births = birthOutcomes(path, result, { seed: options.seed, model: birthOutcomeModel(options.population, options.birthModel) });
  const hasBirths = tagged(path, BIRTH_TAG).length > 0;
  const starts = tagged(path, MONITOR_TAGS.pregnancyCareStart);
  const late = tagged(path, MONITOR_TAGS.lateStart);
  const consult = tagged(path, MONITOR_TAGS.preconceptionConsult);
  const noKraamzorg = tagged(path, MONITOR_TAGS.noKraamzorg);
  const placement = tagged(path, MONITOR_TAGS.outOfHomePlacement);
  const phbKey = options.prenatalHomeVisit ?? 'phb-jgz';
  const phb = Object.values(result.interventions).find((reach) => reach.intervention === phbKey);
  return {
    births,
    indicators: [
      indicator(
        {
          id: 'late-start-pregnancy-care',
          number: 9,
          label: { nl: 'Late start van de zwangerschapszorg', en: 'Late start of pregnancy care' },
          definition: { nl: 'Aandeel zwangerschappen (vanaf 24 weken) waarin de zorg na de 10e week begon.', en: 'Share of pregnancies (from 24 weeks) in which care started after the 10th week.' },
          computed: { nl: 'Bezoeken aan de late intake gedeeld door alle intakes.', en: 'Visits to the late intake divided by all intakes.' },
          source: ['diaper'],
          numerator: sum(late, result.visits),
          denominator: sum(starts, result.visits),
        },
        starts.length > 0,
      ),
      indicator(
        {
          id: 'preconception-consult',
          number: 6,
          label: { nl: 'Preconceptieconsult', en: 'Preconception consult' },
          definition: { nl: 'Aandeel moeders met een declaratie voor een preconceptieconsult.', en: 'Share of mothers with a claim for a preconception consult.' },
          computed: { nl: 'Cliënten met een preconceptieconsult gedeeld door de geboortes; ook wie niet zwanger werd telt mee.', en: 'Clients with a preconception consult divided by births; clients who did not become pregnant count too.' },
          source: ['diaper'],
          numerator: sum(consult, result.clients),
          denominator: births.births,
        },
        consult.length > 0 && hasBirths,
      ),
      indicator(
        {
          id: 'no-kraamzorg',
          number: 13,
          label: { nl: 'Geen kraamzorg na de geboorte', en: 'No kraamzorg after birth' },
          definition: { nl: 'Aandeel kersverse moeders zonder declaratie voor kraamzorg (gecorrigeerd voor lange ziekenhuisopnames).', en: 'Share of new mothers without any kraamzorg claim (corrected for long hospital stays).' },
          computed: { nl: 'Bezoeken aan de stap zonder kraamzorg gedeeld door de geboortes.', en: 'Visits to the step without kraamzorg divided by births.' },
          source: ['diaper'],
          numerator: sum(noKraamzorg, result.visits),
          denominator: births.births,
        },
        noKraamzorg.length > 0 && hasBirths,
      ),
      indicator(
        {
          id: 'multiple-vulnerability',
          number: 14,
          label: { nl: 'Meervoudige kwetsbaarheid', en: 'Multiple vulnerability' },
          definition: {
            nl: 'Aandeel geboortes bij moeders in een meervoudig kwetsbare situatie, uit een model over circa 25 registervariabelen.',
            en: 'Share of births to mothers in a multiply vulnerable situation, from a model over about 25 register variables.',
          },
          computed: {
            nl: 'Huishoudens in de doelgroep van het prenataal huisbezoek (opeenstapeling van risicofactoren met weinig beschermende factoren) gedeeld door het cohort; een andere definitie dan die van de monitor.',
            en: 'Households in the target group of the prenatal home visit (an accumulation of risk factors with few protective factors) divided by the cohort; a different definition from the monitor’s.',
          },
          source: ['diaper', 'mvt-phb'],
          numerator: phb?.eligible ?? 0,
          denominator: result.cohort,
        },
        phb !== undefined,
      ),
      indicator(
        {
          id: 'big2',
          number: 15,
          label: { nl: 'Big2: vroeggeboorte en/of laag geboortegewicht voor de zwangerschapsduur', en: 'Big2: preterm birth and/or low birth weight for gestational age' },
          definition: {
            nl: 'Aandeel kinderen (geboren vanaf 24 weken) dat vóór 37 weken is geboren en/of een geboortegewicht onder het 10e percentiel voor de zwangerschapsduur heeft.',
            en: 'Share of children (born from 24 weeks) born before 37 weeks and/or with a birth weight below the 10th percentile for gestational age.',
          },
          computed: {
            nl: 'Per kind getrokken uit de geboortes van de simulatie (tweelingen apart geteld), afgestemd op de landelijke cijfers.',
            en: 'Drawn per child from the births of the simulation (twins counted apart), calibrated to the national figures.',
          },
          source: ['diaper', 'seed-002', 'seed-004', 'pharos-ks'],
          numerator: births.all.big2,
          denominator: births.all.children,
        },
        hasBirths,
      ),
      indicator(
        {
          id: 'prenatal-home-visit-reach',
          number: null,
          label: { nl: 'Bereik van het prenataal huisbezoek', en: 'Reach of the prenatal home visit' },
          definition: {
            nl: 'Aandeel zwangeren in een kwetsbare situatie dat een prenataal huisbezoek kreeg; de monitor volgt de inzet van interventies, het precieze indicatornummer is niet bekend.',
            en: 'Share of pregnant women in a vulnerable situation who had a prenatal home visit; the monitor follows the use of interventions, its exact indicator number is not known.',
          },
          computed: { nl: 'Bereikte cliënten in de doelgroep gedeeld door de doelgroep.', en: 'Reached clients in the target group divided by the target group.' },
          source: ['seed-001', 'seed-002'],
          numerator: phb?.reachedEligible ?? 0,
          denominator: phb?.eligible ?? 0,
        },
        phb !== undefined,
      ),
      indicator(
        {
          id: 'out-of-home-placement-under-2',
          number: null,
          label: { nl: 'Uithuisplaatsing van kinderen tot 2 jaar', en: 'Out-of-home placement of children up to 2' },
          definition: {
            nl: 'Aandeel kinderen jonger dan 2 met een kinderbeschermingsmaatregel die samenvalt met jeugdhulp met verblijf.',
            en: 'Share of children under 2 with a child-protection measure overlapping youth care with residence.',
          },
          computed: { nl: 'Trajecten die eindigen in een uithuisplaatsing gedeeld door de geboortes.', en: 'Journeys that end in an out-of-home placement divided by births.' },
          source: ['diaper', 'seed-004'],
          numerator: sum(placement, result.visits),
          denominator: births.births,
        },
        placement.length > 0 && hasBirths,
      ),
    ],
  };
}
