// Lemmas from the word and its Penn tag: the treebank's own lemma for a word seen in training with that
// tag, else the suffix rule the treebank most often applies to words ending the same way with that tag
// ("-ies"/NNS -> "-y", "-ped"/VBD -> "-p"). Both tables are learned from UD EWT and GUM
// (src/nlp/learn/train-lemmatizer.ts); no hand-written list of English endings.

export interface LemmaRule {
  /** Characters cut from the end of the lower-cased form. */
  cut: number;
  add: string;
  /** Lower-case the rest (common words), or keep the form's case (proper nouns). */
  lower: boolean;
}

export interface LemmatizerTables {
  /** "form\tXPOS" (and "lowercased form\tXPOS") -> lemma. */
  known: Record<string, string>;
  /** "XPOS\tsuffix" -> rule, for suffixes of 1 to 5 letters and the empty suffix. */
  rules: Record<string, LemmaRule>;
  longestSuffix: number;
}

export class Lemmatizer {
  private known: Map<string, string>;
  private rules: Map<string, LemmaRule>;

  constructor(private tables: LemmatizerTables) {
    this.known = new Map(Object.entries(tables.known));
    this.rules = new Map(Object.entries(tables.rules));
  }

  lemma(form: string, xpos: string): string {
    const seen = this.known.get(`${form}\t${xpos}`) ?? this.known.get(`${form.toLowerCase()}\t${xpos}`);
    if (seen !== undefined) return seen;
    const lower = form.toLowerCase();
    for (let k = Math.min(this.tables.longestSuffix, lower.length - 1); k >= 0; k--) {
      const rule = this.rules.get(`${xpos}\t${lower.slice(lower.length - k)}`);
      if (rule && rule.cut < form.length) return applyRule(form, rule);
    }
    return form;
  }
}

export function applyRule(form: string, rule: LemmaRule): string {
  const base = rule.lower ? form.toLowerCase() : form;
  return base.slice(0, base.length - rule.cut) + rule.add;
}

/** The rule that turns a form into its lemma, or null when no cut-and-add does. */
export function ruleOf(form: string, lemma: string): LemmaRule | null {
  for (const lower of [false, true]) {
    const base = lower ? form.toLowerCase() : form;
    let common = 0;
    while (common < base.length && common < lemma.length && base[common] === lemma[common]) common++;
    if (common === 0 && base.length > 0 && lemma.length > 0) continue;
    const rule = { cut: base.length - common, add: lemma.slice(common), lower };
    if (applyRule(form, rule) === lemma) return rule;
  }
  return null;
}
