// orbit export --format gexf|graphml|csv|jsonl [--from D] [--to D] [--actor ID]... [--what nodes|edges]
// [--kinds K,..] [--types T,..] [--modality M,..] [--min-evidence N] [--q TEXT] [--db FILE-OR-URL]
// [--out FILE]: the window's network, or its claims, as a file for other tools, with the app's filters.
import { existsSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isPostgresUrl, openStore } from '../store/index.js';
import { EXPORT_FORMATS, ExportInputError, FORMAT_INFO, csvTable, exportFormat, exportWindow } from '../export/index.js';
import { dateWindow, HttpError } from '../server/params.js';
import { exportFilters, flagOf } from '../server/export-params.js';
import { storePath } from './ingest.js';
import { GENERATOR } from './output.js';

const HELP = `usage: orbit export --format ${EXPORT_FORMATS.join('|')} [--from DATE] [--to DATE] [--actor ID]...
                    [--what edges|nodes] [--kinds K,...] [--types T,...] [--modality M,...]
                    [--min-evidence N] [--q TEXT] [--db FILE-OR-URL] [--out FILE]

Writes the network of a date window (the nodes and edges the web app draws: asserted and claimed
claims, copies counted once) or the window's claims, to --out or stdout:
${EXPORT_FORMATS.map((f) => `  ${f.padEnd(8)} ${FORMAT_INFO[f].what}`).join('\n')}
Dates are YYYY, YYYY-MM or YYYY-MM-DD ('--from 2020 --to 2020' is all of 2020). Each --actor keeps
only the edges (or claims) touching that actor, and the actors they reach. The web app's filters
narrow it as they narrow the app: --kinds (actor kinds), --types (event and relation types),
--modality, --min-evidence (sentences a tie needs), --q (the actors it names, else the sentences
it matches). Defaults: --db $ORBIT_DB or .orbit/orbit.db, every date, every actor, --what edges.`;

const fail = (message: string, code: number) => (process.stderr.write(`orbit export: ${message}\n`), code);

export async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        format: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, actor: { type: 'string', multiple: true },
        what: { type: 'string' }, db: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' },
        kinds: { type: 'string' }, types: { type: 'string' }, modality: { type: 'string' }, 'min-evidence': { type: 'string' }, q: { type: 'string' },
      },
    }));
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${HELP}`, 2);
  }
  if (values.help) return void process.stdout.write(HELP + '\n'), 0;
  if (!values.format) return fail(`--format is required (${EXPORT_FORMATS.join(', ')})\n\n${HELP}`, 2);
  if (values.what !== undefined && values.format !== 'csv') return fail(`--what chooses the CSV table; it means nothing for --format ${values.format}`, 2);

  let request;
  try {
    const window = dateWindow(new URLSearchParams(Object.entries({ from: values.from ?? '', to: values.to ?? '' })));
    const filters = exportFilters(new URLSearchParams(Object.entries({
      kinds: values.kinds ?? '', types: values.types ?? '', modality: values.modality ?? '', minEvidence: values['min-evidence'] ?? '', q: values.q ?? '',
    })));
    request = {
      format: exportFormat(values.format), ...window, actors: values.actor ?? [],
      table: values.what === undefined ? undefined : csvTable(values.what), generator: GENERATOR, ...filters,
    };
  } catch (error) {
    if (error instanceof HttpError) return fail(`${flagOf(error.parameter ?? '')}: ${error.message.replace(/^bad parameter '[^']+': /, '')}`, 2);
    if (error instanceof ExportInputError) return fail(`--${error.input}: ${error.message}`, 2);
    throw error;
  }

  const location = storePath(values.db);
  if (!isPostgresUrl(location) && !existsSync(location)) {
    return fail(`no store at ${location}: run orbit ingest first (orbit ingest <inputs> --db ${location})`, 1);
  }
  const store = await openStore(location);
  try {
    const file = await exportWindow(store, request);
    if (!values.out) {
      // a reader that stops early (| head) is no error
      process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') throw error;
      });
      process.stdout.write(file.body);
      return 0;
    }
    try {
      writeFileSync(values.out, file.body);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return fail(`${values.out}: ${code === 'ENOENT' ? 'no such folder' : code === 'EISDIR' ? 'is a folder' : code === 'EACCES' ? 'not allowed to write it' : (error as Error).message}`, 1);
    }
    process.stderr.write(`orbit export: wrote ${values.out} (${request.format}, ${Buffer.byteLength(file.body)} bytes)\n`);
    return 0;
  } catch (error) {
    if (error instanceof ExportInputError) return fail(`--${error.input}: ${error.message}`, 1);
    throw error;
  } finally {
    await store.close();
  }
}
