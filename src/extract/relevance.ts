// How much an article is about the loaded theater. Each sentence scores 1 when it names one of the
// theater's own actors or two of its focus states (Iran and Iraq), 0.25 when it names one focus state
// alone. The article's score is the mean, scaled so that a third of the story on the theater counts
// as half about it.
import type { Mention, Span } from '../model/types.js';
import type { KnowledgeBase } from '../kb/index.js';

export function relevance(sentences: Span[], mentions: Mention[], kb: KnowledgeBase): number {
  if (!sentences.length) return 0;
  let total = 0;
  let i = 0;
  for (const s of sentences) {
    while (i < mentions.length && mentions[i].start < s.start) i++;
    let theater = false;
    const focus = new Set<string>();
    for (let k = i; k < mentions.length && mentions[k].end <= s.end; k++) {
      const actor = kb.actor(mentions[k].actorId);
      if (actor?.theater) theater = true;
      else if (actor?.focus) focus.add(actor.id);
    }
    total += theater || focus.size >= 2 ? 1 : focus.size ? 0.25 : 0;
  }
  return Math.round(Math.min(1, (total / sentences.length) * 1.5) * 1000) / 1000;
}
