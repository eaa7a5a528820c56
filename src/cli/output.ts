// What every command prints the same way: messages on stderr, one line each as they happen, naming
// the input and the position, with the rule id; then, at the end, the counts grouped by id.
import { readFileSync } from 'node:fs';
import { countById, whereOf, type Message } from '../core/messages.js';

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
export const GENERATOR = `orbit ${pkg.version}`;

/** "orbit: feed.jsonl:3: invalid JSON on line 3: ... [ingest.bad-jsonl-line]". Info messages are counted, not printed. */
export function formatMessage(m: Message): string {
  return `orbit: ${whereOf(m)}: ${m.severity === 'warning' ? 'warning: ' : ''}${m.reason} [${m.id}]`;
}

export function messagePrinter(stream: NodeJS.WritableStream = process.stderr) {
  const seen: Message[] = [];
  const counts = { errors: 0, warnings: 0 };
  return {
    get errors() {
      return counts.errors;
    },
    get warnings() {
      return counts.warnings;
    },
    print(m: Message): void {
      seen.push(m);
      if (m.severity === 'error') counts.errors++;
      if (m.severity === 'warning') counts.warnings++;
      if (m.severity !== 'info') stream.write(formatMessage(m) + '\n');
    },
    /** The errors and warnings grouped by id, when there were more than one: what to fix first. */
    summary(): void {
      const groups = countById(seen.filter((m) => m.severity !== 'info'));
      if (groups.reduce((n, g) => n + g.count, 0) < 2) return;
      stream.write(`orbit: ${groups.map((g) => `${g.id} ×${g.count}`).join(', ')}\n`);
    },
  };
}

/**
 * A command's input file (or stdin for "-") as text; on failure, writes "orbit CMD: NAME: reason" and
 * gives null. `kind` names what was expected ("a CoNLL-U file").
 */
export function readInputFile(command: string, path: string, kind: string): { name: string; text: string } | null {
  const name = path === '-' ? 'stdin' : path;
  try {
    const text = readFileSync(path === '-' ? 0 : path, 'utf8');
    if (text.includes('\u0000')) {
      process.stderr.write(`orbit ${command}: ${name}: binary data, not ${kind}\n`);
      return null;
    }
    return { name, text };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(`orbit ${command}: ${name}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? `is a folder, not ${kind}` : (error as Error).message}\n`);
    return null;
  }
}
