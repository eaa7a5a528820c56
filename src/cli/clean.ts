// orbit clean <inputs...> [--json]: the cleaned articles, without extraction.
import { parseArgs } from 'node:util';
import type { Doc } from '../core/doc.js';
import { cleanInputs } from '../pipeline/clean-inputs.js';
import { spinWarning } from '../clean/spin-component.js';
import { messagePrinter } from './output.js';

const HELP = `usage: orbit clean <files, folders or URLs...> [--json]

Reads .txt, .html, .jsonl, RSS/Atom feeds (optionally .gz), folders of them and http(s) URLs; prints
each article found with its title, date and cleaned text, and which earlier article it copies.
--json prints {"articles":[{"source":{"uri","index","outlet"},"title","publishedAt","text","duplicateOf","id","spun","url","author","language"}]}.`;

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    process.stderr.write(`orbit clean: ${(error as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) return void process.stdout.write(HELP + '\n'), 0;
  if (positionals.length === 0) return void process.stderr.write(`orbit clean: no inputs given\n\n${HELP}\n`), 2;

  const report = messagePrinter();
  const articles: ReturnType<typeof contractArticle>[] = [];
  for await (const article of cleanInputs(positionals, { report: report.print })) {
    // a spun copy with no original is a cleaning finding, though ingest checks it on its threads
    const spun = spinWarning(article);
    if (spun) { article.messages.push(spun); report.print(spun); }
    if (values.json) articles.push(contractArticle(article));
    else process.stdout.write(describe(article) + '\n');
  }
  if (values.json) process.stdout.write(JSON.stringify({ articles }, null, 2) + '\n');
  report.summary();
  return report.errors > 0 ? 1 : 0;
}

/** The stable contract first (source, title, publishedAt, text, duplicateOf), then the extras. */
function contractArticle(a: Doc) {
  return {
    source: { uri: a.source.uri, index: a.source.index, outlet: a.source.outlet },
    title: a.title,
    publishedAt: a.publishedAt,
    text: a.text,
    duplicateOf: a.duplicateOf,
    id: a.id,
    spun: a.spun,
    url: a.url,
    author: a.author ?? null,
    language: a.language ?? null,
    // where each paragraph of `text` stands in the input (see src/core/doc.ts)
    sourceMap: a.sourceMap,
  };
}

function describe(a: Doc): string {
  const words = a.text.split(/\s+/).length;
  const copy = a.duplicateOf ? `  [${a.spun ? 'spun copy' : 'copy'} of ${a.duplicateOf}]` : '';
  return `${a.id}  ${a.source.uri}#${a.source.index}  ${a.publishedAt ?? '(no date)'}  ${a.title ?? '(no title)'}  (${words} words${a.source.outlet ? `, ${a.source.outlet}` : ''})${copy}`;
}
