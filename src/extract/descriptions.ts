// A person the article names, referred to again by the office they hold (issue 6, item 5): "the prime
// minister-designate", "the Iraqi foreign minister", "Iran's top diplomat", "the advisor". Each person's
// titles are gathered from the article itself ("Iraqi Prime Minister-designate Mohammed Tawfiq Allawi",
// "Ali-Asghar Mounesan, the tourism minister,") and from the knowledge base's roles; a description then
// stands for the person mentioned last whose titles hold its head noun and its other words, and whose
// country agrees with the one the description names. A news lede that opens on an indefinite
// description ("A senior foreign policy advisor ... praised Iraq") is about the first person the next
// sentences name. The words are data: models/lexicon/descriptions.yaml.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { modelsDir } from '../core/paths.js';
import type { ActorKind, Mention, Span } from '../model/types.js';
import { producedBy } from './producers.js';

interface DescriptionWords {
  heads: Set<string>;
  generic: Set<string>;
  /** A description's word -> the lists of title words it may stand for. */
  means: Map<string, string[][]>;
}

let lexicon: DescriptionWords | undefined;

/** The description words, read once per process. */
export function descriptionWords(): DescriptionWords {
  if (lexicon) return lexicon;
  const file = join(modelsDir(), 'lexicon', 'descriptions.yaml');
  const data = parseYaml(readFileSync(file, 'utf8')) as { heads?: string[]; generic?: string[]; synonyms?: { id: string; word: string; means: string[][] }[] };
  if (!data.heads?.length) throw new Error(`${file}: 'heads' (the nouns that head a title) is missing or empty`);
  const means = new Map<string, string[][]>();
  for (const s of data.synonyms ?? []) {
    if (!s.id || !s.word || !s.means?.length) throw new Error(`${file}: synonym '${s.id ?? '?'}' needs an id, a word and what it means`);
    means.set(s.word, s.means);
  }
  lexicon = { heads: new Set(data.heads), generic: new Set(data.generic ?? []), means };
  return lexicon;
}

export interface DescriptionToken extends Span {
  form: string;
  upos: string | null;
}

/** What resolution asks of an actor. */
export interface ActorFacts {
  kindOf(id: string): ActorKind | undefined;
  /** ISO 3166 alpha-3 code of the actor's country (a state's own), when known. */
  countryOf(id: string): string | null;
  /** Titles of the offices the knowledge base says the actor held, with the country of each office. */
  titlesOf(id: string): { title: string; country: string | null }[];
}

interface Title {
  words: Set<string>;
  country: string | null;
}

/** A word of the text: tokens joined by a hyphen with no space between ("Minister-designate") are one. */
interface Word extends Span {
  lower: string;
  upos: string | null;
  sentence: number;
}

const NOMINAL = new Set(['NOUN', 'PROPN', 'ADJ']);
const DEFINITE = new Set(['the', 'this', 'that']);
const INDEFINITE = new Set(['a', 'an']);
const splitWords = (w: string) => w.split('-').filter(Boolean);

function wordsOf(text: string, tokens: readonly DescriptionToken[], sentences: readonly Span[]): Word[] {
  const words: Word[] = [];
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    while (s < sentences.length - 1 && sentences[s].end <= t.start) s++;
    const last = words.at(-1);
    const joined = last && last.end === t.start && last.sentence === s && (t.form === '-' || text[last.end - 1] === '-');
    if (joined) {
      last.end = t.end;
      last.lower = text.slice(last.start, last.end).toLowerCase();
      if (t.form !== '-' && t.upos) last.upos = t.upos;
      continue;
    }
    words.push({ start: t.start, end: t.end, lower: t.form.toLowerCase(), upos: t.upos, sentence: s });
  }
  return words;
}

/** Resolves descriptions of people by their office; returns the new mentions (the given ones are not changed). */
export function resolveDescriptions(text: string, sentences: readonly Span[], tokens: readonly DescriptionToken[], mentions: readonly Mention[], facts: ActorFacts, words = descriptionWords()): Mention[] {
  const ws = wordsOf(text, tokens, sentences);
  const ordered = [...mentions].sort((a, b) => a.start - b.start);
  // each word's mention, in one sweep: long stories have thousands of words and hundreds of mentions
  const mentionAt = new Map<Word, Mention>();
  for (let k = 0, j = 0; k < ws.length; k++) {
    while (j < ordered.length && ordered[j].end <= ws[k].start) j++;
    for (let q = j; q < ordered.length && ordered[q].start <= ws[k].start; q++) {
      if (ws[k].end <= ordered[q].end) { mentionAt.set(ws[k], ordered[q]); break; }
    }
  }
  const mentionOf = (w: Word) => mentionAt.get(w);
  const isPerson = (m: Mention) => facts.kindOf(m.actorId) === 'person';
  const isState = (m: Mention | undefined) => !!m && facts.kindOf(m.actorId) === 'state';
  const countryIn = (run: Word[]) => {
    for (const w of run) {
      const m = mentionOf(w);
      if (isState(m)) return facts.countryOf(m!.actorId);
    }
    return null;
  };
  const titleWords = (run: Word[]) => new Set(run.filter((w) => !isState(mentionOf(w))).flatMap((w) => splitWords(w.lower)));
  const hasHead = (run: Word[]) => run.some((w) => splitWords(w.lower).some((x) => words.heads.has(x)));
  const wordIndex = (at: number) => wordIndexAt(ws, at);

  /** The nominal words right before word `end` (exclusive), back to a determiner or anything else. */
  const runBefore = (end: number): Word[] => {
    const run: Word[] = [];
    for (let j = end - 1; j >= 0 && ws[j].sentence === ws[end - 1]?.sentence; j--) {
      const w = ws[j];
      const m = mentionOf(w);
      if (m && !isState(m)) break;
      if (!m && !(w.upos && NOMINAL.has(w.upos)) && !w.lower.includes('-')) break;
      run.unshift(w);
    }
    return run;
  };

  // Each person's titles: the knowledge base's, and the ones the article gives them.
  const profiles = new Map<string, Title[]>();
  const addTitle = (id: string, t: Title) => {
    const list = profiles.get(id) ?? [];
    list.push(t);
    profiles.set(id, list);
  };
  for (const id of new Set(ordered.filter(isPerson).map((m) => m.actorId))) {
    for (const r of facts.titlesOf(id)) addTitle(id, { words: new Set(r.title.toLowerCase().split(/[\s-]+/u).filter(Boolean)), country: r.country });
  }
  for (const m of ordered) {
    if (!isPerson(m) || m.method === 'coreference' || m.method === 'description') continue;
    const first = wordIndex(m.start);
    if (first < 0) continue;
    // "Iraqi Prime Minister-designate Mohammed Tawfiq Allawi"
    const before = runBefore(first);
    if (hasHead(before)) addTitle(m.actorId, { words: titleWords(before), country: countryIn(before) });
    // "Hassan al-Kaabi, the first deputy speaker of the parliament," / "the first deputy speaker ..., Hassan al-Kaabi"
    const last = wordIndex(m.end - 1);
    if (last >= 0 && ws[last + 1]?.lower === ',') {
      let k = last + 2;
      if (ws[k] && (DEFINITE.has(ws[k].lower) || INDEFINITE.has(ws[k].lower))) k++;
      const run: Word[] = [];
      while (ws[k] && ws[k].sentence === ws[last].sentence && (NOMINAL.has(ws[k].upos ?? '') || isState(mentionOf(ws[k]))) && !(mentionOf(ws[k]) && !isState(mentionOf(ws[k])))) run.push(ws[k++]);
      if (run.length && words.heads.has(splitWords(run.at(-1)!.lower).at(-1)!)) addTitle(m.actorId, { words: titleWords(run), country: countryIn(run) });
    }
    if (first >= 2 && ws[first - 1].lower === ',') {
      const run = runBefore(first - 1);
      if (run.length && words.heads.has(splitWords(run.at(-1)!.lower).at(-1)!)) addTitle(m.actorId, { words: titleWords(run), country: countryIn(run) });
    }
  }

  const inTitle = (word: string, title: Set<string>) => (words.means.get(word) ?? [[word]]).some((list) => list.every((x) => title.has(x)));
  const fits = (description: { head: string; mods: string[]; country: string | null }, id: string) =>
    (profiles.get(id) ?? []).some((t) => {
      if (!inTitle(description.head, t.words) || !description.mods.every((w) => inTitle(w, t.words))) return false;
      const country = t.country ?? facts.countryOf(id);
      return !description.country || !country || country === description.country;
    });

  const found: Mention[] = [];
  const persons = ordered.filter(isPerson);
  // the lede: the first sentence of some length (a dateline such as "TEHRAN –" can be a sentence of its own)
  const counts = new Map<number, number>();
  for (const w of ws) counts.set(w.sentence, (counts.get(w.sentence) ?? 0) + 1);
  const lede = [...counts].find(([, n]) => n >= 4)?.[0] ?? 0;
  const sentenceOf = (m: Mention) => wordAt(ws, m.start)?.sentence ?? Infinity;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    const parts = splitWords(w.lower);
    // "minister-designate", "president-elect": the office is the last part that heads a title
    const headAt = parts.findLastIndex((x) => words.heads.has(x));
    if (headAt < 0 || mentionOf(w)) continue;
    const head = parts[headAt];
    const next = ws[i + 1];
    // A title before a name, a compound ("the minister Zarif", "leader Khamenei"), or a possessor ("the minister's envoy").
    if (next && next.sentence === w.sentence && (next.upos === 'PROPN' || next.upos === 'NOUN' || next.lower === "'s" || next.lower === '’s' || mentionOf(next))) continue;
    const run = runBefore(i);
    const opener = ws[i - run.length - 1];
    const sameSentence = opener && opener.sentence === w.sentence;
    let definite = sameSentence && DEFINITE.has(opener.lower);
    const indefinite = sameSentence && INDEFINITE.has(opener.lower);
    let country = countryIn(run);
    let start = sameSentence && (definite || indefinite) ? opener.start : (run[0] ?? w).start;
    if (sameSentence && (opener.lower === "'s" || opener.lower === '’s')) {
      // "Iran's top diplomat": the possessor is the country
      const owner = mentionOf(ws[i - run.length - 2] ?? opener);
      if (!isState(owner)) continue;
      country = facts.countryOf(owner!.actorId);
      definite = true;
      start = owner!.start;
    }
    if (!definite && !indefinite) continue;
    // an apposition ("Khazali, the leader of Asaib Ahl al-Haq"; "the first deputy speaker, Hassan al-Kaabi") is a title of the name beside it
    const firstWord = wordIndex(start);
    const personAt = (k: number) => { const m = ws[k] && mentionOf(ws[k]); return !!m && isPerson(m); };
    if (ws[firstWord - 1]?.lower === ',' && personAt(firstWord - 2)) continue;
    if (ws[i + 1]?.lower === ',' && personAt(i + 2)) continue;
    // "the commander of the IRGC", "the crown prince of Saudi Arabia": the office is named in full, for the knowledge base's roles to resolve
    if (ws[i + 1]?.lower === 'of' && ws[i + 1].sentence === w.sentence) continue;
    const mods = [...parts.filter((_, k) => k !== headAt), ...run.filter((x) => !isState(mentionOf(x))).flatMap((x) => splitWords(x.lower))].filter((x) => !words.generic.has(x));
    const description = { head, mods, country };
    const end = w.end;
    let chosen: Mention | undefined;
    let rule = 'title-description';
    if (definite) chosen = [...persons].reverse().find((m) => m.end <= start && fits(description, m.actorId));
    if (!chosen && w.sentence <= lede + 1) {
      // the lede introduces its subject by office and names them a sentence or two later
      chosen = persons.find((m) => m.start >= end && sentenceOf(m) <= w.sentence + 2 && fits(description, m.actorId));
      if (!chosen && w.sentence === lede && !persons.some((m) => sentenceOf(m) === lede) && ledeSubject(text, ws, i - run.length - (sameSentence ? 1 : 0))) {
        chosen = persons.find((m) => sentenceOf(m) > lede && sentenceOf(m) <= lede + 2);
        rule = 'lede-description';
      }
    }
    if (!chosen) continue;
    const mention: Mention = { actorId: chosen.actorId, text: text.slice(start, end), start, end, method: 'description', producer: producedBy('coreference', rule) };
    found.push(mention);
    // the person now holds this description too: "the advisor remarked" later in the story
    addTitle(chosen.actorId, { words: new Set([head, ...mods]), country });
  }
  return found;
}

/** The index of the word holding offset `at`, or -1 (binary search: words are in text order). */
function wordIndexAt(ws: Word[], at: number): number {
  let lo = 0, hi = ws.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ws[mid].end <= at) lo = mid + 1;
    else if (ws[mid].start > at) hi = mid - 1;
    else return mid;
  }
  return -1;
}

const wordAt = (ws: Word[], at: number): Word | undefined => ws[wordIndexAt(ws, at)];

/** The description opens its sentence (after a dateline such as "TEHRAN –"): it is the lede's subject. */
function ledeSubject(text: string, ws: Word[], first: number): boolean {
  for (let k = first - 1; k >= 0 && ws[k].sentence === ws[first].sentence; k--) {
    const original = text.slice(ws[k].start, ws[k].end);
    if (!/^[\p{Lu}.,()]+$/u.test(original) && !/^[–—-]+$/u.test(original)) return false;
  }
  return true;
}
