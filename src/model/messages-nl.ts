import type { z } from 'zod';

// Dutch text for the messages the schemas give in English; a message missing here stays English
const DUTCH: Record<string, string> = {
  'A step id uses lower-case letters, digits and dashes (like "prenataal-huisbezoek"); "/" separates an include prefix.':
    'Een stap-id bestaat uit kleine letters, cijfers en streepjes (zoals "prenataal-huisbezoek"); "/" scheidt een invoegprefix.',
  'A key uses lower-case letters, digits and dashes (like "financial-stress").':
    'Een sleutel bestaat uit kleine letters, cijfers en streepjes (zoals "financial-stress").',
  'An event name is upper snake case, like "RISK_SIGNALLED".': 'Een gebeurtenisnaam bestaat uit hoofdletters en liggende streepjes, zoals "RISK_SIGNALLED".',
  'An id uses lower-case letters, digits and dashes, with "/" between parts (like "kansrijke-start/zwangerschap").':
    'Een id bestaat uit kleine letters, cijfers en streepjes, met "/" tussen delen (zoals "kansrijke-start/zwangerschap").',
  '"constructor", "prototype" and "__proto__" are reserved names and cannot be used as an id or key.':
    '"constructor", "prototype" en "__proto__" zijn gereserveerde namen en kunnen geen id of sleutel zijn.',
  'A categorical attribute needs at least one value.': 'Een categorisch kenmerk heeft minstens één waarde nodig.',
  'The weights of the values are all 0, so no value can be drawn.': 'De gewichten van de waarden zijn allemaal 0, dus er kan geen waarde worden getrokken.',
  'The weights of the bins are all 0, so no number can be drawn.': 'De gewichten van de klassen zijn allemaal 0, dus er kan geen getal worden getrokken.',
  'The "min" of this bin is above its "max", so it holds no number.': 'De "min" van deze klasse ligt boven de "max", dus er valt geen getal in.',
  '"__proto__" cannot be the name of an attribute.': '"__proto__" kan niet de naam van een kenmerk zijn.',
  'A version is semantic: MAJOR.MINOR.PATCH, like "1.0.0".': 'Een versie heeft de vorm MAJOR.MINOR.PATCH, zoals "1.0.0".',
  'Text must not be empty.': 'Tekst mag niet leeg zijn.',
  'A parameter needs min below max.': 'Een parameter heeft een "min" onder de "max" nodig.',
  'A JSON pointer starts with "/", like "/risks/smoking/prevalence".': 'Een JSON-pointer begint met "/", zoals "/risks/smoking/prevalence".',
  'A duration gives exactly one of: days, weeks, months.': 'Een duur geeft precies één van: days, weeks, months.',
  'A track is named by its id (like "sociaal"), or "<track>#<n>" for the n-th child (like "jgz#2").':
    'Een spoor wordt genoemd bij zijn id (zoals "sociaal"), of "<spoor>#<n>" voor het n-de kind (zoals "jgz#2").',
  'Text contains a control character (such as a tab, newline or NUL).': 'Tekst bevat een stuurteken (zoals een tab, regeleinde of NUL).',
  'Text contains a control character other than a line break.': 'Tekst bevat een ander stuurteken dan een regeleinde.',
};

const ORIGIN_NL: Record<string, [string, string]> = {
  string: ['tekens', 'Tekst'],
  array: ['elementen', 'De lijst'],
  set: ['elementen', 'De verzameling'],
};

/** The Dutch text of a zod issue's message, when the issue is one the library knows how to say in Dutch. */
export function dutchMessage(issue: z.core.$ZodIssue): string | undefined {
  const known = DUTCH[issue.message];
  if (known) return known;
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    const small = issue.code === 'too_small';
    const bound = Number(small ? issue.minimum : issue.maximum);
    const [unit, subject] = ORIGIN_NL[issue.origin] ?? ['', 'De waarde'];
    if (unit) return `${subject} heeft ${small ? 'minstens' : 'hoogstens'} ${bound} ${unit} nodig.`.replace('heeft hoogstens', 'mag hoogstens').replace(' nodig.', small ? ' nodig.' : ' bevatten.');
    const comparison = small ? (issue.inclusive ? 'minstens' : 'groter dan') : issue.inclusive ? 'hoogstens' : 'kleiner dan';
    return `De waarde moet ${comparison} ${bound} zijn.`;
  }
  if (issue.code === 'invalid_format' && issue.format === 'url') return 'Dit is geen geldige URL.';
  return undefined;
}
