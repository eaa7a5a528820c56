// NER figures in one command (`npm run bench:ner`): entity F1 on CoNLL-2003 eng.testa (the tuning split;
// testb is held out elsewhere) for Orbit's NER and for compromise run on the same sentences, speed on
// one core beside compromise's, the entities compromise and wink-nlp find in the same sample text,
// and the re3d-dev Person/Organisation figures through the shared scorer.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { repoRoot, sharedDataDir } from '../src/core/paths.js';
import { loadKnowledgeBase } from '../src/kb/index.js';
import { sharedAnalyzer } from '../src/nlp/parser-component.js';
import { sharedRecognizer } from '../src/nlp/ner-component.js';
import { nerWords } from '../src/nlp/ner/words.js';
import { DEFAULT_NER } from '../src/nlp/ner/recognizer.js';
import type { TagSpan } from '../src/nlp/ner/scheme.js';
import { scoreEntities, type EntityScores } from '../src/nlp/learn/evaluate-ner.js';
import type { NerSentence } from '../src/nlp/ner/train.js';
import { readConllDocuments } from './train/train-ner.js';

const SAMPLE =
  'Iraqi Prime Minister Mohammed Shia al-Sudani met Esmail Qaani, the commander of the Quds Force, in Baghdad on Tuesday, ' +
  'a day after Kataib Hezbollah said it would suspend attacks on US forces. The Pentagon and the Coordination Framework declined to comment.';

type Compromise = (text: string) => any;

async function loadCompromise(): Promise<Compromise | null> {
  try {
    return ((await import('compromise' as string)) as { default: Compromise }).default;
  } catch {
    return null;
  }
}

/** compromise's people, organisations and places as token spans of a sentence (its words joined by spaces). */
function compromiseSpans(nlp: Compromise, forms: string[]): TagSpan[] {
  const text = forms.join(' ');
  const starts: number[] = [];
  let at = 0;
  for (const f of forms) (starts.push(at), (at += f.length + 1));
  const doc = nlp(text);
  const spans: TagSpan[] = [];
  for (const [type, found] of [['PER', doc.people()], ['ORG', doc.organizations()], ['LOC', doc.places()]] as const) {
    for (const m of found.json({ offset: true }) as { text: string; offset: { start: number; length: number } }[]) {
      const trimmed = m.text.replace(/[.,;:!?'"]+$/u, '');
      const s = starts.findIndex((x) => x >= m.offset.start);
      let e = s;
      while (e < forms.length && starts[e] < m.offset.start + trimmed.length) e++;
      if (s >= 0 && e > s) spans.push({ start: s, end: e, type });
    }
  }
  return spans;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const line = (name: string, s: EntityScores) =>
  `  ${name.padEnd(22)} F1 ${s.f1.toFixed(2)}  P ${s.precision.toFixed(2)}  R ${s.recall.toFixed(2)}   ${s.byType.map((t) => `${t.type} ${t.f1.toFixed(2)}`).join('  ')}`;

async function main(): Promise<void> {
  const shared = sharedDataDir();
  const testa = shared && join(shared, 'conll2003', 'eng.testa');
  if (!testa || !existsSync(testa)) return console.log('bench:ner: skipped, ../shared/data/conll2003 is absent');
  const kb = loadKnowledgeBase();
  const t0 = performance.now();
  const recognizer = sharedRecognizer(kb);
  const analyzer = sharedAnalyzer();
  console.log(`model: models/ner/${DEFAULT_NER().split('/').at(-1)} ${(statSync(DEFAULT_NER()).size / 1e6).toFixed(2)} MB, loaded in ${(performance.now() - t0).toFixed(0)} ms`);
  const dev: NerSentence[][] = readConllDocuments(testa);
  // A model with domain copies reads CoNLL text as CoNLL; news (re3d) is its default.
  const conll = recognizer.meta.domains ? 'conll' : undefined;
  const tokens = dev.reduce((n, d) => n + d.reduce((m, s) => m + s.forms.length, 0), 0);
  const compromise = await loadCompromise();

  console.log(`\nCoNLL-2003 eng.testa (${dev.length} documents, ${tokens} tokens; exact spans, conlleval's count)`);
  console.log(line('Orbit NER', scoreEntities(dev, (doc) => recognizer.recognize(doc, conll))));
  if (compromise) console.log(line('compromise (no MISC)', scoreEntities(dev, (doc) => doc.map((s) => compromiseSpans(compromise, s.forms)))));

  // Speed: the NER alone (tags given), with the tagger, and compromise, on the same sentences.
  const runs = (f: () => void) => median([0, 1, 2].map(() => ((t) => (f(), performance.now() - t))(performance.now())));
  const nerOnly = runs(() => dev.forEach((doc) => recognizer.recognize(doc, conll)));
  const withTagger = runs(() => dev.forEach((doc) => recognizer.recognize(doc.map((s) => ({ forms: s.forms, upos: analyzer.upos(s.forms) })), conll)));
  const comp = compromise ? runs(() => dev.forEach((doc) => doc.forEach((s) => compromiseSpans(compromise, s.forms)))) : NaN;
  const rate = (ms: number) => `${((tokens / ms) * 1000 / 1000).toFixed(0)}k tokens/s`;
  console.log(`\nspeed (one core, median of 3): Orbit NER ${rate(nerOnly)}; tagger + NER ${rate(withTagger)}; compromise ${compromise ? rate(comp) : 'n/a'}`);

  console.log(`\nthe same text, three tools:\n  "${SAMPLE}"`);
  const sentences = analyzer.sentences(SAMPLE).map((s) => nerWords(s.words, SAMPLE)).map((words) => ({ words, forms: words.map((w) => w.form), upos: analyzer.upos(words.map((w) => w.form)) }));
  const ours = recognizer.recognize(sentences).flatMap((spans, k) => spans.map((s) => `${s.type} ${SAMPLE.slice(sentences[k].words[s.start].start, sentences[k].words[s.end - 1].end)}`));
  console.log(`  Orbit:      ${ours.join(' | ')}`);
  if (compromise) {
    const d = compromise(SAMPLE);
    console.log(`  compromise: ${[...d.people().out('array').map((x: string) => `PER ${x}`), ...d.organizations().out('array').map((x: string) => `ORG ${x}`), ...d.places().out('array').map((x: string) => `LOC ${x}`)].join(' | ')}`);
  }
  try {
    const winkNLP = ((await import('wink-nlp' as string)) as { default: (model: unknown) => any }).default;
    const model = ((await import('wink-eng-lite-web-model' as string)) as { default: unknown }).default;
    const nlp = winkNLP(model);
    const found = nlp.readDoc(SAMPLE).entities().out(nlp.its.detail) as { value: string; type: string }[];
    console.log(`  wink-nlp:   ${found.map((e) => `${e.type} ${e.value}`).join(' | ')}   (its English model has no person, organisation or place entities)`);
  } catch {
    console.log('  wink-nlp:   n/a');
  }

  const scorer = resolve(repoRoot(), '../shared/tools/re3d-dev-score.mjs');
  if (existsSync(scorer)) {
    const r = spawnSync(process.execPath, [scorer], { cwd: repoRoot(), encoding: 'utf8', timeout: 600_000 });
    console.log(`\nre3d-dev through the shared scorer (node ../shared/tools/re3d-dev-score.mjs):\n${(r.stdout || r.stderr).trim().split('\n').map((l) => '  ' + l).join('\n')}`);
  }
}

await main();
