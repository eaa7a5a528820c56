// `orbit <command>`: each command is a module in this folder exporting `run(args)`.
// Commands load lazily so that `orbit clean` never pays for the extraction models.

interface CommandModule {
  run(args: string[]): Promise<number>;
}

const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  extract: { summary: 'read inputs and print actors, events and relations (--json)', load: () => import('./extract.js') },
  clean: { summary: 'read inputs and print the cleaned articles (--json)', load: () => import('./clean.js') },
  ingest: { summary: 'read inputs into a store (--db FILE or postgres://...; --queue for workers)', load: () => import('./ingest.js') },
  worker: { summary: 'read what ingest --queue enqueued into the shared PostgreSQL store', load: () => import('./worker.js') },
  status: { summary: 'what the store holds, and its queue', load: () => import('./status.js') },
  pipeline: { summary: 'print the pipeline: stages and components in order, with requires/assigns', load: () => import('./pipeline.js') },
  export: { summary: "write a window's network (gexf, graphml, csv) or its claims (jsonl) to a file", load: () => import('./export.js') },
  serve: { summary: 'serve the API and the web app (--db FILE --port N)', load: () => import('./serve.js') },
  ner: { summary: 'named entities: CoNLL-2003 in and out (--conll IN --out OUT), or the entities of a text', load: () => import('./ner.js') },
  parse: { summary: 'tag, lemmatize and parse: CoNLL-U in and out (--conllu IN --out OUT), or text as trees', load: () => import('./parse.js') },
  code: { summary: 'the PLOVER type of what a marked source does to a marked target (--pairs IN.jsonl)', load: () => import('./code.js') },
  kb: { summary: 'check the knowledge base (kb check)', load: () => import('./kb.js') },
};

export function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`);
  return `usage: orbit <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nRun 'orbit <command> --help' for a command's options.`;
}

let watchingStdout = false;

/** `orbit extract corpus | head`: the reader went away; that ends the output, not with a stack trace. */
function endQuietlyWhenTheReaderLeaves(): void {
  if (watchingStdout) return;
  watchingStdout = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

export async function main(argv: string[]): Promise<number> {
  endQuietlyWhenTheReaderLeaves();
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`orbit: unknown command '${name}'\n\n${usage()}\n`);
    return 2;
  }
  try {
    return await (await command.load()).run(rest);
  } catch (error) {
    process.stderr.write(`orbit ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
