// The language of a page: what it declares (<html lang>, Content-Language, og:locale, JSON-LD
// inLanguage), else a guess from the commonest short words of its text. ISO 639-1 codes.
import { clean, type JsonNode } from './html-places.js';

/** Each language's most frequent function words: enough to tell the languages of news apart on a paragraph. */
const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'was', 'with', 'on', 'said'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'sich', 'auf', 'ein', 'eine'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'que', 'dans', 'pour', 'pas', 'sur'],
  es: ['el', 'la', 'los', 'que', 'y', 'en', 'del', 'las', 'por', 'una', 'con', 'para'],
  it: ['il', 'di', 'che', 'la', 'e', 'per', 'non', 'una', 'della', 'sono', 'con', 'gli'],
  pt: ['o', 'que', 'de', 'não', 'uma', 'os', 'do', 'da', 'em', 'para', 'com', 'mais'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'niet', 'dat', 'op', 'zijn', 'met', 'voor'],
  ru: ['и', 'в', 'не', 'на', 'что', 'с', 'по', 'как', 'это', 'он', 'из', 'к'],
};
/** Fewer stopword hits than this and the guess is no guess. */
const MIN_HITS = 5;

export function declaredLanguage(document: Document, meta: Map<string, string>, article: JsonNode | null): string | null {
  const declared = [
    document.documentElement?.getAttribute('lang'),
    document.documentElement?.getAttribute('xml:lang'),
    meta.get('content-language'),
    meta.get('og:locale'),
    meta.get('language'),
    meta.get('dc.language'),
    typeof article?.inLanguage === 'string' ? article.inLanguage : null,
  ];
  for (const value of declared) {
    const code = languageCode(value);
    if (code) return code;
  }
  return null;
}

/** "en-GB", "en_US", "EN" -> "en"; null for what is not a language tag. */
export function languageCode(value: string | null | undefined): string | null {
  const text = clean(value);
  const m = text ? /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/i.exec(text.split(',')[0].trim()) : null;
  return m ? m[1].toLowerCase() : null;
}

/** The language whose function words the text uses most, or null when it uses too few of any. */
export function guessLanguage(text: string): string | null {
  const hits = stopwordHits(text);
  const [best, bestHits] = [...hits].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  return bestHits >= MIN_HITS ? best : null;
}

/** How many of each language's function words the text holds (its first 2000 words). */
export function stopwordHits(text: string): Map<string, number> {
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  const counts = new Map<string, number>();
  for (const w of words.slice(0, 2000)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return new Map(Object.entries(STOPWORDS).map(([lang, list]) => [lang, list.reduce((n, w) => n + (counts.get(w) ?? 0), 0)]));
}

/** The text's own language overrules a declared one when its words say so plainly (templates declare "en" on German posts). */
const OVERRULE_HITS = 30;
const OVERRULE_RATIO = 3;

/** The page's language: the declared one unless the text plainly reads as another; the guessed one when none is declared. */
export function pageLanguage(declared: string | null, text: string): string | null {
  if (declared === null) return guessLanguage(text);
  const hits = stopwordHits(text);
  const [best, bestHits] = [...hits].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  const declaredHits = hits.get(declared);
  // Only languages the guesser knows can be overruled, and only by many more of another's words.
  if (best !== null && best !== declared && declaredHits !== undefined && bestHits >= OVERRULE_HITS && bestHits >= OVERRULE_RATIO * Math.max(1, declaredHits)) return best;
  return declared;
}
