// orbit ner --conll IN --out OUT: CoNLL-2003 columns in (word first, any columns after it; IOB1, IOB2
// or BILOU tags, or none), the same rows out with the predicted entity tag appended in the scheme the
// input uses (IOB1 when it has no tags). orbit ner TEXT-OR-FILE prints the entities of plain text.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../kb/index.js';
import { sharedAnalyzer } from '../nlp/parser-component.js';
import { sharedRecognizer } from '../nlp/ner-component.js';
import { nerWords } from '../nlp/ner/words.js';
import { parseConll, writeConll } from '../nlp/ner/conll.js';
import { readInputFile } from './output.js';
import { detectScheme, tagsOf, type Scheme } from '../nlp/ner/scheme.js';

const HELP = `usage: orbit ner --conll IN [--out OUT] [--scheme IOB1|IOB2|BILOU]   (IN may be - for stdin; OUT defaults to stdout)
       orbit ner "A text to read."                                    (or a text file)

--conll reads CoNLL-2003 columns (the word first; blank lines between sentences; -DOCSTART- between
documents) and writes the same rows with the predicted tag (PER, ORG, LOC, MISC) as a last column, in
the scheme of the input's last column (IOB1, IOB2 or BILOU; IOB1 when it holds no tags) or --scheme.`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { conll: { type: 'string' }, out: { type: 'string' }, scheme: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return void process.stdout.write(HELP + '\n'), 0;
  if (!values.conll && !positionals.length) return void process.stderr.write(`orbit ner: give --conll IN or a text\n\n${HELP}\n`), 2;
  if (values.scheme && !['IOB1', 'IOB2', 'BILOU'].includes(values.scheme)) return void process.stderr.write(`orbit ner: --scheme must be IOB1, IOB2 or BILOU, not "${values.scheme}"\n`), 2;
  const kb = loadKnowledgeBase();
  const recognizer = sharedRecognizer(kb);
  const analyzer = sharedAnalyzer();

  if (values.conll) {
    const input = readInputFile('ner', values.conll, 'a CoNLL file');
    if (!input) return 1;
    const { name, text } = input;
    const file = parseConll(text, name);
    if (!file.documents.some((d) => d.sentences.length)) {
      process.stderr.write(`orbit ner: ${name}: no sentences (expected one word per line, columns separated by spaces, blank lines between sentences)\n`);
      return 1;
    }
    const given = file.documents.flatMap((d) => d.sentences.flatMap((s) => s.tokens.map((t) => (t.columns.length > 1 ? t.columns.at(-1)! : 'O'))));
    const hasTags = given.some((t) => /^[BILUES]-/.test(t));
    const scheme = (values.scheme as Scheme | undefined) ?? (hasTags ? detectScheme(given) : 'IOB1');
    const predicted = file.documents.map((d) => {
      const sentences = d.sentences.map((s) => {
        const forms = s.tokens.map((t) => t.columns[0]);
        return { forms, upos: analyzer.upos(forms) };
      });
      return recognizer.recognize(sentences).map((spans, k) => tagsOf(spans, sentences[k].forms.length, scheme));
    });
    const out = writeConll(file, (doc, sentence, token) => predicted[doc][sentence][token]);
    if (values.out) writeFileSync(values.out, out);
    else process.stdout.write(out);
    return 0;
  }

  const input = positionals.join(' ');
  const text = existsSync(input) && statSync(input).isFile() ? readFileSync(input, 'utf8') : input;
  const sentences = analyzer.sentences(text).map((s) => nerWords(s.words, text)).map((words) => ({ words, forms: words.map((w) => w.form), upos: analyzer.upos(words.map((w) => w.form)) }));
  recognizer.recognize(sentences).forEach((spans, k) => {
    for (const s of spans) {
      const words = sentences[k].words;
      process.stdout.write(`${s.type}\t${text.slice(words[s.start].start, words[s.end - 1].end)}\n`);
    }
  });
  return 0;
}
