// Saving actors and articles. An article is saved whole in one transaction: its row is upserted and
// everything read from it (mentions, evidence, events, relations) replaced, so saving the same input
// twice stores nothing twice, and a save that fails half-way leaves the previous version as it was.
import { createHash } from 'node:crypto';
import type { Actor, Evidence, Producer } from '../model/types.js';
import { Doc } from '../core/doc.js';
import { stableId } from '../core/ids.js';
import type { Sql } from './sql.js';
import { searchKey } from './text-search.js';
import type { SaveResult } from './types.js';

/** Evidence shared by several claims (one sentence, two events) is stored once. */
export function evidenceId(articleId: string, evidence: Evidence): string {
  return stableId('ev_', articleId, evidence.start, evidence.end, evidence.attributedTo);
}

/**
 * A fingerprint of everything the store keeps of an article (not the NLP layers, which it does not
 * keep). Keys are sorted: a Doc that came through a queue's JSONB (which reorders keys) has the same
 * fingerprint as one that did not.
 */
function contentHash(doc: Doc): string {
  const { id, source, title, publishedAt, url, text, duplicateOf, spun, relevance, mentions, events, relations, actors, messages, author, language } = doc;
  const kept = { id, source, title, publishedAt, author: author ?? null, language: language ?? null, url, text, duplicateOf, spun, relevance, mentions, events, relations, actors, messages, ...(doc.place && { place: doc.place }) };
  return createHash('sha256').update(canonicalJson(kept)).digest('hex');
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(v).sort()) sorted[key] = (v as Record<string, unknown>)[key];
    return sorted;
  });
}

/** Provenance as stored: JSON text, NULL when a claim came without it. */
function producerJson(producer: Producer | undefined): string | null {
  return producer ? JSON.stringify(producer) : null;
}

export function createWriter(sql: Sql) {
  async function upsertActors(tx: Sql, actors: Actor[]): Promise<void> {
    // in id order: two writers upserting the same actors lock them in the same order, so never deadlock
    for (const actor of [...actors].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      await tx.run(
        `INSERT INTO actors (id, name, kind, country, description, discovered, search_key)
         VALUES (@id, @name, @kind, @country, @description, @discovered, @key)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind, country = excluded.country,
           description = excluded.description, discovered = excluded.discovered, search_key = excluded.search_key`,
        {
          id: actor.id, name: actor.name, kind: actor.kind, country: actor.country ?? null, description: actor.description ?? null,
          discovered: actor.discovered ? 1 : 0, key: searchKey(actor.name),
        },
      );
      await tx.run('DELETE FROM aliases WHERE actor_id = @id', { id: actor.id });
      for (const alias of new Set(actor.aliases)) {
        await tx.run('INSERT INTO aliases (actor_id, alias, search_key) VALUES (@id, @alias, @key) ON CONFLICT DO NOTHING', {
          id: actor.id, alias, key: searchKey(alias),
        });
      }
    }
  }

  /** Names the actors an article refers to that neither come with it nor are stored: a clear error, not a bare FK failure. */
  async function checkActorsKnown(tx: Sql, article: Doc, actors: Actor[]): Promise<void> {
    const given = new Set(actors.map((a) => a.id));
    const referred = new Set<string>([
      ...article.mentions.map((m) => m.actorId),
      ...article.events.flatMap((e) => [...e.sources, ...e.targets]),
      ...article.relations.flatMap((r) => [r.source, r.target]),
    ]);
    const unknown: string[] = [];
    for (const id of referred) {
      if (!given.has(id) && !(await tx.get('SELECT 1 AS known FROM actors WHERE id = @id', { id }))) unknown.push(id);
    }
    if (unknown.length) {
      throw new Error(`article ${article.id} refers to unknown actor${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`);
    }
  }

  async function replaceContents(tx: Sql, article: Doc): Promise<void> {
    const id = article.id;
    // events first: evidence rows are referenced by events and relations
    for (const table of ['events', 'relations', 'mentions', 'evidence', 'messages']) {
      await tx.run(`DELETE FROM ${table} WHERE article_id = @id`, { id });
    }

    const savedEvidence = new Set<string>();
    const saveEvidence = async (evidence: Evidence): Promise<string> => {
      const evId = evidenceId(id, evidence);
      if (!savedEvidence.has(evId)) {
        savedEvidence.add(evId);
        await tx.run(
          `INSERT INTO evidence (id, article_id, start, "end", sentence, attributed_to)
           VALUES (@evId, @id, @start, @end, @sentence, @attributedTo)`,
          { evId, id, ...evidence, attributedTo: evidence.attributedTo ?? null },
        );
      }
      return evId;
    };

    for (const mention of article.mentions) {
      await tx.run(
        `INSERT INTO mentions (article_id, actor_id, start, "end", text, method, producer)
         VALUES (@id, @actorId, @start, @end, @text, @method, @producer)`,
        { id, ...mention, method: mention.method ?? 'unknown', producer: producerJson(mention.producer) },
      );
    }

    const savedEvents = new Set<string>();
    for (const event of article.events) {
      if (savedEvents.has(event.id)) continue;
      savedEvents.add(event.id);
      const evidenceRow = await saveEvidence(event.evidence);
      await tx.run(
        `INSERT INTO events (id, article_id, type, mode, cameo, intensity, date, effective_date, location_name,
           location_country, lat, lon, modality, confidence, evidence_id, trigger_start, trigger_end, producer)
         VALUES (@eventId, @id, @type, @mode, @cameo, @intensity, @date, @effectiveDate, @locationName,
           @locationCountry, @lat, @lon, @modality, @confidence, @evidenceId, @triggerStart, @triggerEnd, @producer)`,
        {
          eventId: event.id, id, type: event.type, mode: event.mode, cameo: event.cameo, intensity: event.intensity,
          date: event.date, effectiveDate: event.date ?? article.publishedAt,
          locationName: event.location?.name ?? null, locationCountry: event.location?.country ?? null,
          lat: event.location?.lat ?? null, lon: event.location?.lon ?? null,
          modality: event.modality, confidence: event.confidence, evidenceId: evidenceRow,
          triggerStart: event.trigger?.start ?? null, triggerEnd: event.trigger?.end ?? null,
          producer: producerJson(event.producer),
        },
      );
      for (const [position, telling] of (event.retellings ?? []).entries()) {
        await tx.run(
          'INSERT INTO event_retellings (event_id, evidence_id, position) VALUES (@eventId, @evidenceId, @position)',
          { eventId: event.id, evidenceId: await saveEvidence(telling), position },
        );
      }
      for (const [role, actorIds] of [['source', event.sources], ['target', event.targets]] as const) {
        for (const [position, actorId] of [...new Set(actorIds)].entries()) {
          await tx.run(
            'INSERT INTO event_actors (event_id, actor_id, role, position) VALUES (@eventId, @actorId, @role, @position)',
            { eventId: event.id, actorId, role, position },
          );
        }
      }
    }

    const savedRelations = new Set<string>();
    for (const relation of article.relations) {
      if (savedRelations.has(relation.id)) continue;
      savedRelations.add(relation.id);
      const dated = relation.validFrom !== null || relation.validTo !== null;
      const evidenceRow = await saveEvidence(relation.evidence);
      await tx.run(
        `INSERT INTO relations (id, article_id, type, source_id, target_id, role, valid_from, valid_to, negated,
           confidence, evidence_id, span_from, span_to, producer)
         VALUES (@relationId, @id, @type, @source, @target, @role, @validFrom, @validTo, @negated,
           @confidence, @evidenceId, @spanFrom, @spanTo, @producer)`,
        {
          relationId: relation.id, id, type: relation.type, source: relation.source, target: relation.target,
          role: relation.role, validFrom: relation.validFrom, validTo: relation.validTo,
          negated: relation.negated ? 1 : 0, confidence: relation.confidence,
          evidenceId: evidenceRow,
          spanFrom: dated ? relation.validFrom : article.publishedAt,
          spanTo: dated ? relation.validTo : article.publishedAt,
          producer: producerJson(relation.producer),
        },
      );
    }

    for (const [position, m] of article.messages.entries()) {
      await tx.run(
        `INSERT INTO messages (article_id, position, id, component, severity, uri, line, item, start, "end", reason)
         VALUES (@articleId, @position, @id, @component, @severity, @uri, @line, @item, @start, @end, @reason)`,
        { articleId: id, position, ...m, line: m.line ?? null, item: m.item ?? null, start: m.start ?? null, end: m.end ?? null },
      );
    }
  }

  const saveArticleTransaction = (given: Doc) => sql.transaction(async (tx): Promise<SaveResult> => {
    let article = given;
    const { actors } = given;
    const stored = await tx.get<{ content_hash: string; duplicate_of: string | null; spun: number }>(
      'SELECT content_hash, duplicate_of, spun FROM articles WHERE id = @id', { id: article.id },
    );
    // Duplicate detection is primed with the stored articles, so re-reading a stored article finds
    // itself. Its real link is the one found when it was first read, which only the store knows.
    if (article.duplicateOf === article.id) {
      article = Doc.from({ ...article, duplicateOf: stored?.duplicate_of ?? null, spun: stored ? stored.spun === 1 : false });
    }
    const hash = contentHash(article);
    const result = (status: SaveResult['status']): SaveResult => ({ status, duplicateOf: article.duplicateOf, spun: article.spun });
    if (stored?.content_hash === hash) return result('unchanged');
    await upsertActors(tx, actors);
    await checkActorsKnown(tx, article, actors);
    await tx.run(
      `INSERT INTO articles (id, source_uri, source_index, outlet, title, url, published_at, author, language, text, duplicate_of,
         spun, relevance, place_name, place, content_hash, ingested_at)
       VALUES (@id, @uri, @index, @outlet, @title, @url, @publishedAt, @author, @language, @text, @duplicateOf,
         @spun, @relevance, @placeName, @place, @hash, @now)
       ON CONFLICT(id) DO UPDATE SET source_uri = excluded.source_uri, source_index = excluded.source_index,
         outlet = excluded.outlet, title = excluded.title, url = excluded.url, published_at = excluded.published_at,
         author = excluded.author, language = excluded.language,
         text = excluded.text, duplicate_of = excluded.duplicate_of, spun = excluded.spun,
         relevance = excluded.relevance, place_name = excluded.place_name, place = excluded.place,
         content_hash = excluded.content_hash, ingested_at = excluded.ingested_at`,
      {
        id: article.id, uri: article.source.uri, index: article.source.index, outlet: article.source.outlet ?? null,
        title: article.title, url: article.url, publishedAt: article.publishedAt,
        author: article.author ?? null, language: article.language ?? null, text: article.text,
        duplicateOf: article.duplicateOf, spun: article.spun ? 1 : 0, relevance: article.relevance,
        placeName: article.place?.name ?? null, place: article.place ? JSON.stringify(article.place) : null,
        hash, now: new Date().toISOString(),
      },
    );
    await replaceContents(tx, article);
    return result(stored ? 'updated' : 'new');
  });

  return {
    saveActors: (actors: Actor[]): Promise<void> => sql.transaction((tx) => upsertActors(tx, actors)),
    /** Status 'new', 'updated', or 'unchanged' when exactly this version is already stored. */
    saveArticle: (doc: Doc): Promise<SaveResult> => saveArticleTransaction(doc),
  };
}
