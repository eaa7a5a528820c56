// orbit parse --conllu IN --out OUT: fills LEMMA, UPOS, XPOS, HEAD and DEPREL of a CoNLL-U file, keeping
// its tokenisation, comments and every other column. orbit parse TEXT-OR-FILE: tokenises, splits and
// parses plain text and prints each sentence as a tree for a person to read.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Analysis } from '../nlp/analyzer.js';
import { formatConllu, parseConllu } from '../nlp/conllu.js';
import { sharedAnalyzer } from '../nlp/parser-component.js';
import { readInputFile } from './output.js';

const HELP = `usage: orbit parse --conllu IN.conllu [--out OUT.conllu]   (IN may be - for stdin; OUT defaults to stdout)
       orbit parse "A sentence to parse."                   (or a text file)

--conllu reads CoNLL-U with at least the ID and FORM columns (blank lines between sentences), keeps the
given tokenisation, and writes the same rows with LEMMA, UPOS, XPOS, HEAD and DEPREL filled in.
Otherwise the text is split into sentences and words and each sentence is printed as a tree.`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { conllu: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return void process.stdout.write(HELP + '\n'), 0;
  if (!values.conllu && !positionals.length) return void process.stderr.write(`orbit parse: give --conllu IN or a text\n\n${HELP}\n`), 2;

  if (values.conllu) {
    const input = readInputFile('parse', values.conllu, 'a CoNLL-U file');
    if (!input) return 1;
    const { name, text } = input;
    let sentences;
    try {
      sentences = parseConllu(text, name);
    } catch (error) {
      process.stderr.write(`orbit parse: ${(error as Error).message}\n`);
      return 1;
    }
    if (!sentences.length) {
      process.stderr.write(`orbit parse: ${name}: no sentences (expected CoNLL-U: tab-separated ID and FORM columns, blank lines between sentences)\n`);
      return 1;
    }
    const analyzer = sharedAnalyzer();
    const out = sentences.map((s) => formatConllu(s, toRows(analyzer.analyze(s.words.map((w) => w.form))))).join('');
    if (values.out) writeFileSync(values.out, out);
    else process.stdout.write(out);
    return 0;
  }

  const input = positionals.join(' ');
  const text = existsSync(input) && statSync(input).isFile() ? readFileSync(input, 'utf8') : input;
  const analyzer = sharedAnalyzer();
  for (const sentence of analyzer.sentences(text)) {
    const forms = sentence.words.map((w) => w.form);
    process.stdout.write(drawTree(text.slice(sentence.start, sentence.end), forms, analyzer.analyze(forms)) + '\n');
  }
  return 0;
}

function toRows(a: Analysis) {
  return a.upos.map((upos, i) => ({ lemma: a.lemma[i], upos, xpos: a.xpos[i], head: a.head[i], deprel: a.deprel[i] }));
}

/** The sentence, then its words as an indented tree: each under its head, with tag, relation and lemma. */
export function drawTree(sentence: string, forms: string[], a: Analysis): string {
  const children = forms.map(() => [] as number[]);
  const roots: number[] = [];
  a.head.forEach((h, i) => (h < 0 ? roots.push(i) : children[h].push(i)));
  const lines = [`# ${sentence}`];
  const visit = (i: number, prefix: string, last: boolean, top: boolean) => {
    const branch = top ? '' : last ? '└─ ' : '├─ ';
    const lemma = a.lemma[i] !== forms[i] ? `  (${a.lemma[i]})` : '';
    lines.push(`${prefix}${branch}${forms[i]}  ${a.upos[i]}/${a.xpos[i]}  ${a.deprel[i]}${lemma}`);
    const next = top ? prefix : prefix + (last ? '   ' : '│  ');
    children[i].forEach((c, k) => visit(c, next, k === children[i].length - 1, false));
  };
  roots.forEach((r) => visit(r, '', true, true));
  return lines.join('\n') + '\n';
}
