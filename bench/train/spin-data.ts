// Data for the spin detector's training and benchmark: the news corpora split by document, synonym
// tables made three different ways, and a spinner that rewrites a real body with one of them.
//
// Split (by a hash of the document's id, so it never moves): 80% of documents build the counts of real
// news (the LM), 5% train the classifier ('classifier'), 5% set its threshold ('dev'), 10% are held
// out for the benchmark only ('eval').
//
// Synonym tables, built by different means so that training and evaluation never share one:
//  - clusters: words of one Brown cluster (models/clusters, learned from the corpora's word bigrams):
//    distributional neighbours. The only table training sees.
//  - wordnet: every lemma of every synset of a word, regardless of sense, as a spinner's dictionary
//    does (WordNet 3.0 from the local Debian package; evaluation only).
//  - hand: a short list written here, the examples among them (evaluation only).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { modelsDir, sharedDataDir } from '../../src/core/paths.js';
import { FUNCTION_WORDS } from '../../src/clean/spin-words.js';
import { hashString } from '../../src/clean/spin-lm.js';
import { MAX_KEY_WORDS, SynonymDictionary } from '../../src/clean/spin-synonyms.js';

export type Split = 'lm' | 'classifier' | 'dev' | 'eval';

export interface NewsDoc {
  id: string;
  source: 'reuters' | 'tehran';
  text: string;
  split: Split;
}

export function splitOf(id: string): Split {
  const h = hashString(id);
  const bucket = h % 10;
  // The classifier's tenth is halved by the next digit of the hash: one half trains, one sets the threshold.
  return bucket === 0 ? 'eval' : bucket === 1 ? (Math.floor(h / 10) % 2 === 0 ? 'classifier' : 'dev') : 'lm';
}

export function corporaDir(): string | null {
  const shared = sharedDataDir();
  const dir = shared && join(shared, 'corpora');
  return dir && existsSync(join(dir, 'reuters21578.jsonl.gz')) ? dir : null;
}

const LICENCE_LINE = /\s*All Content by Mehr News Agency is licensed under[^\n]*$/;

/** Every document of both corpora with text, as paragraphs separated by blank lines. */
export function readNews(dir: string): NewsDoc[] {
  const docs: NewsDoc[] = [];
  const lines = (file: string) => gunzipSync(readFileSync(join(dir, file))).toString('utf8').split('\n').filter((l) => l.trim() !== '');
  for (const line of lines('reuters21578.jsonl.gz')) {
    const r = JSON.parse(line) as { newid: number; body?: string };
    // Reuters wraps lines at ~65 characters and indents each paragraph.
    const text = (r.body ?? '').split(/\n\s{2,}/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n');
    if (text) docs.push({ id: `reuters:${r.newid}`, source: 'reuters', text, split: splitOf(`reuters:${r.newid}`) });
  }
  for (const line of lines('tehran_times_early.jsonl.gz')) {
    const r = JSON.parse(line) as { id: number; text?: string };
    const text = (r.text ?? '').replace(LICENCE_LINE, '').trim();
    if (text) docs.push({ id: `tehran:${r.id}`, source: 'tehran', text, split: splitOf(`tehran:${r.id}`) });
  }
  return docs;
}

// ---- synonym tables ----

/** Lower-cased word -> its synonyms (each may be several words). */
export type SynonymTable = Map<string, string[]>;

/** Brown-cluster neighbours: words of the same leaf cluster, seen at least MIN_COUNT times. */
export function clusterTable(): SynonymTable {
  const MIN_COUNT = 20;
  const MAX_NEIGHBOURS = 30;
  const byCluster = new Map<string, { word: string; count: number }[]>();
  for (const line of readFileSync(join(modelsDir(), 'clusters', 'clusters.tsv'), 'utf8').split('\n')) {
    const [word, bits, count] = line.split('\t');
    if (!word || Number(count) < MIN_COUNT || !/^\p{Ll}+$/u.test(word) || FUNCTION_WORDS.has(word)) continue;
    const list = byCluster.get(bits) ?? [];
    list.push({ word, count: Number(count) });
    byCluster.set(bits, list);
  }
  const table: SynonymTable = new Map();
  for (const words of byCluster.values()) {
    if (words.length < 2) continue;
    words.sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
    // Neighbours closest in frequency: a spinner's dictionary offers words of a similar register.
    words.forEach((w, k) => {
      const near = words.filter((_, j) => j !== k).sort((a, b) => Math.abs(Math.log(a.count / w.count)) - Math.abs(Math.log(b.count / w.count)));
      table.set(w.word, near.slice(0, MAX_NEIGHBOURS).map((x) => x.word));
    });
  }
  return table;
}

/**
 * Not synonyms at all: for each word, words of nearly the same frequency (cluster file order by
 * count), drawn regardless of meaning or part of speech. A spinner's dictionary picks a subset of
 * these, so training on them teaches "a word that does not fit", not any one dictionary.
 */
export function frequencyTable(): SynonymTable {
  const MIN_COUNT = 3;
  const SPAN = 20;
  const words: { word: string; count: number }[] = [];
  for (const line of readFileSync(join(modelsDir(), 'clusters', 'clusters.tsv'), 'utf8').split('\n')) {
    const [word, , count] = line.split('\t');
    if (word && Number(count) >= MIN_COUNT && /^\p{Ll}+$/u.test(word) && !FUNCTION_WORDS.has(word)) words.push({ word, count: Number(count) });
  }
  words.sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
  // Words news never uses at all, as dictionaries offer ("husbandmen"): those of the UD treebanks'
  // text (weblogs, reviews, email) that the cluster vocabulary lacks.
  const known = new Set(words.map((w) => w.word));
  const foreign = [...new Set(readUdDocs().join(' ').toLowerCase().match(/\p{Ll}{4,}/gu) ?? [])].filter((w) => !known.has(w) && !FUNCTION_WORDS.has(w)).sort();
  const table: SynonymTable = new Map();
  words.forEach((w, k) => {
    const near = words.slice(Math.max(0, k - SPAN), k + SPAN + 1).filter((x) => x.word !== w.word).map((x) => x.word);
    // And rarer words: ranks 2x to 30x further down, evenly spaced, and a few news never uses.
    const rarer = Array.from({ length: 20 }, (_, j) => words[Math.min(words.length - 1, Math.round((k + 1) * (2 + (28 * j) / 19)))].word);
    const unknown = foreign.length ? Array.from({ length: 6 }, (_, j) => foreign[(k * 7919 + j * 104729) % foreign.length]) : [];
    // Some synonyms of several words, as a thesaurus's phrases ("go to", "in style").
    const phrases = [`${near[0]} ${near[1]}`, `${rarer[0]} ${near[2]}`, `${near[3]} ${unknown[0] ?? near[4]}`];
    table.set(w.word, [...near, ...rarer.filter((x) => x !== w.word), ...unknown, ...phrases]);
  });
  return table;
}

/** Real text from outside news (UD English EWT and GUM train: weblogs, email, reviews, answers, bios), one document per newdoc. */
export function readUdDocs(): string[] {
  const shared = sharedDataDir();
  if (!shared) return [];
  const files = [join(shared, 'ud-ewt', 'en_ewt-ud-train.conllu'), join(shared, 'ud-gum', 'en_gum-ud-train.news-bio-interview-speech.conllu')];
  const docs: string[] = [];
  for (const file of files.filter(existsSync)) {
    let current: string[] = [];
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.startsWith('# newdoc')) {
        if (current.length) docs.push(current.join(' '));
        current = [];
      } else if (line.startsWith('# text = ')) current.push(line.slice(9));
    }
    if (current.length) docs.push(current.join(' '));
  }
  return docs;
}

/** The WordNet database folder: WORDNET_DIR, an installed wordnet-base, or the cached Debian package unpacked. */
export function wordnetDir(): string | null {
  for (const dir of [process.env.WORDNET_DIR, '/usr/share/wordnet']) if (dir && existsSync(join(dir, 'data.noun'))) return dir;
  const deb = '/var/cache/apt/archives/wordnet-base_1%3a3.0-37_all.deb';
  const unpacked = join(tmpdir(), 'orbit-wordnet');
  const dir = join(unpacked, 'usr/share/wordnet');
  if (existsSync(join(dir, 'data.noun'))) return dir;
  if (!existsSync(deb)) return null;
  mkdirSync(unpacked, { recursive: true });
  execFileSync('dpkg-deb', ['-x', deb, unpacked]);
  return existsSync(join(dir, 'data.noun')) ? dir : null;
}

/** The lemmas of every WordNet synset (lower-cased, multiword lemmas with spaces). */
export function wordnetSynsets(dir: string): string[][] {
  const synsets: string[][] = [];
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    for (const line of readFileSync(join(dir, `data.${pos}`), 'utf8').split('\n')) {
      if (line.startsWith(' ') || line.trim() === '') continue;
      const fields = line.split(' ');
      const count = parseInt(fields[3], 16);
      synsets.push([...new Set(Array.from({ length: count }, (_, k) => fields[4 + 2 * k].replace(/\(\w+\)$/, '').replace(/_/g, ' ').toLowerCase()))]);
    }
  }
  return synsets;
}

/** Every other lemma of every synset holding the word, all senses together. */
export function wordnetTable(dir: string): SynonymTable {
  const table: SynonymTable = new Map();
  for (const lemmas of wordnetSynsets(dir)) {
    for (const lemma of lemmas) {
      if (lemma.includes(' ') || FUNCTION_WORDS.has(lemma)) continue;
      const others = lemmas.filter((l) => l !== lemma);
      if (others.length === 0) continue;
      const known = table.get(lemma) ?? [];
      for (const o of others) if (!known.includes(o)) known.push(o);
      table.set(lemma, known);
    }
  }
  return table;
}

/**
 * The detector's dictionary (src/clean/spin-synonyms.ts) from WordNet: for each lemma of up to
 * MAX_KEY_WORDS words, the single-word lemmas of every synset it is in (all senses, as a spinner
 * uses them) that real news uses (`known`), since the word a spinner removed from news is a news word.
 */
export function spinnerDictionary(dir: string, known: (word: string) => boolean): SynonymDictionary {
  const entries = new Map<string, string[]>();
  for (const lemmas of wordnetSynsets(dir)) {
    const singles = lemmas.filter((l) => /^[\p{L}][\p{L}'-]*$/u.test(l) && !FUNCTION_WORDS.has(l) && known(l));
    for (const lemma of lemmas) {
      if (lemma.split(' ').length > MAX_KEY_WORDS || (!lemma.includes(' ') && FUNCTION_WORDS.has(lemma))) continue;
      const others = singles.filter((l) => l !== lemma);
      if (others.length === 0) continue;
      const list = entries.get(lemma) ?? [];
      for (const o of others) if (!list.includes(o)) list.push(o);
      entries.set(lemma, list);
    }
  }
  return new SynonymDictionary(entries);
}

/** A short thesaurus written for this benchmark, the examples first. */
export function handTable(): SynonymTable {
  const groups = [
    'influence affect sway', 'force drive power', 'popular in style fashionable', 'visit go to call on',
    'mobilisation mobilization marshalling', 'talks negotiations discussions', 'country nation land', 'government administration regime',
    'minister secretary', 'president chief executive head of state', 'official functionary authorized', 'meeting assembly gathering',
    'attack assault onslaught', 'killed slain murdered', 'security safety protection', 'foreign alien overseas',
    'military armed forces martial', 'leader chief head', 'statement declaration assertion', 'agreement accord settlement',
    'price cost value', 'market marketplace mart', 'company firm enterprise', 'shares stocks portions', 'profit gain earnings',
    'rose climbed increased', 'fell dropped declined', 'expected anticipated predicted', 'year twelvemonth', 'week workweek',
    'month calendar month', 'told informed notified', 'announced proclaimed declared', 'plan scheme design', 'program programme curriculum',
    'support backing reinforcement', 'policy insurance policy', 'issue publication topic', 'election vote poll', 'party celebration political party',
    'oil petroleum crude', 'bank depository financial institution', 'trade commerce swap', 'sanctions approvals penalties', 'nuclear atomic',
    'weapons arms guns', 'troops soldiers forces', 'region area realm', 'city metropolis urban center', 'capital uppercase working capital',
    'state province commonwealth', 'relations dealings kinsfolk', 'cooperation collaboration', 'development growth evolution', 'economic economical',
    'international global worldwide', 'national subject domestic', 'important crucial significant', 'major main key', 'new fresh novel',
    'first initial beginning', 'last final concluding', 'high gamy eminent', 'low humble depressed', 'large big great', 'small little modest',
    'strong potent stiff', 'recent late new', 'current electric current present', 'future hereafter next', 'held maintained kept', 'made produced created',
    'took accepted took on', 'called named known as', 'began started commenced', 'continue go on proceed', 'increase growth step-up', 'decline diminution worsening',
    'production output yield', 'industry manufacture diligence', 'sector sphere', 'project task undertaking', 'report account study',
    'news word tidings', 'spokesman representative mouthpiece', 'source beginning reference', 'people citizenry multitude', 'members extremities fellow members',
    'group grouping radical', 'forces strengths drives', 'commander air force officer commanding officer', 'army ground forces regular army', 'war warfare state of war',
    'peace peacefulness repose', 'crisis crunch emergency', 'problem trouble job', 'efforts attempts endeavors', 'help assistance aid',
    'need want necessitate', 'want desire need', 'use employ utilize', 'issue put out subject', 'stressed emphasized strained', 'noted famous illustrious',
    'added added up supplemented', 'expressed verbalized evinced', 'wields handles manipulates', 'revolutionary radical revolutionist', 'guards safeguards shields',
    'deputy surrogate lieutenant', 'director manager managing director', 'chairman president chair', 'council board panel', 'parliament legislature',
    'court tribunal royal court', 'law jurisprudence police', 'rights rightfulness rights', 'human homo man', 'public populace world', 'private individual secret',
    'total sum entire', 'rate charge pace', 'growth growing increment', 'exports exportations', 'imports importations significance', 'budget budgeted amount',
    'billion one thousand million', 'million one million 1000000', 'percent pct per centum', 'dollar buck clam', 'currency money', 'interest pastime involvement',
    'debt indebtedness liability', 'loan loanword lend', 'investment investiture', 'analysts psychoanalysts', 'dealers traders monger', 'sales sale event gross sales',
    'demand requirement need', 'supply provision provide', 'crop harvest craw', 'farmers husbandmen granger', 'quarter one-fourth billet', 'share portion part',
    'net internet web', 'income income', 'earlier before', 'later afterward subsequently', 'today now nowadays', 'saying locution expression',
    'told said to informed', 'reported reputed according to', 'spoke talked addressed', 'meet encounter converge', 'discussed talked over hashed out',
    'signed sign language gestural', 'stability stableness', 'region realm part', 'neighboring adjacent next', 'border boundary edge', 'sea ocean',
    'water H2O', 'gas gasoline throttle', 'energy vigor push', 'power might ability', 'plant works flora', 'building construction edifice',
    'university varsity', 'students pupils educatees', 'cultural ethnic', 'culture civilization polish', 'religious spiritual sacred', 'islamic muslim',
    'supreme sovereign ultimate', 'nation commonwealth state', 'committee commission citizens committee', 'member extremity penis', 'level degree tier',
  ];
  const table: SynonymTable = new Map();
  for (const group of groups) {
    const [word, ...rest] = group.split(' ');
    // A group is its head word then its synonyms; a synonym of several words is written with a space,
    // so words are re-joined from the known multiword list below.
    const synonyms = joinMultiwords(rest).filter((s) => s !== word);
    if (synonyms.length) table.set(word, [...new Set([...(table.get(word) ?? []), ...synonyms])]);
  }
  return table;
}

const MULTIWORDS = [
  'in style', 'go to', 'call on', 'chief executive', 'head of state', 'armed forces', 'calendar month', 'insurance policy', 'political party',
  'financial institution', 'urban center', 'working capital', 'electric current', 'took on', 'known as', 'go on', 'air force officer',
  'commanding officer', 'ground forces', 'regular army', 'state of war', 'fellow members', 'added up', 'managing director', 'royal court',
  'budgeted amount', 'one thousand million', 'one million', 'per centum', 'sale event', 'gross sales', 'told on', 'said to', 'according to',
  'talked over', 'hashed out', 'sign language', 'citizens committee', 'put out',
];

function joinMultiwords(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    const phrase = MULTIWORDS.find((m) => words.slice(i, i + m.split(' ').length).join(' ') === m);
    if (phrase) {
      out.push(phrase);
      i += phrase.split(' ').length;
    } else out.push(words[i++]);
  }
  return out;
}

// ---- the spinner ----

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Spun {
  text: string;
  /** Words replaced / content words of the text. */
  rate: number;
  /** Where the replacements stand in `text`: [start, end) pairs. */
  replaced: [number, number][];
}

const WORD = /[\p{L}][\p{L}\p{M}'’-]*/gu;

/** Synonyms of a word as written, with a plural -s carried over when only the singular is listed. */
function synonymsOf(lower: string, table: SynonymTable): string[] | undefined {
  const direct = table.get(lower);
  if (direct) return direct;
  if (lower.length > 3 && lower.endsWith('s') && !lower.endsWith('ss')) return table.get(lower.slice(0, -1))?.map((s) => `${s}s`);
  return undefined;
}

function matchCase(replacement: string, original: string): string {
  if (original.length > 1 && original === original.toUpperCase()) return replacement.toUpperCase();
  if (original[0] !== original[0].toLowerCase()) return replacement[0].toUpperCase() + replacement.slice(1);
  return replacement;
}

/**
 * Replace `rate` of the content words (every word of letters not a function word) with a random
 * synonym from the table, names included; when the table covers fewer words, all it covers.
 */
export function spin(text: string, table: SynonymTable, rate: number, random: () => number): Spun {
  const words = [...text.matchAll(WORD)];
  const content = words.filter((m) => !FUNCTION_WORDS.has(m[0].toLowerCase()));
  const candidates = content.filter((m) => synonymsOf(m[0].toLowerCase(), table));
  const wanted = Math.min(candidates.length, Math.round(rate * content.length));
  // A partial Fisher-Yates shuffle picks `wanted` of the candidates.
  const order = candidates.map((_, k) => k);
  for (let k = 0; k < wanted; k++) {
    const j = k + Math.floor(random() * (order.length - k));
    [order[k], order[j]] = [order[j], order[k]];
  }
  const chosen = new Map<number, string>();
  for (const k of order.slice(0, wanted)) {
    const m = candidates[k];
    const options = synonymsOf(m[0].toLowerCase(), table)!;
    chosen.set(m.index!, matchCase(options[Math.floor(random() * options.length)], m[0]));
  }
  let out = '';
  let at = 0;
  const replaced: [number, number][] = [];
  for (const m of words) {
    const replacement = chosen.get(m.index!);
    if (replacement === undefined) continue;
    out += text.slice(at, m.index);
    replaced.push([out.length, out.length + replacement.length]);
    out += replacement;
    at = m.index! + m[0].length;
  }
  out += text.slice(at);
  return { text: out, rate: content.length ? wanted / content.length : 0, replaced };
}
