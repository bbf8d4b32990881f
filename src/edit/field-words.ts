import type { Actor, CarePath, HouseholdPath, HouseholdStep, Member, Referral, Step, Track, Transition } from '../model/index.js';

/** A word in both languages. */
export interface Words {
  en: string;
  nl: string;
}

/*
 * What each field of a path is called in the sentences of `describeChange`. Each table is keyed by
 * every field of its part of the format, so that a new field cannot go without words.
 */

const PROVENANCE = {
  source: { en: 'source', nl: 'bron' },
  assumption: { en: 'assumption', nl: 'aanname' },
  note: { en: 'note', nl: 'opmerking' },
} as const;
const LABEL: Words = { en: 'label', nl: 'naam' };
const DESCRIPTION: Words = { en: 'description', nl: 'beschrijving' };

/** The fields of a path itself (version 1 and 2). */
export const PATH_FIELD_WORDS: Readonly<Record<keyof CarePath | keyof HouseholdPath, Words>> = {
  $schema: { en: 'JSON Schema', nl: 'JSON Schema' },
  schemaVersion: { en: 'format version', nl: 'formaatversie' },
  kind: { en: 'kind of file', nl: 'soort bestand' },
  id: { en: 'id', nl: 'id' },
  version: { en: 'version', nl: 'versie' },
  title: { en: 'title', nl: 'titel' },
  description: DESCRIPTION,
  phases: { en: 'phases', nl: 'fasen' },
  actors: { en: 'actors', nl: 'actoren' },
  initial: { en: 'initial step', nl: 'beginstap' },
  steps: { en: 'steps', nl: 'stappen' },
  includes: { en: 'included paths', nl: 'ingevoegde paden' },
  menukaart: { en: 'menukaart', nl: 'menukaart' },
  interventions: { en: 'interventions', nl: 'interventies' },
  risks: { en: 'risks', nl: 'risico’s' },
  protections: { en: 'protective factors', nl: 'beschermende factoren' },
  attributes: { en: 'whose attributes are whose', nl: 'van wie de kenmerken zijn' },
  members: { en: 'members', nl: 'gezinsleden' },
  tracks: { en: 'tracks', nl: 'sporen' },
  sources: { en: 'sources', nl: 'bronnen' },
  vocabulary: { en: 'vocabulary', nl: 'woordenlijst' },
  coalition: { en: 'coalition', nl: 'coalitie' },
  ...PROVENANCE,
};

/** The fields of a step (version 1 and 2). */
export const STEP_FIELD_WORDS: Readonly<Record<keyof Step | keyof HouseholdStep, Words>> = {
  kind: { en: 'kind', nl: 'soort' },
  phase: { en: 'phase', nl: 'fase' },
  actor: { en: 'actor', nl: 'uitvoerder' },
  label: LABEL,
  description: DESCRIPTION,
  window: { en: 'time window', nl: 'tijdvenster' },
  intervention: { en: 'intervention', nl: 'interventie' },
  addresses: { en: 'addresses risks', nl: 'biedt steun bij' },
  signals: { en: 'signals', nl: 'signaleert' },
  receiver: { en: 'receiver', nl: 'ontvanger' },
  result: { en: 'result', nl: 'resultaat' },
  transitions: { en: 'transitions', nl: 'overgangen' },
  tags: { en: 'tags', nl: 'kenmerken' },
  track: { en: 'track', nl: 'spoor' },
  refers: { en: 'referrals', nl: 'verwijzingen' },
  emits: { en: 'emits', nl: 'meldt gebeurtenis' },
  detects: { en: 'detects', nl: 'signaleert' },
  ...PROVENANCE,
};

/** The fields of a transition. */
export const TRANSITION_FIELD_WORDS: Readonly<Record<keyof Transition, Words>> = {
  to: { en: 'target', nl: 'doel' },
  on: { en: 'event', nl: 'gebeurtenis' },
  when: { en: 'condition', nl: 'voorwaarde' },
  weight: { en: 'weight', nl: 'gewicht' },
  after: { en: 'after days', nl: 'na dagen' },
  handoff: { en: 'handoff', nl: 'overdracht' },
  receiver: { en: 'receiver', nl: 'ontvanger' },
  contact: { en: 'contact', nl: 'contactpersoon' },
  newPregnancy: { en: 'new pregnancy', nl: 'nieuwe zwangerschap' },
  label: LABEL,
  ...PROVENANCE,
};

/** The fields of a referral into another track. */
export const REFERRAL_FIELD_WORDS: Readonly<Record<keyof Referral, Words>> = {
  to: { en: 'target', nl: 'doel' },
  when: { en: 'condition', nl: 'voorwaarde' },
  handoff: { en: 'handoff', nl: 'overdracht' },
  accepted: { en: 'chance of acceptance', nl: 'kans dat het gezin de verwijzing aanneemt' },
  label: LABEL,
  ...PROVENANCE,
};

/** The fields of a track. */
export const TRACK_FIELD_WORDS: Readonly<Record<keyof Track, Words>> = {
  label: LABEL,
  description: DESCRIPTION,
  member: { en: 'member', nl: 'gezinslid' },
  initial: { en: 'initial step', nl: 'beginstap' },
  startsOn: { en: 'starts on', nl: 'start bij' },
  lead: { en: 'lead (regie)', nl: 'regie' },
  ...PROVENANCE,
};

/** The fields of a member of the household. */
export const MEMBER_FIELD_WORDS: Readonly<Record<keyof Member, Words>> = {
  role: { en: 'role', nl: 'rol' },
  label: LABEL,
  description: DESCRIPTION,
  ...PROVENANCE,
};

/** The fields of an actor. */
export const ACTOR_FIELD_WORDS: Readonly<Record<keyof Actor, Words>> = {
  label: LABEL,
  domain: { en: 'domain', nl: 'domein' },
  organisation: { en: 'organisation', nl: 'organisatie' },
  publicHealth: { en: 'public health', nl: 'publieke gezondheid' },
  contact: { en: 'contact', nl: 'contactpersoon' },
  ...PROVENANCE,
};

/** The words of a field in a table; the field itself for a field the table does not know. */
export function fieldWord(table: Readonly<Record<string, Words>>, field: string, lang: 'nl' | 'en'): string {
  return Object.hasOwn(table, field) ? table[field]![lang] : field;
}

/** Values that read better as words: the handoff kinds, the roles of members, yes and no. */
export const VALUE_WORDS: Readonly<Record<string, Words>> = {
  warm: { en: 'warm', nl: 'warm' },
  cold: { en: 'cold', nl: 'koud' },
  parent: { en: 'parent', nl: 'ouder' },
  partner: { en: 'partner', nl: 'partner' },
  child: { en: 'child', nl: 'kind' },
  preconception: { en: 'before pregnancy', nl: 'vóór de zwangerschap' },
  pregnancy: { en: 'pregnancy', nl: 'zwangerschap' },
  postpartum: { en: 'after birth', nl: 'na de geboorte' },
};
