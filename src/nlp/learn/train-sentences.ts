// Training the sentence splitter on the treebanks' running text: the words of each paragraph in order,
// each gap labelled by whether a new sentence starts after it.
import { argmax, PerceptronTrainer, type CompactPerceptron } from '../perceptron/perceptron.js';
import { gapFeatures, gapWords, SENTENCE_FEATURES } from '../sentence-splitter.js';
import { seededRandom, shuffle } from './random.js';
import type { TreebankSentence } from './treebank.js';

export interface Paragraph {
  forms: string[];
  /** 1 where a sentence starts at that word. */
  starts: Uint8Array;
}

/** The paragraphs of a treebank: consecutive sentences until a new paragraph or document. */
export function paragraphsOf(sentences: TreebankSentence[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let forms: string[] = [];
  let starts: number[] = [];
  const flush = () => {
    if (forms.length) paragraphs.push({ forms, starts: Uint8Array.from(starts) });
    forms = [];
    starts = [];
  };
  for (const s of sentences) {
    if (s.newDocument || s.newParagraph) flush();
    s.forms.forEach((f, i) => {
      forms.push(f);
      starts.push(i === 0 ? 1 : 0);
    });
  }
  flush();
  return paragraphs;
}

/**
 * News pages paste a headline or caption before the story with no stop between ("Russia hails it The
 * US and UK are ..."). The treebanks have few such gaps, so a share of the stops before a capitalised
 * sentence start are dropped from the training text, teaching the model the gap without its stop.
 */
export function withoutSomeStops(p: Paragraph, random: () => number, share: number): Paragraph {
  const forms: string[] = [];
  const starts: number[] = [];
  for (let i = 0; i < p.forms.length; i++) {
    const next = i + 1 < p.forms.length && p.starts[i + 1] === 1 ? p.forms[i + 1] : null;
    if (next && /^[.!?]$/.test(p.forms[i]) && /^\p{Lu}/u.test(next) && i > 0 && p.starts[i] === 0 && random() < share) continue;
    forms.push(p.forms[i]);
    starts.push(p.starts[i]);
  }
  return { forms, starts: Uint8Array.from(starts) };
}

export function trainSentenceSplitter(paragraphs: Paragraph[], epochs: number, seed: number, dropStops = 0.06): CompactPerceptron {
  const trainer = new PerceptronTrainer(2);
  const random = seededRandom(seed);
  const feats = new Uint32Array(SENTENCE_FEATURES);
  const scores = new Float64Array(2);
  const prepared = paragraphs.map((p) => withoutSomeStops(p, random, dropStops)).map((p) => ({ ...p, words: gapWords(p.forms) }));
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const p of shuffle([...prepared], random)) {
      for (let i = 1; i < p.forms.length; i++) {
        const count = gapFeatures(p.words, i, feats);
        scores.fill(0);
        trainer.score(feats, count, scores);
        trainer.update(feats, count, p.starts[i], argmax(scores, 2));
        trainer.tick();
      }
    }
  }
  return trainer.averaged(0.01);
}
