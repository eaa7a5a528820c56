// The lemmatizer's tables from a treebank: every (form, tag) seen with its most frequent lemma, and for
// each tag and word ending the cut-and-add rule that ending most often takes. An ending keeps its rule
// only when it was seen often enough and the rule is the clear majority, so rare endings fall back to
// shorter, better-attested ones.
import { Lemmatizer, ruleOf, type LemmaRule, type LemmatizerTables } from '../lemmatizer.js';
import { xposOf } from '../tagger.js';
import type { TreebankSentence } from './treebank.js';

const LONGEST_SUFFIX = 5;

export function trainLemmatizer(sentences: TreebankSentence[], minCount = 3, minShare = 0.6): LemmatizerTables {
  const lemmaCounts = new Map<string, Map<string, number>>();
  const ruleCounts = new Map<string, Map<string, number>>();
  const count = <K>(map: Map<string, Map<K, number>>, key: string, value: K) => {
    let inner = map.get(key);
    if (!inner) map.set(key, (inner = new Map()));
    inner.set(value, (inner.get(value) ?? 0) + 1);
  };
  for (const s of sentences) {
    s.forms.forEach((form, i) => {
      const xpos = xposOf(s.tags[i]);
      const lemma = s.lemmas[i];
      count(lemmaCounts, `${form}\t${xpos}`, lemma);
      const rule = ruleOf(form, lemma);
      if (!rule) return;
      const lower = form.toLowerCase();
      const key = JSON.stringify(rule);
      for (let k = 0; k <= Math.min(LONGEST_SUFFIX, lower.length - 1); k++) count(ruleCounts, `${xpos}\t${lower.slice(lower.length - k)}`, key);
    });
  }
  const known: Record<string, string> = {};
  for (const [key, lemmas] of lemmaCounts) known[key] = majority(lemmas)[0];
  const rules: Record<string, LemmaRule> = {};
  for (const [key, byRule] of ruleCounts) {
    const [best, bestCount, total] = majority(byRule);
    if (total >= minCount && bestCount / total >= minShare) rules[key] = JSON.parse(best) as LemmaRule;
  }
  // Keep only the words the rules get wrong: the table stays small and the rules do the rest. A
  // capitalised form falls back to its lower-case entry, so it may go only if that entry agrees or goes too.
  const byRules = new Lemmatizer({ known: {}, rules, longestSuffix: LONGEST_SUFFIX });
  const rulesRight = (key: string) => {
    const [form, xpos] = key.split('\t');
    return byRules.lemma(form, xpos) === known[key];
  };
  const drop = Object.keys(known).filter((key) => {
    if (!rulesRight(key)) return false;
    const [form, xpos] = key.split('\t');
    const lowerKey = `${form.toLowerCase()}\t${xpos}`;
    return lowerKey === key || known[lowerKey] === undefined || known[lowerKey] === known[key] || rulesRight(lowerKey);
  });
  for (const key of drop) delete known[key];
  return { known, rules, longestSuffix: LONGEST_SUFFIX };
}

/** The most frequent value (ties to the first in sorted order, for determinism), its count and the total. */
function majority<K extends string>(counts: Map<K, number>): [K, number, number] {
  let best: K | null = null;
  let bestCount = 0;
  let total = 0;
  for (const [value, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    total += c;
    if (c > bestCount) [best, bestCount] = [value, c];
  }
  return [best!, bestCount, total];
}
