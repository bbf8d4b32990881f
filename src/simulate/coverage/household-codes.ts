import type { DiagnosticTemplate } from '../../diagnostics/index.js';

/** The diagnostics of household coverage. */
export const HOUSEHOLD_COVERAGE_CODES = {
  searchBudget: {
    code: 'household-search-budget',
    severity: 'warning',
    message: {
      en: 'The search for household test journeys stopped at {{limit}} states with {{count}} item(s) still uncovered ({{items}}); a journey may reach them all the same.',
      nl: 'Het zoeken naar testroutes van het huishouden stopte bij {{limit}} toestanden met nog {{count}} onderdeel/onderdelen niet gedekt ({{itemsNl}}); een route kan ze toch bereiken.',
    },
    hint: {
      en: 'Raise maxStates of householdTestJourneys (zorgpaden coverage --max-states), or give the clients to walk with (clients) so that fewer are searched.',
      nl: 'Verhoog maxStates van householdTestJourneys (zorgpaden coverage --max-states), of geef de cliënten om mee te lopen (clients), zodat er minder worden doorzocht.',
    },
  },
} as const satisfies Record<string, DiagnosticTemplate>;
