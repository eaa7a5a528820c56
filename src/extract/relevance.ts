// How much an article is about the loaded theater: the share of its sentences that name a theater actor,
// scaled so that an article with a third of its sentences on the theater counts as half about it.
import type { Mention, Span } from '../model/types.js';
import type { KnowledgeBase } from '../kb/index.js';

export function relevance(sentences: Span[], mentions: Mention[], kb: KnowledgeBase): number {
  if (!sentences.length) return 0;
  const theater = mentions.filter((m) => kb.actor(m.actorId)?.theater);
  const covered = sentences.filter((s) => theater.some((m) => m.start >= s.start && m.end <= s.end)).length;
  const share = covered / sentences.length;
  return Math.round(Math.min(1, share * 1.5) * 1000) / 1000;
}
