// Training the tagger: epochs of greedy tagging over shuffled sentences, the averaged perceptron
// updated on every mistake, the history made of the tagger's own guesses so that it learns to live
// with them at run time.
import { PerceptronTrainer } from '../perceptron/perceptron.js';
import { argmax } from '../perceptron/perceptron.js';
import { ambiguityClasses, TAGGER_FEATURES, taggerFeatures, type TaggerModel } from '../tagger.js';
import { hashString } from '../perceptron/hash.js';
import { WordAtomizer } from '../word-features.js';
import type { ClusterLookup } from '../clusters.js';
import { seededRandom, shuffle } from './random.js';

export interface TaggedSentence {
  forms: string[];
  /** "UPOS|XPOS" per word. */
  tags: string[];
}

export interface TaggerTraining {
  epochs: number;
  seed: number;
  clusters: ClusterLookup | null;
  /** Frequency and share of one tag above which a word is tagged from the dictionary. */
  dictionaryMinCount?: number;
  dictionaryMinShare?: number;
  /** Words seen fewer times get no ambiguity class: for a word seen once, its class is its gold tag. */
  ambiguityMinCount?: number;
  log?: (line: string) => void;
}

export function trainTagger(sentences: TaggedSentence[], options: TaggerTraining): TaggerModel {
  const tags = [...new Set(sentences.flatMap((s) => s.tags))].sort();
  const tagId = new Map(tags.map((t, i) => [t, i]));
  const dictionary = unambiguousWords(sentences, tagId, options.dictionaryMinCount ?? 20, options.dictionaryMinShare ?? 0.97);
  const ambiguity = ambiguityLexicon(sentences, options.ambiguityMinCount ?? 3);
  const trainer = new PerceptronTrainer(tags.length);
  const atomizer = new WordAtomizer(options.clusters);
  const prepared = sentences.map((s) => ({ forms: s.forms, gold: Int32Array.from(s.tags, (t) => tagId.get(t)!), atoms: atomizer.atomize(s.forms), amb: ambiguityClasses(ambiguity, s.forms) }));
  const random = seededRandom(options.seed);
  const feats = new Uint32Array(TAGGER_FEATURES + 8);
  const scores = new Float64Array(tags.length);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    let correct = 0;
    let total = 0;
    for (const s of shuffle([...prepared], random)) {
      let prev1 = -7;
      let prev2 = -8;
      for (let i = 0; i < s.forms.length; i++) {
        let guess = dictionary.get(s.forms[i]);
        if (guess === undefined) {
          const count = taggerFeatures(s.atoms, s.amb, i, prev1, prev2, feats);
          scores.fill(0);
          trainer.score(feats, count, scores);
          guess = argmax(scores, tags.length);
          trainer.update(feats, count, s.gold[i], guess);
          trainer.tick();
        }
        if (guess === s.gold[i]) correct++;
        total++;
        prev2 = prev1;
        prev1 = guess;
      }
    }
    options.log?.(`tagger epoch ${epoch}: train accuracy ${((100 * correct) / total).toFixed(2)}%, ${trainer.featureCount} features`);
  }
  return { tags, dictionary, ambiguity, scorer: trainer.averaged() };
}

function unambiguousWords(sentences: TaggedSentence[], tagId: Map<string, number>, minCount: number, minShare: number): Map<string, number> {
  const counts = new Map<string, Map<number, number>>();
  for (const s of sentences) {
    s.forms.forEach((form, i) => {
      let byTag = counts.get(form);
      if (!byTag) counts.set(form, (byTag = new Map()));
      const t = tagId.get(s.tags[i])!;
      byTag.set(t, (byTag.get(t) ?? 0) + 1);
    });
  }
  const dictionary = new Map<string, number>();
  for (const [form, byTag] of counts) {
    let total = 0;
    let best = -1;
    let bestCount = 0;
    for (const [t, c] of byTag) {
      total += c;
      if (c > bestCount) [best, bestCount] = [t, c];
    }
    if (total >= minCount && bestCount / total >= minShare) dictionary.set(form, best);
  }
  return dictionary;
}

/** Lower-cased word -> hash of the tags it takes at least 5% of the time, for words seen `minCount` times. */
function ambiguityLexicon(sentences: TaggedSentence[], minCount: number): Map<string, number> {
  const counts = new Map<string, Map<string, number>>();
  for (const s of sentences) {
    s.forms.forEach((form, i) => {
      const lower = form.toLowerCase();
      let byTag = counts.get(lower);
      if (!byTag) counts.set(lower, (byTag = new Map()));
      byTag.set(s.tags[i], (byTag.get(s.tags[i]) ?? 0) + 1);
    });
  }
  const lexicon = new Map<string, number>();
  for (const [word, byTag] of counts) {
    let total = 0;
    for (const c of byTag.values()) total += c;
    if (total < minCount) continue;
    const set = [...byTag].filter(([, c]) => c / total >= 0.05).map(([t]) => t).sort();
    lexicon.set(word, hashString(set.join(' ')));
  }
  return lexicon;
}
