// orbit pipeline: the stages and document components in the order they run, with what each requires
// and assigns, and its version. The same list the runner checks at start-up.
import { parseArgs } from 'node:util';
import { checkOrder } from '../pipeline/component.js';
import { DOCUMENT_COMPONENTS, GIVEN_LAYERS, STAGES_AFTER, STAGES_BEFORE } from '../pipeline/components.js';

const HELP = `usage: orbit pipeline [--json]

Prints the pipeline: the stages over many documents (ingest, clean, dedupe, then incidents) and the
document components in order, each with the layers it requires and assigns and its version.`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return void process.stdout.write(HELP + '\n'), 0;
  checkOrder(DOCUMENT_COMPONENTS, GIVEN_LAYERS);
  if (values.json) {
    const components = DOCUMENT_COMPONENTS.map(({ name, requires, assigns, version, description }) => ({ name, requires, assigns, version, description }));
    process.stdout.write(JSON.stringify({ before: STAGES_BEFORE, components, after: STAGES_AFTER }, null, 2) + '\n');
    return 0;
  }
  process.stdout.write(describePipeline() + '\n');
  return 0;
}

export function describePipeline(): string {
  const width = Math.max(...DOCUMENT_COMPONENTS.map((c) => c.name.length), ...STAGES_BEFORE.map((s) => s.name.length));
  const lines = ['stages before (over many documents):'];
  for (const s of STAGES_BEFORE) lines.push(`  ${s.name.padEnd(width)}  assigns ${list(s.assigns)}  — ${s.description}`);
  lines.push('document components (one Doc at a time, in order):');
  DOCUMENT_COMPONENTS.forEach((c, i) => {
    lines.push(`  ${String(i + 1).padStart(2)}. ${c.name.padEnd(width)}  v${c.version}  requires ${list(c.requires)}  assigns ${list(c.assigns)}`);
    lines.push(`      ${' '.repeat(width)}  ${c.description}`);
  });
  lines.push('stages after (over many documents):');
  for (const s of STAGES_AFTER) lines.push(`  ${s.name.padEnd(width)}  — ${s.description}`);
  return lines.join('\n');
}

function list(layers: readonly string[]): string {
  return layers.length ? layers.join(', ') : '-';
}
