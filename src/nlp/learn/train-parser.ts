// Training the parser with a dynamic oracle (Goldberg & Nivre 2012, 2013): at every state the moves
// that keep the best reachable tree are right, so the parser can be trained on states its own mistakes
// lead to. From the second epoch on it follows its own guess nine times in ten ("exploration"), which is
// what makes a greedy parser robust to its errors at run time. Each arc made with its gold head trains
// the labeller.
import { argmax, PerceptronTrainer } from '../perceptron/perceptron.js';
import { LABEL_FEATURES, labelFeatures, PARSER_FEATURES, parserFeatures, type ParserInput, type ParserModel } from '../parser.js';
import { MOVES, ParserState, SHIFT } from '../parser-state.js';
import { seededRandom, shuffle } from './random.js';

export interface ParserExample {
  input: ParserInput;
  /** Gold head per word (n for the root). */
  gold: Int32Array;
  goldLabels: Int32Array;
}

export interface ParserTraining {
  epochs: number;
  seed: number;
  /** Chance of following the parser's own guess instead of the oracle, from the second epoch. */
  explore?: number;
  log?: (line: string) => void;
}

export function trainParser(examples: ParserExample[], labels: string[], options: ParserTraining): ParserModel {
  const moves = new PerceptronTrainer(MOVES);
  const labeller = new PerceptronTrainer(labels.length);
  const random = seededRandom(options.seed);
  const feats = new Uint32Array(PARSER_FEATURES + 4);
  const labelFeats = new Uint32Array(LABEL_FEATURES + 4);
  const scores = new Float64Array(MOVES);
  const labelScores = new Float64Array(labels.length);
  const costs = new Int32Array(MOVES);
  const rootLabel = labels.indexOf('root');
  const explore = options.explore ?? 0.9;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    let right = 0;
    let made = 0;
    let labelRight = 0;
    for (const ex of shuffle([...examples], random)) {
      const st = new ParserState(ex.input.n);
      while (!st.done) {
        const count = parserFeatures(ex.input, st, feats);
        scores.fill(0);
        moves.score(feats, count, scores);
        let least = Infinity;
        for (let m = 0; m < MOVES; m++) {
          costs[m] = st.allowed(m) ? st.cost(m, ex.gold) : 1 << 30;
          least = Math.min(least, costs[m]);
        }
        const guess = argmax(scores, MOVES, (m) => st.allowed(m));
        const best = argmax(scores, MOVES, (m) => costs[m] === least);
        if (costs[guess] > least) moves.update(feats, count, best, guess);
        moves.tick();
        const move = epoch > 1 && random() < explore ? guess : best;
        let label = -1;
        if (move !== SHIFT) {
          const [head, dep] = st.arcOf(move)!;
          const goldHead = ex.gold[dep] === head;
          if (head === ex.input.n) label = rootLabel;
          else {
            const n = labelFeatures(ex.input, st, head, dep, labelFeats);
            labelScores.fill(0);
            labeller.score(labelFeats, n, labelScores);
            const guessLabel = argmax(labelScores, labels.length, (c) => c !== rootLabel);
            if (goldHead) {
              labeller.update(labelFeats, n, ex.goldLabels[dep], guessLabel);
              labeller.tick();
              if (guessLabel === ex.goldLabels[dep]) labelRight++;
            }
            label = goldHead && !(epoch > 1 && random() < explore) ? ex.goldLabels[dep] : guessLabel;
          }
          if (goldHead) right++;
          made++;
        }
        st.apply(move, label);
      }
    }
    options.log?.(`parser epoch ${epoch}: arcs right ${((100 * right) / made).toFixed(2)}%, labels right on those ${((100 * labelRight) / Math.max(1, right)).toFixed(2)}%, ${moves.featureCount} move and ${labeller.featureCount} label features`);
  }
  return { labels, moves: moves.averaged(), labeller: labeller.averaged() };
}
