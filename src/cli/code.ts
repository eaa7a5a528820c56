// orbit code --pairs IN.jsonl (or - for stdin): one line {"id","type"} per input line
// {"id","text","source":{"start","end"},"target":{"start","end"}}; type is null when no trigger is found.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { codePair } from '../extract/pairs.js';
import { message } from '../core/messages.js';
import { formatMessage } from './output.js';

const HELP = `usage: orbit code --pairs IN.jsonl   (or --pairs - to read stdin)

Each line: {"id", "text", "source": {"start", "end"}, "target": {"start", "end"}} (UTF-16 offsets).
Prints one line {"id", "type"} each: the PLOVER type of what the source does to the target, or null.`;

interface PairLine {
  id: unknown;
  text: string;
  source: { start: number; end: number };
  target: { start: number; end: number };
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { pairs: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return void process.stdout.write(HELP + '\n'), 0;
  if (!values.pairs) return void process.stderr.write(`orbit code: --pairs is required\n\n${HELP}\n`), 2;
  const name = values.pairs === '-' ? 'stdin' : values.pairs;
  const input = values.pairs === '-' ? process.stdin : createReadStream(values.pairs);
  const opened = new Promise<void>((resolve, reject) => {
    if (values.pairs === '-') resolve();
    input.once('open', () => resolve()).once('error', reject);
  });
  try {
    await opened;
  } catch (error) {
    process.stderr.write(`orbit code: ${name}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}\n`);
    return 1;
  }
  let errors = 0;
  let n = 0;
  for await (const raw of createInterface({ input })) {
    n++;
    if (!raw.trim()) continue;
    try {
      const line = parseLine(raw);
      const { type } = codePair(line.text, line.source, line.target);
      process.stdout.write(JSON.stringify({ id: line.id, type }) + '\n');
    } catch (error) {
      errors++;
      process.stderr.write(formatMessage(message('code.bad-pair-line', 'error', name, (error as Error).message, { line: n })) + '\n');
    }
  }
  return errors ? 1 : 0;
}

function parseLine(raw: string): PairLine {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new Error('not valid JSON');
  }
  const line = value as PairLine;
  if (typeof line?.text !== 'string') throw new Error('"text" must be a string');
  for (const side of ['source', 'target'] as const) {
    const span = line[side];
    if (!span || !Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end > line.text.length || span.start >= span.end) {
      throw new Error(`"${side}" must be {start, end} within the text`);
    }
  }
  return line;
}
