// Article queries: pages of summaries, one article with all that was read from it, and the texts to
// prime duplicate detection. The analysts' judgements apply: the counts leave out claims marked wrong,
// an article's claims carry the judgement on them (the reader strikes them through), and an actor
// merged into another is named as the actor kept.
import type { Message } from '../core/messages.js';
import {
  ARTICLE_SUMMARY_COLUMNS, eventSelect, RELATION_SELECT, producerOf, toArticleSummary, toStoredEvent, toStoredRelation,
  type ArticleSqlRow, type EventSqlRow, type RelationSqlRow,
} from './rows.js';
import { pageBounds, where, type Params, type Sql } from './sql.js';
import type { ActorRef, ArticleDetail, ArticleQuery, ArticleSummary, Page, StoredEvidence, StoredMention } from './types.js';
import { dateInWindow, windowParams } from './window.js';
import { actorMerges, wrongClaimRefs } from './judgements.js';
import { keptArticleClaims, keptRefs } from './views-merged.js';

export function createArticleQueries(sql: Sql & { iterate<T>(sql: string): AsyncIterable<T> }) {
  const d = sql.dialect;
  async function listArticles(query: ArticleQuery = {}): Promise<Page<ArticleSummary>> {
    const { limit, offset } = pageBounds(query);
    const params: Params = { ...windowParams(query), limit, offset };
    const conditions = dateInWindow('a.published_at', query);
    const match = query.q ? d.textQuery(query.q) : null;
    if (query.q && !match) return { total: 0, limit, offset, items: [] };
    if (match) {
      conditions.push(d.articleMatches('a'));
      params.match = match;
    }
    if (query.actor) {
      conditions.push('a.id IN (SELECT article_id FROM mentions WHERE actor_id = @actor)');
      params.actor = query.actor;
    }
    const filter = where(conditions);
    const total = (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM articles a ${filter}`, params))!.n;
    // the page is chosen first, so the per-article counts are made for its rows only
    const order = 'ORDER BY a.published_at IS NULL, a.published_at DESC, a.id';
    const rows = await sql.all<ArticleSqlRow>(
      `SELECT ${ARTICLE_SUMMARY_COLUMNS} FROM articles a
       WHERE a.id IN (SELECT a.id FROM articles a ${filter} ${order} LIMIT @limit OFFSET @offset) ${order}`,
      params,
    );
    return { total, limit, offset, items: rows.map(toArticleSummary) };
  }

  async function getArticle(id: string): Promise<ArticleDetail | null> {
    const row = await sql.get<ArticleSqlRow & { text: string }>(
      `SELECT ${ARTICLE_SUMMARY_COLUMNS}, a.text FROM articles a WHERE a.id = @id`, { id },
    );
    if (!row) return null;
    const mentions = (await sql.all<Omit<StoredMention, 'producer'> & { producer: string | null }>(
        `SELECT m.actor_id AS "actorId", m.start, m."end", m.text, m.method, m.producer FROM mentions m
         WHERE m.article_id = @id ORDER BY m.start, ${d.insertionOrder('m')}`,
        { id },
      ))
      .map((m) => ({ ...m, producer: producerOf(m.producer) }));
    const messages = (await sql.all<Message & { line: number | null; item: number | null; start: number | null; end: number | null }>(
        `SELECT id, component, severity, uri, line, item, start, "end", reason FROM messages WHERE article_id = @id ORDER BY position`,
        { id },
      ))
      // absent positions are left out, as the pipeline gives them
      .map((m) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== null)) as unknown as Message);
    const evidence = await sql.all<StoredEvidence>(
      `SELECT id, article_id AS "articleId", start, "end", sentence, attributed_to AS "attributedTo"
       FROM evidence WHERE article_id = @id ORDER BY start, seq`,
      { id },
    );
    const events = await sql.all<EventSqlRow>(`${eventSelect(d)} WHERE e.article_id = @id ORDER BY ev.start, ${d.insertionOrder('e')}`, { id });
    const relations = await sql.all<RelationSqlRow>(`${RELATION_SELECT} WHERE r.article_id = @id ORDER BY ev.start, ${d.insertionOrder('r')}`, { id });
    const actorIds = await sql.all<{ id: string }>(
      `SELECT actor_id AS id FROM mentions WHERE article_id = @id
       UNION SELECT ea.actor_id AS id FROM event_actors ea JOIN events e ON e.id = ea.event_id WHERE e.article_id = @id
       UNION SELECT source_id AS id FROM relations WHERE article_id = @id
       UNION SELECT target_id AS id FROM relations WHERE article_id = @id`,
      { id },
    );
    const merges = await actorMerges(sql);
    const actors: ActorRef[] = [...new Map([...(await keptRefs(sql, merges, actorIds.map((a) => a.id))).values()].map((a) => [a.id, a])).values()]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const judged = await wrongClaimRefs(sql, [...events.map((e) => e.id), ...relations.map((r) => r.id)]);
    const claims = keptArticleClaims(merges, { mentions, events: events.map(toStoredEvent), relations: relations.map(toStoredRelation) });
    return {
      ...toArticleSummary(row),
      text: row.text,
      mentions: claims.mentions,
      events: claims.events.map((e) => (judged.has(e.id) ? { ...e, judgement: judged.get(e.id)! } : e)),
      relations: claims.relations.map((r) => (judged.has(r.id) ? { ...r, judgement: judged.get(r.id)! } : r)),
      evidence,
      actors,
      messages,
    };
  }

  /**
   * Every stored article, in the order stored: duplicates too, as the pipeline indexes them within a
   * run, so a re-read of any stored article finds itself and keeps its stored link (see write.ts).
   */
  function articleTexts(): AsyncIterable<{ id: string; text: string }> {
    return sql.iterate<{ id: string; text: string }>('SELECT id, text FROM articles ORDER BY seq');
  }

  return { listArticles, getArticle, articleTexts };
}
