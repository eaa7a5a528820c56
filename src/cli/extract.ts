// orbit extract <inputs...> --json: the extraction contract (src/model/extraction.schema.json) on stdout.
import { parseArgs } from 'node:util';
import type { Actor, ContractArticle, ExtractionResult } from '../model/types.js';
import { RELEASABLE_LAYERS, type Doc } from '../core/doc.js';
import { loadKnowledgeBase } from '../kb/index.js';
import { processInputs } from '../pipeline/index.js';
import { parseThreads } from '../pipeline/threads.js';
import { messagePrinter, GENERATOR } from './output.js';
import { groupIncidents } from '../analyze/incidents.js';

const HELP = `usage: orbit extract <files, folders or URLs...> [--json] [--kb DIR]

Reads .txt, .html, .jsonl, RSS/Atom feeds and folders of them; prints the articles with their actors,
events and relations. --json prints the extraction contract (one JSON object). Each span and claim
carries a "producer" (component, rule, version); 'orbit pipeline' lists the components in order.`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, kb: { type: 'string', multiple: true }, threads: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return void process.stdout.write(HELP + '\n'), 0;
  if (!positionals.length) return void process.stderr.write(`orbit extract: no inputs given\n\n${HELP}\n`), 2;

  const threads = parseThreads(values.threads);
  const kb = loadKnowledgeBase(values.kb);
  const report = messagePrinter();
  const articles: ContractArticle[] = [];
  const actors = new Map<string, Actor>();
  for await (const doc of processInputs(positionals, { kb, kbDirs: values.kb, report: report.print, threads, release: RELEASABLE_LAYERS })) {
    articles.push(contractArticle(doc));
    for (const a of doc.actors) actors.set(a.id, a);
    if (!values.json) process.stdout.write(describe(doc, actors) + '\n');
  }
  if (values.json) {
    const incidents = groupIncidents(articles.flatMap((a) => a.events.map((event) => ({ articleId: a.id, event }))));
    const result: ExtractionResult = { version: '1', generator: GENERATOR, articles, actors: [...actors.values()], incidents };
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  }
  report.summary();
  return report.errors ? 1 : 0;
}

/** The article as the contract has it: the Doc's metadata and claims; its NLP layers and messages stay internal. */
export function contractArticle(doc: Doc): ContractArticle {
  const { id, source, title, publishedAt, author, language, url, text, duplicateOf, spun, relevance, mentions, events, relations } = doc;
  return { id, source, title, publishedAt, author: author ?? null, language: language ?? null, url, text, duplicateOf, spun, relevance, mentions, events, relations };
}

function describe(doc: Doc, actors: Map<string, Actor>): string {
  const name = (id: string) => actors.get(id)?.name ?? id;
  const names = (ids: string[]) => ids.map(name).join(' + ') || '?';
  const lines = [`${doc.source.uri}#${doc.source.index}  ${doc.publishedAt ?? '(no date)'}  ${doc.title ?? '(no title)'}`];
  if (doc.duplicateOf) lines.push(`  ${doc.spun ? 'spun copy' : 'copy'} of ${doc.duplicateOf}`);
  for (const e of doc.events) lines.push(`  ${e.date ?? '?'}  ${names(e.sources)} -> ${e.type}${e.mode ? `/${e.mode}` : ''} -> ${names(e.targets)}${e.modality === 'asserted' ? '' : ` (${e.modality})`}${e.retellings?.length ? `  [told ${e.retellings.length + 1} times]` : ''}`);
  for (const r of doc.relations) lines.push(`  ${name(r.source)} ${r.negated ? 'NOT ' : ''}${r.type}${r.role ? ` (${r.role})` : ''} ${name(r.target)}`);
  return lines.join('\n');
}
