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
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  const counts = new Map<string, number>();
  for (const w of words.slice(0, 2000)) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best: string | null = null;
  let bestHits = 0;
  for (const [lang, list] of Object.entries(STOPWORDS)) {
    const hits = list.reduce((n, w) => n + (counts.get(w) ?? 0), 0);
    if (hits > bestHits) [best, bestHits] = [lang, hits];
  }
  return bestHits >= MIN_HITS ? best : null;
}
