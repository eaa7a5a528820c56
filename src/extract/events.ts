// PLOVER event coding from trigger words: the source is the actor before the trigger (or after "by" in
// the passive), the target the actor right after it. One event per trigger, with the sentence as evidence.
import type { Event, IsoDate, Location, Span } from '../model/types.js';
import { stableId } from '../core/ids.js';
import { triggerLexicon } from './lexicon.js';
import { producedBy } from './producers.js';
import { attribution } from './modality.js';
import { clauseModality, type ModalityReading } from './clause-modality.js';
import { inClauseOf } from './event-place.js';
import type { SlottedSentence } from './slots.js';
import { findDates, type DateMention } from '../nlp/dates.js';
import type { DocToken } from '../core/doc.js';
import { isPassive, isPastAct, isReducedRelative, type Syntax } from './syntax.js';

/** What the locator reads of an event: its predicate token (Doc index, -1 when unparsed) and its actors. */
export interface EventSite {
  predicate: number;
  actors: readonly string[];
  /** For a visit, the actors visited ("visited Iraq"): its place when the clause names none. */
  visited?: readonly string[];
}

export interface EventContext {
  articleId: string;
  publishedAt: IsoDate | null;
  /** The date a sentence shortly before, in the same paragraph, named: the narrative's current day. */
  narrativeDate?(sentence: Span): IsoDate | null;
  /** The dates a sentence names (resolved forward when `ahead`); parsed once per sentence by the caller. */
  datesIn?(sentence: Span, ahead: boolean): DateMention[];
  /** Where the event happened: a place its clause names, or where a visit goes (event-place.ts). */
  locate(sentence: Span, event: EventSite): Location | null;
  /** The sentence's parse (src/extract/syntax.ts). */
  syntax: Syntax;
  tokens: readonly DocToken[];
}

/** "US troops have come under attack": the subject is on the receiving end. */
const UNDER_ATTACK = /\b(?:came|come|comes|coming)\s+under\s+(?:[\p{Ll}]+\s+)?$/u;
const PASSIVE_AGENT = [/^[^.;⟦]{0,60}?\bby (?:the )?(?:[\p{Ll}-]+ ){0,2}⟦(\d+)⟧/u, /^[^;⟦]{0,40}?\bin (?:an? |the )?⟦(\d+)⟧/u];
const TARGET_AFTER = /^\s*(?:(?!(?:to|that|who|which)\s)[^\s⟦,.;:()]+\s+){0,4}?⟦(\d+)⟧/u;
/** "struck five weapons storage facilities used by ⟦0⟧", "hit a base hosting ⟦0⟧": the target is who owns or holds the place hit. */
const TARGET_VIA_PLACE = /^\s*(?:(?!(?:to|that|who|which)\s)[^\s⟦,.;:()]+\s+){0,7}?(?:of|used by|belonging to|run by|held by|controlled by|operated by|housing|hosting|home to)\s+(?:the\s+|a\s+)?⟦(\d+)⟧/u;
/** After a noun trigger's preposition the target may sit a little further: "strikes on Sunday against five facilities of ⟦0⟧". */
const TARGET_AFTER_NOUN = /^\s*(?:[^\s⟦,.;:()]+\s+){0,6}?⟦(\d+)⟧/u;
const POSSESSIVE_BEFORE = /⟦(\d+)⟧['’]s\s+(?:[^\s⟦,.;]+\s+){0,2}$/u;
const AGENT_AFTER_NOUN = /^\s*by (?:the )?⟦(\d+)⟧/u;
/** "a ⟦US⟧ drone strike on": the actor named as the noun's modifier carried it out. */
const MODIFIER_AGENT_BEFORE = /⟦(\d+)⟧[- ](?:led\s+|backed\s+)?(?:[\p{Ll}]+\s+){0,2}$/u;
/** "⟦0⟧ launched a rocket attack on": a noun trigger takes its source only through a verb like these. */
const LIGHT_VERB_BEFORE = /⟦(\d+)⟧\s+(?:[\p{Ll}]+\s+){0,2}(?:launched|launches|launch|carried out|carries out|carry out|conducted|conducts|conduct|claimed responsibility for|claims responsibility for|claimed|staged|stages|mounted|mounts|made|makes|held|holds|paid|pays|denied|denies|announced|announces|began|begins|ordered|orders|led|leads|stepped up|intensified|resumed|halted|suspended|vowed|threatened|planned|plans|opened|continued|expanded)\s+(?:[^\s⟦,.;]+\s+){0,4}$/u;
const CUT_OFF = /\b(?:suspend|suspended|suspends|suspending|cut|cuts|cutting|reduce|reduced|reduces|halt|halted|halts|freeze|froze|frozen|end|ended|ends|withhold|withheld|stop|stopped|stops|pause|paused|pauses|a suspension of|a halt to|an end to)\s+(?:[\p{Ll}-]+\s+){0,2}$/u;
const COMPLEMENT_BEFORE = /\bto\s+(?:[\p{Ll}]+ly\s+)?$/u;
/** "warned that Washington would ...": an actor after "that" is the subject of a clause, not the target. */
const CLAUSE_TARGET = /^\s*(?:that|whether|if|how|when)\b/u;
/** ", who ...," and ", the leader of ...," asides: an actor inside one is not the subject of what follows. */
const ASIDE = /,\s+(?:who|which|whose|whom|the|a|an|its|his|her|their|itself|himself|also|an?\s+\w+)\b[^,]*,/giu;

export function codeEvents(s: SlottedSentence, ctx: EventContext): Event[] {
  const { find, entries } = triggerLexicon();
  const events: Event[] = [];
  const seen = new Set<string>();
  const asides = [...s.masked.matchAll(ASIDE)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const attributedTo = attribution(s);

  for (const m of find(s.masked)) {
    const form = m.form;
    const entry = entries.get(form)!;
    const tStart = m.index;
    const tEnd = tStart + m.text.length;
    // Only the words near the trigger matter; end-anchored patterns over a whole long sentence would be quadratic.
    const before = s.masked.slice(Math.max(0, tStart - 160), tStart);
    const after = s.masked.slice(tEnd, tEnd + 200);

    let sources: string[] = [];
    let targets: string[] = [];
    let evidenceOfRoles = 0;
    // The trigger's first word as the tagger and parser read it.
    const word = ctx.syntax.tokenAt(s.toText(tStart));
    // "that Tehran funds, arms and trains", "which is armed by", "the armed wing": a standing tie, not an act.
    if (entry.pastOnly && !(word && isPastAct(ctx.syntax, word))) continue;
    // "demonstrators shot by security forces", "fighters killed in US air strikes": a participle with its agent.
    const reduced = !entry.nominal && !!word && isReducedRelative(word);
    const passive = (!entry.nominal && !!word && isPassive(ctx.syntax, word, ctx.tokens)) || reduced || UNDER_ATTACK.test(before);
    if (passive) {
      const agent = PASSIVE_AGENT.map((p) => p.exec(after)).find(Boolean);
      if (agent) sources = s.slots[Number(agent[1])].actorIds;
      const subject = nearestSlotBefore(s, tStart, asides);
      if (subject >= 0) targets = s.slots[subject].actorIds;
      // "Soleimani was met by Muhandis": the visitor stays the source of a meeting (PLOVER CONSULT).
      if (entry.type === 'CONSULT') [sources, targets] = [targets, sources];
      evidenceOfRoles = (agent ? 1 : 0) + (subject >= 0 ? 1 : 0);
    } else if (entry.nominal) {
      const agent = POSSESSIVE_BEFORE.exec(before) ?? MODIFIER_AGENT_BEFORE.exec(before) ?? LIGHT_VERB_BEFORE.exec(before) ?? AGENT_AFTER_NOUN.exec(after);
      if (agent) sources = s.slots[Number(agent[1])].actorIds;
      const rest = after.replace(AGENT_AFTER_NOUN, '');
      const object = TARGET_AFTER_NOUN.exec(rest) ?? TARGET_VIA_PLACE.exec(rest);
      if (object) targets = s.slots[Number(object[1])].actorIds;
      // "clashes between ⟦0⟧ and ⟦1⟧": two-sided violence has every side as its source (PLOVER).
      if (/\bbetween$/.test(form) && object) [sources, targets] = [[...new Set([...sources, ...targets])], []];
      evidenceOfRoles = (agent ? 1 : 0) + (object ? 1 : 0);
    } else {
      // "the attack", "the killing": a verb's form used as a noun is a noun trigger or nothing;
      // "bases hosting coalition troops": a gerund modifying a noun is no event.
      if (!word || word.upos === 'NOUN' || word.upos === 'PROPN' || (word.deprel === 'acl' && word.xpos === 'VBG')) continue;
      // "urged X to leave", "vowed to attack": the act wanted or threatened is the content of the
      // governing event, not an event of its own.
      if (COMPLEMENT_BEFORE.test(before) && events.some((e) => e.trigger && e.trigger.start < s.toText(tStart))) continue;
      // "told reporters", "told the pope that": telling is a request only when someone is told to act.
      if (entry.lemma === 'tell' && !/^\s*(?:[^\s.;,]+\s+){1,5}?to\s+\p{Ll}/u.test(after)) continue;
      const subject = nearestSlotBefore(s, tStart, asides);
      if (subject >= 0) sources = s.slots[subject].actorIds;
      // "demanded that Iraq pay": for a request, whoever must act is its target.
      const object = CLAUSE_TARGET.test(after)
        ? entry.type === 'REQUEST' ? /^\s*that\s+(?:the\s+)?⟦(\d+)⟧/u.exec(after) : null
        : TARGET_AFTER.exec(after) ?? TARGET_VIA_PLACE.exec(after);
      if (object) targets = s.slots[headSlot(s, Number(object[1]))].actorIds;
      evidenceOfRoles = (subject >= 0 ? 1 : 0) + (object ? 1 : 0);
    }
    targets = targets.filter((t) => !sources.includes(t));
    if (!sources.length && !targets.length) continue;

    // "suspended humanitarian aid to": cutting off aid, talks or cooperation is a sanction.
    // "would suspend rocket attacks on US forces": stopping violence is a concession.
    const cutOff = CUT_OFF.test(before);
    const type =
      cutOff && (entry.type === 'AID' || entry.type === 'COOPERATE' || entry.type === 'CONSULT') ? 'SANCTION'
      : cutOff && entry.type === 'ASSAULT' && entry.nominal ? 'CONCEDE'
      : entry.type;
    const key = `${type}|${sources.join(',')}|${targets.join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);

    const reading = modalityOf(s, tStart, ctx);
    if (reading.modality === 'none') continue;
    let modality = reading.modality;
    // "vowed it would take revenge": a threat is made now; its future is its content.
    if (type === 'THREATEN' && (modality === 'future' || modality === 'hypothetical')) modality = 'asserted';
    const triggerSpan = { start: s.toText(tStart), end: s.toText(tStart) + m.text.length };
    const ahead = modality === 'future' || modality === 'hypothetical';
    const date = eventDate(s, triggerSpan.start, tStart, ctx, ahead);
    events.push({
      id: stableId('e', ctx.articleId, s.sentence.start, triggerSpan.start, type, sources.join(','), targets.join(',')),
      type,
      mode: type === entry.type ? entry.mode : type === 'SANCTION' ? 'discontinue' : null,
      cameo: type === entry.type ? entry.cameo : type === 'SANCTION' ? '16' : '087',
      intensity: type === entry.type ? entry.intensity : type === 'SANCTION' ? -6 : 4.5,
      sources,
      targets,
      date,
      location: ctx.locate(s.sentence, { predicate: ctx.syntax.indexAt(triggerSpan.start), actors: [...sources, ...targets], visited: entry.mode === 'visit' && type === entry.type ? targets : [] }),
      modality,
      evidence: { sentence: s.text, start: s.sentence.start, end: s.sentence.end, attributedTo },
      confidence: Math.round((0.45 + 0.2 * evidenceOfRoles + (entry.nominal ? 0 : 0.1)) * 100) / 100,
      trigger: triggerSpan,
      // The lexicon entry that fired (its type and the form matched), and the modality cue that answered.
      producer: producedBy('events', `${entry.type}:${form}${reading.rule ? `+${reading.rule}` : ''}`),
    });
  }
  return events;
}

/** The event's modality from the parse of its clause; `none` when the clause states no happening. */
export function modalityOf(s: SlottedSentence, maskedTrigger: number, ctx: Pick<EventContext, 'syntax' | 'tokens'>): ModalityReading {
  const at = ctx.syntax.indexAt(s.toText(maskedTrigger));
  // Event sentences are always parsed (the parser runs on every sentence with an actor and a trigger);
  // a trigger that starts inside a token has no clause to read.
  if (at < 0 || ctx.tokens[at].head === null) return { modality: 'asserted', rule: null };
  return clauseModality(ctx.tokens, at, ctx.syntax.tokenRange(s.sentence));
}

/** "⟦Iran⟧-backed ⟦Kataib Hezbollah⟧": the first slot only modifies the second, which is the actor meant. */
const MODIFIES_NEXT = /^[- ](?:backed|aligned|allied|led|sponsored|supported|affiliated|linked|funded|based)\b/u;

/** A possessor whose noun phrase runs on to the trigger without another actor: "⟦0⟧'s leading Shiite cleric called". */
const POSSESSOR_OF_OTHER = /^['’]s\s+(?![^⟦]*\b(?:fighters|forces|troops|militias?|men|gunmen|members|supporters|followers|drones?|rockets?|missiles?|jets|aircraft|army|police|navy|units?|brigades?|warplanes|artillery|government|officials|ministry|office|aides|spokesm[ae]n|spokeswoman|spokesperson|camp|bloc|party|movement|administration)\b)(?:[^\s⟦,.;]+\s+){1,4}$/u;

function headSlot(s: SlottedSentence, k: number): number {
  let head = k;
  while (head + 1 < s.slotAt.length && MODIFIES_NEXT.test(s.masked.slice(s.slotAt[head].end, s.slotAt[head].end + 12))) head++;
  return head;
}

function nearestSlotBefore(s: SlottedSentence, maskedOffset: number, asides: Span[]): number {
  for (let k = s.slotAt.length - 1; k >= 0; k--) {
    const at = s.slotAt[k];
    if (at.end > maskedOffset) continue;
    // "⟦Iran⟧-backed militias attacked": the patron is not the attacker; nor is "⟦Iraq⟧'s leading cleric" Iraq.
    if (MODIFIES_NEXT.test(s.masked.slice(at.end, at.end + 12))) continue;
    if (POSSESSOR_OF_OTHER.test(s.masked.slice(at.end, maskedOffset))) continue;
    // skip a slot inside an aside that closes before the trigger
    if (asides.some((a) => a.start < at.start && at.end <= a.end && a.end <= maskedOffset)) continue;
    // too far back: more than 25 words between the actor and the trigger
    if (s.masked.slice(at.end, maskedOffset).split(/\s+/).length > 25) return -1;
    return k;
  }
  return -1;
}

/** The date the sentence gives nearest the trigger; else the report date for what already happened. */
/**
 * The date the sentence gives nearest the trigger. Else: nothing for a series ("have been attacked 100
 * times since October") or a standing state ("has pushed for"), nor for what is ahead; else the day the
 * story is on (a date a sentence just before gave); else the report date.
 */
export function eventDate(s: SlottedSentence, trigger: number, maskedTrigger: number, ctx: EventContext, ahead: boolean): IsoDate | null {
  const all = ctx.datesIn?.(s.sentence, ahead) ?? findDates(s.text, s.sentence.start, ctx.publishedAt, ahead);
  // The date that governs the event's own clause: "met on Sunday, a day after the strike of 3 January"
  // dates the meeting Sunday. Where the parse puts no date in the clause, the nearest stands.
  const predicate = ctx.syntax.indexAt(trigger);
  const inClause = predicate < 0 ? [] : all.filter((d) => tokensOf(ctx, d).some((k) => inClauseOf(ctx.tokens, k, predicate)));
  const dates = inClause.length ? inClause : all;
  const nearest = dates.length ? dates.reduce((best, d) => (Math.abs(d.start - trigger) < Math.abs(best.start - trigger) ? d : best)) : null;
  const series = /\bsince\b/i.test(s.text.slice(Math.max(0, (nearest?.start ?? 0) - s.sentence.start - 12), (nearest?.start ?? 0) - s.sentence.start));
  if (nearest && !series) return nearest.date;
  if (series || ahead || PERFECT_BEFORE.test(s.masked.slice(Math.max(0, maskedTrigger - 40), maskedTrigger))) return null;
  return ctx.narrativeDate?.(s.sentence) ?? ctx.publishedAt;
}

/** Doc indexes of the tokens a span covers. */
function tokensOf(ctx: Pick<EventContext, 'syntax'>, span: Span): number[] {
  const { start, end } = ctx.syntax.tokenRange(span);
  return Array.from({ length: end - start }, (_, k) => start + k);
}

const PERFECT_BEFORE = /\b(?:has|have)\s+(?:long\s+|repeatedly\s+|also\s+|already\s+)?(?:been\s+)?$/u;

/**
 * A story tells one happening several times (the lead, the details, the recap). Events of one type,
 * modality and date whose actors agree (or one side is unstated) are one event: the first telling is
 * its evidence, the others its retellings, and they add the actors they name.
 */
export function mergeRepeatedEvents(events: Event[]): Event[] {
  const merged: Event[] = [];
  const fits = (a: string[], b: string[]) => !a.length || !b.length || a.some((x) => b.includes(x));
  for (const e of events) {
    const same = merged.find((m) => m.type === e.type && m.modality === e.modality && m.date === e.date && fits(m.sources, e.sources) && fits(m.targets, e.targets));
    if (!same) {
      merged.push({ ...e, sources: [...e.sources], targets: [...e.targets], ...(e.retellings ? { retellings: [...e.retellings] } : {}) });
      continue;
    }
    const told = [same.evidence, ...(same.retellings ?? [])];
    for (const telling of [e.evidence, ...(e.retellings ?? [])]) {
      if (!told.some((t) => t.start === telling.start && t.end === telling.end)) (same.retellings ??= []).push(telling), told.push(telling);
    }
    for (const id of e.sources) if (!same.sources.includes(id) && !same.targets.includes(id)) same.sources.push(id);
    for (const id of e.targets) if (!same.targets.includes(id) && !same.sources.includes(id)) same.targets.push(id);
    same.confidence = Math.max(same.confidence, e.confidence);
  }
  return merged;
}

const EVENT_NOUN = /^\s*(?:the|this|that|these|those|its|their|last\s+\w+['’]s|\w+['’]s)\s+(?:[\p{Ll}-]+\s+){0,2}?(attacks?|strikes?|air\s?strikes?|killings?|killing|assassination|raids?|bombings?|shelling|arrests?|sanctions|incursion|escalation)\b/u;
const NOUN_TYPES: Record<string, Event['type'][]> = {
  attack: ['ASSAULT'], strike: ['ASSAULT'], airstrike: ['ASSAULT'], 'air strike': ['ASSAULT'], killing: ['ASSAULT'], assassination: ['ASSAULT'],
  bombing: ['ASSAULT'], shelling: ['ASSAULT'], incursion: ['ASSAULT'], escalation: ['ASSAULT'], raid: ['COERCE', 'ASSAULT'], arrest: ['COERCE'], sanctions: ['SANCTION'],
};

/**
 * "Abdul-Mahdi condemned the strikes": a reaction aimed at an earlier happening is aimed at whoever the
 * story says carried it out. Fills the missing target of a reaction from the latest such event before it.
 */
export function linkReactions(events: Event[], text: string): void {
  for (const [i, e] of events.entries()) {
    if (e.targets.length || !e.trigger || !['ACCUSE', 'REJECT', 'PROTEST', 'REQUEST', 'THREATEN', 'SUPPORT'].includes(e.type)) continue;
    // the happening may be named after the trigger ("condemned the strikes") or inside it ("called the killing ...")
    const triggerWords = text.slice(e.trigger.start, e.trigger.end).split(/\s+/);
    const noun = EVENT_NOUN.exec(text.slice(e.trigger.end, e.trigger.end + 60)) ?? EVENT_NOUN.exec(' ' + triggerWords.slice(1).join(' '));
    if (!noun) continue;
    const key = noun[1].replace(/\s+/, ' ').replace(/s$/, '');
    const types = NOUN_TYPES[key] ?? NOUN_TYPES[noun[1]] ?? ['ASSAULT'];
    const candidates = events.slice(0, i).filter((x) => types.includes(x.type) && x.sources.length && x.modality !== 'negated');
    const stem = key.replace(/^air ?/, '').slice(0, 5);
    const earlier = candidates.find((x) => x.trigger && text.slice(x.trigger.start, x.trigger.end).toLowerCase().includes(stem)) ?? candidates.at(-1);
    if (earlier) e.targets = earlier.sources.filter((id) => !e.sources.includes(id));
  }
}
