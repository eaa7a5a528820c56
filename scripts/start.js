#!/usr/bin/env node
// npm start: make sure Orbit is installed and built, ingest the demo corpus into the embedded store
// (idempotent: a second start stores nothing twice), then serve the web app.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// no --db: ingest and serve open $ORBIT_DB, else the checkout's .orbit/orbit.db (src/core/paths.ts),
// the same store `orbit serve`, `status` and `export` open without --db
const port = process.env.PORT ?? '4173';

function step(what, command, args) {
  process.stderr.write(`\n== ${what}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0 && !(what.startsWith('ingest') && result.status === 1)) {
    process.stderr.write(`npm start: '${[command, ...args].join(' ')}' failed (exit ${result.status ?? result.signal})\n`);
    process.exit(result.status ?? 1);
  }
}

if (!existsSync(join(root, 'node_modules', 'better-sqlite3'))) step('installing dependencies', npm, ['ci']);
if (!existsSync(join(root, 'dist', 'src', 'cli', 'main.js')) || !existsSync(join(root, 'dist', 'web', 'index.html'))) step('building', npm, ['run', 'build']);
step('ingest the demo corpus', process.execPath, [join(root, 'bin', 'orbit.js'), 'ingest', join(root, 'corpus', 'demo')]);
step(`serve on http://127.0.0.1:${port}/`, process.execPath, [join(root, 'bin', 'orbit.js'), 'serve', '--port', port]);
