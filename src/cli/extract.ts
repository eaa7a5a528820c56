// orbit extract <inputs...> --json: the extraction contract (src/model/extraction.schema.json) on stdout.
import { parseArgs } from 'node:util';
import type { Actor, Article, ContractArticle, ExtractionResult } from '../model/types.js';
import { loadKnowledgeBase } from '../kb/index.js';
import { processInputs } from '../pipeline/index.js';
import { diagnosticPrinter, GENERATOR } from './output.js';
import { groupIncidents } from '../analyze/incidents.js';

const HELP = `usage: orbit extract <files, folders or URLs...> [--json] [--kb DIR]

Reads .txt, .html, .jsonl, RSS/Atom feeds and folders of them; prints the articles with their actors,
events and relations. --json prints the extraction contract (one JSON object).`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, kb: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return void process.stdout.write(HELP + '\n'), 0;
  if (!positionals.length) return void process.stderr.write(`orbit extract: no inputs given\n\n${HELP}\n`), 2;

  const kb = loadKnowledgeBase(values.kb);
  const report = diagnosticPrinter();
  const articles: Article[] = [];
  const actors = new Map<string, Actor>();
  for await (const { article, actors: used } of processInputs(positionals, { kb, report: report.print })) {
    articles.push(article);
    for (const a of used) actors.set(a.id, a);
    if (!values.json) process.stdout.write(describe(article, actors) + '\n');
  }
  if (values.json) {
    const incidents = groupIncidents(articles.flatMap((a) => a.events.map((event) => ({ articleId: a.id, event }))));
    const result: ExtractionResult = { version: '1', generator: GENERATOR, articles: articles.map(contractArticle), actors: [...actors.values()], incidents };
    process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  }
  return report.errors ? 1 : 0;
}

/** The article as the contract has it: the NLP scaffolding (sentences, diagnostics) stays internal. */
function contractArticle(article: Article): ContractArticle {
  const { sentences: _s, diagnostics: _d, ...rest } = article;
  return rest;
}

function describe(article: Article, actors: Map<string, Actor>): string {
  const name = (id: string) => actors.get(id)?.name ?? id;
  const names = (ids: string[]) => ids.map(name).join(' + ') || '?';
  const lines = [`${article.source.uri}#${article.source.index}  ${article.publishedAt ?? '(no date)'}  ${article.title ?? '(no title)'}`];
  if (article.duplicateOf) lines.push(`  ${article.spun ? 'spun copy' : 'copy'} of ${article.duplicateOf}`);
  for (const e of article.events) lines.push(`  ${e.date ?? '?'}  ${names(e.sources)} -> ${e.type}${e.mode ? `/${e.mode}` : ''} -> ${names(e.targets)}${e.modality === 'asserted' ? '' : ` (${e.modality})`}`);
  for (const r of article.relations) lines.push(`  ${name(r.source)} ${r.negated ? 'NOT ' : ''}${r.type}${r.role ? ` (${r.role})` : ''} ${name(r.target)}`);
  return lines.join('\n');
}
