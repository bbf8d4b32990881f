import { quoted, type ExportLang } from '../export/index.js';
import { BIRTH_EVENT, emitsOf, labelText, trackLeads, type Actor, type HouseholdPath } from '../model/index.js';
import type { HouseholdReportWords } from './report-household-words.js';

/**
 * One track of a household path as a path of its own, for a diagram that stays readable on a
 * screen: the track's steps, and from every other track only the steps that refer into it, that
 * it refers to, or whose event starts it or that it starts. Those steps keep their own track, so
 * that `householdTrackToMermaid` draws each as a box that names it: the entries and exits of the track.
 */
export function trackView(path: HouseholdPath, trackId: string): HouseholdPath {
  const own = new Set(Object.entries(path.steps).filter(([, s]) => s.track === trackId).map(([id]) => id));
  const track = path.tracks[trackId];
  const steps: HouseholdPath['steps'] = {};
  const foreign = new Set<string>();
  for (const [id, step] of Object.entries(path.steps)) {
    if (own.has(id)) {
      steps[id] = step;
      for (const r of step.refers ?? []) if (!own.has(r.to) && Object.hasOwn(path.steps, r.to)) foreign.add(r.to);
      // an event of this track that starts another track: that track's first step is an exit
      for (const event of emitsOf(step)) for (const other of Object.values(path.tracks)) if (other !== track && other.startsOn === event && other.initial !== undefined && Object.hasOwn(path.steps, other.initial)) foreign.add(other.initial);
    } else if ((step.refers ?? []).some((r) => own.has(r.to)) || (track?.startsOn !== undefined && emitsOf(step).includes(track.startsOn))) foreign.add(id);
  }
  for (const id of foreign) {
    const { transitions: _t, refers, detects: _d, addresses: _a, emits, ...rest } = path.steps[id]!;
    const into = (refers ?? []).filter((r) => own.has(r.to));
    const starts = track?.startsOn !== undefined && emitsOf(path.steps[id]!).includes(track.startsOn) ? emits : undefined;
    steps[id] = { ...rest, transitions: [], ...(into.length > 0 ? { refers: into } : {}), ...(starts !== undefined ? { emits: starts } : {}) };
  }
  const used = new Set(Object.values(steps).map((s) => s.track));
  const ownEvents = new Set([...own].flatMap((id) => emitsOf(path.steps[id]!)));
  const tracks: HouseholdPath['tracks'] = {};
  for (const [id, t] of Object.entries(path.tracks)) {
    if (!used.has(id)) continue;
    if (id === trackId) tracks[id] = t;
    else {
      // another track appears only by the steps that join it to this one: its start is kept only
      // when an event of this track starts it, so that the arrow to its first step is drawn
      const { initial, startsOn, ...rest } = t;
      const kept = initial !== undefined && Object.hasOwn(steps, initial) && foreign.has(initial);
      tracks[id] = { ...rest, ...(kept ? { initial } : {}), ...(kept && startsOn !== undefined && ownEvents.has(startsOn) ? { startsOn } : {}) };
    }
  }
  return { ...path, tracks, steps };
}

/**
 * Who leads a track, in words: its lead, then, when a transfer of responsibility inside the track
 * passes the family on, to whom ("Verloskundige; overdracht aan Jeugdgezondheidszorg"). `name`
 * says an actor; undefined when the track names no one.
 */
export function trackLeadText(path: HouseholdPath, trackId: string, h: HouseholdReportWords, name: (id: string, actor: Actor) => string): string | undefined {
  const actors = trackLeads(path, trackId).flatMap((id) => (Object.hasOwn(path.actors, id) ? [name(id, path.actors[id]!)] : []));
  if (actors.length === 0) return undefined;
  return actors.length === 1 ? actors[0] : `${actors[0]}; ${h.handsOverTo(actors.slice(1).join(', '))}`;
}

/**
 * The household as its tracks only: a box per track (for whom, who leads, how many steps) and an
 * arrow per pair of tracks that one refers into or starts the other, labelled with what joins them.
 */
export function trackOverview(path: HouseholdPath, lang: ExportLang, h: HouseholdReportWords): string {
  const ids = Object.keys(path.tracks);
  const node = new Map(ids.map((id, i) => [id, `t${i}`]));
  const lines = ['flowchart LR'];
  for (const [id, track] of Object.entries(path.tracks)) {
    const steps = Object.values(path.steps).filter((s) => s.track === id).length;
    const lead = trackLeadText(path, id, h, (_, actor) => labelText(actor.label, lang));
    const about = [lead, h.stepCount(steps)].filter((p): p is string => p !== undefined).join(' · ');
    lines.push(`  ${node.get(id)}[${quoted(`${labelText(track.label, lang)}\u2002(${about})`)}]`);
  }
  // one arrow per pair and kind, counting the referrals between them
  const joins = new Map<string, { from: string; to: string; referrals: number; events: Set<string> }>();
  const join = (from: string, to: string) => {
    const key = `${from} ${to}`;
    if (!joins.has(key)) joins.set(key, { from, to, referrals: 0, events: new Set() });
    return joins.get(key)!;
  };
  for (const step of Object.values(path.steps)) {
    for (const r of step.refers ?? []) {
      const to = Object.hasOwn(path.steps, r.to) ? path.steps[r.to]!.track : undefined;
      if (to !== undefined && to !== step.track && node.has(to) && node.has(step.track)) join(step.track, to).referrals++;
    }
    for (const event of emitsOf(step)) {
      for (const [id, track] of Object.entries(path.tracks)) {
        if (track.startsOn === event && id !== step.track && node.has(step.track)) join(step.track, id).events.add(event === BIRTH_EVENT && !path.vocabulary?.[event] ? h.birth : labelText(path.vocabulary?.[event]?.label ?? { nl: event }, lang));
      }
    }
  }
  for (const j of joins.values()) {
    const parts = [...(j.referrals > 0 ? [h.referralCount(j.referrals)] : []), ...[...j.events].map((e) => h.startsOnEvent(e))];
    lines.push(`  ${node.get(j.from)} -.->|${quoted(parts.join(', '))}| ${node.get(j.to)}`);
  }
  return lines.join('\n') + '\n';
}
