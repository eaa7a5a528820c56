// orbit kb check [--kb DIR]: load and validate the knowledge base, report problems and what it holds.
import { parseArgs } from 'node:util';
import { KnowledgeBaseError, loadKnowledgeBase } from '../kb/index.js';
import { aliasConflicts } from '../kb/conflicts.js';

const HELP = `usage: orbit kb check [--kb DIR]

Validates every pack under kb/ (or DIR): file shapes, unique ids, references between actors and roles,
and aliases that name two actors.`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { kb: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return void process.stdout.write(HELP + '\n'), 0;
  if (positionals[0] !== 'check') return void process.stderr.write(`orbit kb: expected 'check'\n\n${HELP}\n`), 2;
  try {
    const kb = loadKnowledgeBase(values.kb);
    const conflicts = aliasConflicts(kb);
    for (const c of conflicts) process.stderr.write(`orbit kb: warning: alias '${c.alias}' names ${c.actorIds.join(' and ')}\n`);
    const aliases = kb.actors.reduce((n, a) => n + a.aliases.length, 0);
    process.stdout.write(`ok: ${kb.actors.length} actors (${aliases} aliases), ${kb.roles.length} roles, ${kb.places.length} places, ${kb.affiliations.length} affiliations\n`);
    return 0;
  } catch (error) {
    if (error instanceof KnowledgeBaseError) {
      process.stderr.write(`orbit kb: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
