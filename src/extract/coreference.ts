// The simplest coreference that pays. A sentence that opens with "He" or "She" continues about the
// person the previous sentence opened with; "the militia" or "the group" is the last armed group or
// organisation named just before; an object "him" or "her" is the last other person named in this
// sentence or the one before ("Esper telephoned him"). Anything subtler (plural "they", cataphora) is
// left alone rather than guessed.
import type { ActorKind, Mention, Span } from '../model/types.js';
import { producedBy } from './producers.js';

const OPENERS: { pattern: RegExp; kinds: ActorKind[] }[] = [{ pattern: /^(?:He|She)\b/u, kinds: ['person'] }];
/** "the militia", "the group's leader": the last armed group or organisation named, in this sentence or the two before. */
const GROUP = /\b[Tt]he (?:militia|group|faction|movement|organi[sz]ation)\b(?!\s+(?:of|that|which|who)\b)/gu;
const GROUP_KINDS: ActorKind[] = ['armed_group', 'organization', 'party', 'group'];
const OBJECT = /(?<=[\p{Ll}]\s)(?:him|her)\b(?!\s+(?:own|self))/gu;

const FOLLOWERS = /\b(?:(?<owner>his|her)|(?<possessive>['’]s))\s+(?:own\s+)?(?:supporters|followers|loyalists|partisans|backers)\b/gu;

/**
 * "Sadr's supporters", "ordered his followers": a leader's followers are the movement the knowledge base
 * says they form. "his" is the person the sentence is about (its first person named).
 */
export function resolveFollowers(
  text: string,
  sentences: Span[],
  mentions: Mention[],
  supportersOf: (actorId: string) => string | null,
  kindOf: (id: string) => ActorKind | undefined,
): Mention[] {
  const found: Mention[] = [];
  for (const m of text.matchAll(FOLLOWERS)) {
    const at = m.index!;
    const sentence = sentences.find((s) => s.start <= at && at < s.end);
    if (!sentence) continue;
    let leader: Mention | undefined;
    if (m.groups!.possessive) leader = mentions.find((x) => x.end === at);
    else leader = mentions.find((x) => x.start >= sentence.start && x.end <= at && kindOf(x.actorId) === 'person');
    const movement = leader && supportersOf(leader.actorId);
    if (!movement) continue;
    const start = m.groups!.possessive ? leader!.start : at;
    const end = at + m[0].length;
    // "Sadr's supporters" replaces the mention of Sadr; "his supporters" is a mention of its own.
    found.push({ actorId: movement, text: text.slice(start, end), start, end, method: 'description', producer: producedBy('coreference', 'followers') });
  }
  return found;
}

export function resolvePronouns(text: string, sentences: Span[], mentions: Mention[], kindOf: (id: string) => ActorKind | undefined): Mention[] {
  const resolved: Mention[] = [];
  // Mentions by sentence, in one pass: long articles have hundreds of both.
  const bySentence: Mention[][] = sentences.map(() => []);
  let k = 0;
  for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
    while (k < sentences.length && sentences[k].end <= m.start) k++;
    if (k < sentences.length && m.start >= sentences[k].start && m.end <= sentences[k].end) bySentence[k].push(m);
  }
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    const here = bySentence[i];
    const previous = i > 0 ? bySentence[i - 1] : [];
    const head = text.slice(s.start, Math.min(s.end, s.start + 40));
    let subject: string | null = null;
    for (const { pattern, kinds } of OPENERS) {
      const m = pattern.exec(head);
      if (!m || i === 0) continue;
      const antecedent = previous.find((x) => kinds.includes(kindOf(x.actorId) ?? 'other'));
      if (antecedent && !here.some((x) => x.start === s.start)) {
        const mention = { actorId: antecedent.actorId, text: m[0], start: s.start, end: s.start + m[0].length, method: 'coreference', producer: producedBy('coreference', 'subject-pronoun') };
        resolved.push(mention);
        here.unshift(mention); // resolved pronouns are antecedents too: "He condemned it. Esper telephoned him."
        subject = antecedent.actorId;
      }
    }
    for (const m of text.slice(s.start, s.end).matchAll(GROUP)) {
      const at = s.start + m.index!;
      if (here.some((x) => x.start <= at && at < x.end)) continue;
      const earlier = [...(i > 1 ? bySentence[i - 2] : []), ...previous, ...here.filter((x) => x.end <= at)];
      const antecedent = earlier.reverse().find((x) => GROUP_KINDS.includes(kindOf(x.actorId) ?? 'other'));
      if (!antecedent) continue;
      const mention = { actorId: antecedent.actorId, text: m[0], start: at, end: at + m[0].length, method: 'coreference', producer: producedBy('coreference', 'group-noun') };
      resolved.push(mention);
      here.push(mention);
      here.sort((a, b) => a.start - b.start);
    }
    subject ??= here[0]?.actorId ?? null;
    for (const m of text.slice(s.start, s.end).matchAll(OBJECT)) {
      const at = s.start + m.index!;
      const candidates = [...previous, ...here.filter((x) => x.end <= at)];
      const antecedent = candidates.reverse().find((x) => kindOf(x.actorId) === 'person' && x.actorId !== subject);
      if (antecedent) resolved.push({ actorId: antecedent.actorId, text: m[0], start: at, end: at + m[0].length, method: 'coreference', producer: producedBy('coreference', 'object-pronoun') });
    }
  }
  return resolved;
}

/** Kinds a plural or neuter pronoun ("they", "its", "we") can stand for. */
const COLLECTIVE: ActorKind[] = ['state', 'organization', 'armed_group', 'party', 'government_body', 'igo', 'group', 'media'];
const PLURAL = new Set(['they', 'their']);
const FIRST_PLURAL = new Set(['we', 'us', 'our', 'ours']);
const PERSONAL = new Set(['he', 'she', 'his', 'her']);
const REPORTING = /^(?:said|says|say|told|tells|stated|states|added|adds|announced|announces|declared|declares|noted|notes|stressed|stresses|warned|warns)\b/u;

/**
 * The pronouns the openers above leave alone, by the tagger's tags and salience: "they", "their" and
 * "its" the last collective actor named (this sentence before it, or the two before); "his", "her",
 * "he", "she" the last person; "we", "our", "us" whoever speaks (an actor next to "said" in this
 * sentence or the one before), or that speaker's body when the knowledge base knows it
 * (`bodyOf`). A pronoun no rule resolves stays unresolved.
 */
export function resolveMorePronouns(
  text: string,
  sentences: Span[],
  tokens: readonly { start: number; end: number; form: string; upos: string | null }[],
  mentions: Mention[],
  kindOf: (id: string) => ActorKind | undefined,
  bodyOf: (id: string) => string | null,
): Mention[] {
  const resolved: Mention[] = [];
  const taken = (at: number) => mentions.some((m) => m.start <= at && at < m.end);
  const ordered = [...mentions].sort((a, b) => a.start - b.start);
  const quotes = quotations(text, ordered);
  let lastFirstPlural: Mention | undefined;
  // the first sentence's first collective actor: who a statement or press release speaks for
  const opening = sentences.find((x) => ordered.some((m) => m.start >= x.start && m.end <= x.end));
  const first0 = opening ? ordered.find((m) => m.start >= opening.start && m.end <= opening.end) : undefined;
  const issuer = first0 && COLLECTIVE.includes(kindOf(first0.actorId) ?? 'other') && /^[\s\p{P}]*(?:\p{L}+\s+){0,3}$/u.test(text.slice(opening!.start, first0.start)) ? first0 : undefined;
  // "Speaking today Mr Ellwood said:" and the statement after it, unquoted, to the next such line
  const blocks = ordered.filter((m) => /^\s*(?:(?:[\p{L}-]+\s+){0,3}?)(?:said|says|added|stated|declared)\s*:\s*\n/u.test(text.slice(m.end, m.end + 60)));
  let s = 0;
  for (const t of tokens) {
    if (t.upos !== 'PRON' && t.upos !== 'DET') continue;
    const word = t.form.toLowerCase();
    const plural = PLURAL.has(word) || word === 'its';
    const first = FIRST_PLURAL.has(word);
    if (!plural && !first && !PERSONAL.has(word)) continue;
    if (taken(t.start)) continue;
    while (s < sentences.length && sentences[s].end <= t.start) s++;
    if (s >= sentences.length) break;
    const sentence = sentences[s];
    const previous = s > 0 ? sentences[s - 1] : null;
    const inSentence = ordered.filter((m) => m.start >= sentence.start && m.end <= t.start);
    const inPrevious = previous ? ordered.filter((m) => m.start >= previous.start && m.end <= previous.end) : [];
    let antecedent: Mention | undefined;
    let rule: string;
    if (first) {
      rule = 'first-plural-speaker';
      const speakers = [...inPrevious, ...ordered.filter((m) => m.start >= sentence.start && m.end <= sentence.end)].filter(
        (m) => REPORTING.test(text.slice(m.end, m.end + 30).replace(/^[\s,]+(?:(?:the|a|an)\s+)?(?:[\p{L}-]+\s+){0,3}?/u, '')) || /\b(?:said|says|according to)\s+(?:the\s+)?$/u.test(text.slice(Math.max(0, m.start - 20), m.start)),
      );
      const quote = quotes.find((q) => q.start <= t.start && t.start < q.end);
      antecedent = speakers.at(-1) ?? quote?.speaker;
      if (!antecedent && !quote && !inQuotation(text, t.start)) {
        // A statement's own voice ("The United States strongly condemns ... Our condolences ... we hope"):
        // the one who spoke "we" last, else the body the first sentence is about.
        const block = [...blocks].reverse().find((m) => m.end <= t.start);
        rule = block ? 'first-plural-statement' : 'first-plural-issuer';
        antecedent = block ?? lastFirstPlural ?? issuer;
      }
      if (antecedent) lastFirstPlural = antecedent;
    } else if (plural) {
      // The subject is the salient one: the first collective actor of this sentence, else of the one before
      // ("Washington blames KH for attacks on its embassy": Washington's).
      rule = word === 'its' ? 'its' : 'plural-pronoun';
      const collective = (m: Mention) => COLLECTIVE.includes(kindOf(m.actorId) ?? 'other');
      antecedent = word === 'they'
        ? [...inSentence].reverse().find(collective) ?? [...inPrevious].reverse().find(collective)
        : inSentence.find(collective) ?? (word === 'its' ? undefined : inPrevious.find(collective));
    } else {
      rule = 'person-pronoun';
      const person = (m: Mention) => kindOf(m.actorId) === 'person';
      antecedent = [...inSentence].reverse().find(person) ?? [...inPrevious].reverse().find(person);
    }
    if (!antecedent) continue;
    const actorId = first && kindOf(antecedent.actorId) === 'person' ? (bodyOf(antecedent.actorId) ?? antecedent.actorId) : antecedent.actorId;
    resolved.push({ actorId, text: text.slice(t.start, t.end), start: t.start, end: t.end, method: 'coreference', producer: producedBy('coreference', rule) });
  }
  return resolved;
}

const OPEN = /[“"]/gu;
const SAID_BEFORE = /^\s*(?:(?:[\p{L}-]+\s+){0,3}?)(?:said|says|added|adds|told\s+[\p{L}\s]{0,30}?|stated|declared|wrote|tweeted)\s*[:,]?\s*$/u;
const SAID_BETWEEN = /^[,.]?\s*(?:said|says|added|adds)\s*$/u;

/**
 * Quotations and who speaks them: "The Foreign Secretary said: “...”", "“...,” Hammond said". A quote
 * whose paragraph ends unclosed and whose next paragraph opens a quote again goes on (the press-release
 * style of long statements). For "we" inside a long quote, whose speaker is sentences away.
 */
function quotations(text: string, ordered: Mention[]): { start: number; end: number; speaker: Mention }[] {
  const found: { start: number; end: number; speaker: Mention }[] = [];
  OPEN.lastIndex = 0;
  for (let m = OPEN.exec(text); m; m = OPEN.exec(text)) {
    const start = m.index;
    if (m[0] === '"' && found.some((q) => q.start <= start && start < q.end)) continue;
    // the quote's end: the closing mark, across paragraphs that reopen it
    let end = start + 1;
    for (;;) {
      const close = text.slice(end).search(m[0] === '"' ? /"/u : /[”"]/u);
      const reopen = text.slice(end).search(/\n\s*[“"]/u);
      if (close < 0) { end = text.length; break; }
      if (reopen >= 0 && reopen < close) { end += reopen + text.slice(end + reopen).search(/[“"]/u) + 1; continue; }
      end += close + 1;
      break;
    }
    OPEN.lastIndex = end;
    const before = [...ordered].reverse().find((x) => x.end <= start && start - x.end <= 60 && SAID_BEFORE.test(text.slice(x.end, start)));
    // "“...,” said Hammond" or "“...,” Hammond said"
    const after = ordered.find((x) => {
      if (x.start < end || x.start - end > 12) return false;
      const gap = text.slice(end, x.start);
      return SAID_BETWEEN.test(gap) || (/^[,.]?\s*$/u.test(gap) && /^\s*(?:said|says|added|adds)\b/u.test(text.slice(x.end, x.end + 12)));
    });
    const speaker = before ?? after;
    if (speaker) found.push({ start, end, speaker });
  }
  return found;
}

/** An odd number of quotation marks before `at` in its paragraph: it stands inside a quote no speaker was found for. */
function inQuotation(text: string, at: number): boolean {
  const paragraph = text.lastIndexOf('\n', at) + 1;
  const marks = text.slice(paragraph, at).match(/[“”"]/gu) ?? [];
  const opens = marks.filter((m) => m === '“').length;
  const closes = marks.filter((m) => m === '”').length;
  const straight = marks.filter((m) => m === '"').length;
  return opens > closes || straight % 2 === 1;
}
