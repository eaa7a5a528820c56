// npm run bench:nlp: the tagger, lemmatizer, parser, tokenizer and sentence splitter on the dev splits
// of UD English EWT and GUM (../shared/data; the test splits are held out elsewhere), with wink-nlp's
// tagger, tokenizer and sentence splitter on the same text beside them. Gold tokenisation for tagging and
// parsing; punctuation included in UAS and LAS. Speed is the median of three runs on one core, and
// wink-nlp is timed in the same process on the same words.
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadClusters } from '../src/nlp/clusters.js';
import { DEFAULT_NEURAL_MODEL, NeuralParser } from '../src/nlp/neural/neural-parser.js';
import { Analyzer, DEFAULT_MODEL } from '../src/nlp/analyzer.js';
import { readTreebank, treebankPath, type TreebankName, type TreebankSentence } from '../src/nlp/learn/treebank.js';
import { tokenizeWords } from '../src/nlp/ud-tokenize.js';
import { sentenceF1, tokenF1 } from '../src/nlp/learn/evaluate.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (x: number) => `${(100 * x).toFixed(2)}%`;

const sets: [string, TreebankName][] = [['EWT dev', 'ewt-dev'], ['GUM dev', 'gum-dev']];
if (sets.some(([, name]) => !treebankPath(name))) {
  console.log('bench:nlp: skipped, the UD treebanks are not in ../shared/data (ud-ewt, ud-gum)');
  process.exit(0);
}

const loadStart = performance.now();
const analyzer = Analyzer.load();
const loadMs = performance.now() - loadStart;
const wink = await loadWink();

console.log(`model: ${DEFAULT_MODEL().replace(/.*\/models\//, 'models/')} ${(statSync(DEFAULT_MODEL()).size / 1e6).toFixed(1)} MB, loaded in ${loadMs.toFixed(0)} ms (clusters ${analyzer.meta.clusters ? 'on' : 'off'})`);
console.log('\nquality (gold tokens; UAS/LAS with punctuation; LAS* = universal relation without subtype)');
console.log('set       words   UPOS    XPOS    lemma   UAS     LAS     LAS*   | wink UPOS');
const speedRows: string[] = [];
for (const [label, name] of sets) {
  const sentences = readTreebank(treebankPath(name)!);
  const q = quality(sentences);
  const w = wink ? winkUpos(sentences) : null;
  console.log(`${label.padEnd(9)} ${String(q.words).padStart(6)}  ${pct(q.upos)}  ${pct(q.xpos)}  ${pct(q.lemma)}  ${(100 * q.uas).toFixed(2)}   ${(100 * q.las).toFixed(2)}   ${(100 * q.lasUniversal).toFixed(2)}  | ${w === null ? 'n/a' : pct(w)}`);
  speedRows.push(speed(label, sentences));
}

console.log('\nspeed (words per second, one core, median of 3 runs)');
console.log('set       tagger     tagger+lemma+parser   wink tokenise+tag   ratio (wink / ours, tagger+parser)');
for (const row of speedRows) console.log(row);

// the BiLSTM + biaffine parser (src/nlp/neural), when a model is shipped or named with --neural FILE
const neuralPath = parseArgs({ options: { neural: { type: 'string' } }, strict: false }).values.neural as string | undefined ?? DEFAULT_NEURAL_MODEL();
if (existsSync(neuralPath)) {
  const neural = NeuralParser.load(neuralPath, loadClusters());
  console.log(`\nneural parser (BiLSTM + biaffine, its own UPOS): ${neuralPath.replace(/.*\/models\//, 'models/')} ${(statSync(neuralPath).size / 1e6).toFixed(1)} MB`);
  console.log('set       words   UPOS    UAS     LAS     words/s (one core, median of 3)');
  for (const [label, name] of sets) {
    const sentences = readTreebank(treebankPath(name)!);
    let words = 0, upos = 0, uas = 0, las = 0;
    for (const s of sentences) {
      const a = neural.analyze(s.forms);
      s.forms.forEach((_, i) => {
        words++;
        if (a.upos[i] === s.tags[i].split('|')[0]) upos++;
        if (a.head[i] === s.heads[i]) {
          uas++;
          if (a.deprel[i] === s.deprels[i]) las++;
        }
      });
    }
    const runs: number[] = [];
    for (let r = 0; r < 3; r++) {
      const t = performance.now();
      sentences.forEach((s) => neural.predict(s.forms));
      runs.push(performance.now() - t);
    }
    console.log(`${label.padEnd(9)} ${String(words).padStart(6)}  ${pct(upos / words)}  ${(100 * uas / words).toFixed(2)}   ${(100 * las / words).toFixed(2)}   ${Math.round((words / median(runs)) * 1000)}`);
  }
} else console.log(`\nneural parser: no model at ${neuralPath} (npm run train:parser:neural; --neural FILE)`);

console.log('\ntokenisation (word-span F1 on each sentence\'s text) and sentence splitting (exact-span F1 on running text)');
console.log('set       words: ours   wink     sentences: ours   wink');
for (const [label, name] of sets) {
  const sentences = readTreebank(treebankPath(name)!);
  const tok = tokenF1(sentences, (t) => tokenizeWords(t));
  const tokWink = wink ? tokenF1(sentences, (t) => wink.tokens(t)) : null;
  const sent = sentenceF1(sentences, (t) => analyzer.sentences(t));
  const sentWink = wink ? sentenceF1(sentences, (t) => wink.sentences(t)) : null;
  console.log(`${label.padEnd(9)}        ${pct(tok)}  ${tokWink === null ? 'n/a' : pct(tokWink)}               ${pct(sent)}   ${sentWink === null ? 'n/a' : pct(sentWink)}`);
}

function quality(sentences: TreebankSentence[]) {
  let words = 0, upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, lasU = 0;
  for (const s of sentences) {
    const a = analyzer.analyze(s.forms);
    s.forms.forEach((_, i) => {
      words++;
      const [gu, gx] = s.tags[i].split('|');
      if (a.upos[i] === gu) upos++;
      if (a.upos[i] === gu && a.xpos[i] === gx) xpos++;
      if (a.lemma[i] === s.lemmas[i]) lemma++;
      if (a.head[i] === s.heads[i]) {
        uas++;
        if (a.deprel[i] === s.deprels[i]) las++;
        if (a.deprel[i].split(':')[0] === s.deprels[i].split(':')[0]) lasU++;
      }
    });
  }
  return { words, upos: upos / words, xpos: xpos / words, lemma: lemma / words, uas: uas / words, las: las / words, lasUniversal: lasU / words };
}

function speed(label: string, sentences: TreebankSentence[]): string {
  const words = sentences.reduce((n, s) => n + s.forms.length, 0);
  const time = (f: () => void) => {
    const runs: number[] = [];
    for (let r = 0; r < 3; r++) {
      const t = performance.now();
      f();
      runs.push(performance.now() - t);
    }
    return (words / median(runs)) * 1000;
  };
  const tagger = time(() => sentences.forEach((s) => analyzer.tagIds(s.forms)));
  const full = time(() => sentences.forEach((s) => analyzer.analyze(s.forms)));
  const text = sentences.map((s) => s.forms.join(' ')).join('\n');
  const winkRate = wink ? time(() => wink.tag(text)) : null;
  const f = (x: number) => `${Math.round(x / 1000)}k`.padStart(6);
  return `${label.padEnd(9)} ${f(tagger)}     ${f(full)}                ${winkRate === null ? '   n/a' : f(winkRate)}              ${winkRate === null ? 'n/a' : (winkRate / full).toFixed(2)}`;
}

interface Wink {
  tag(text: string): number;
  tokens(text: string): { start: number; end: number }[];
  sentences(text: string): { start: number; end: number }[];
  upos(forms: string[]): string[];
}

/** wink-nlp with its English web model, or null when it is not installed (it is a dev dependency). */
async function loadWink(): Promise<Wink | null> {
  try {
    const winkNLP = ((await import('wink-nlp' as string)) as { default: (model: unknown) => any }).default;
    const model = ((await import('wink-eng-lite-web-model' as string)) as { default: unknown }).default;
    const nlp = winkNLP(model);
    const its = nlp.its;
    // wink reports tokens as strings with the spaces after them; offsets come from walking the text
    const spansOf = (text: string, forms: string[]) => {
      let at = 0;
      return forms.flatMap((f) => {
        const i = text.indexOf(f, at);
        if (i < 0) return [];
        at = i + f.length;
        return [{ start: i, end: i + f.length }];
      });
    };
    return {
      tag: (text) => nlp.readDoc(text).tokens().out(its.pos).length,
      tokens: (text) => spansOf(text, nlp.readDoc(text).tokens().out()),
      sentences: (text) => spansOf(text, nlp.readDoc(text).sentences().out()),
      upos: (forms) => {
        const text = forms.join(' ');
        const doc = nlp.readDoc(text);
        const spans = spansOf(text, doc.tokens().out());
        const pos = doc.tokens().out(its.pos) as string[];
        const byStart = new Map(spans.map((s, i) => [`${s.start}:${s.end}`, pos[i]]));
        let at = 0;
        return forms.map((f) => {
          const tag = byStart.get(`${at}:${at + f.length}`) ?? '?';
          at += f.length + 1;
          return tag;
        });
      },
    };
  } catch {
    return null;
  }
}

/** wink-nlp's UPOS on the gold words (joined by spaces; a gold word wink cuts otherwise counts as wrong). */
function winkUpos(sentences: TreebankSentence[]): number | null {
  if (!wink) return null;
  let right = 0, total = 0;
  for (const s of sentences) {
    const tags = wink.upos(s.forms);
    s.forms.forEach((_, i) => {
      total++;
      if (tags[i] === s.tags[i].split('|')[0]) right++;
    });
  }
  return right / total;
}
