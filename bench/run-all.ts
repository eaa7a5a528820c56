// npm run bench: every benchmark in turn, each printing its own figures (or why it skipped).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const benches = ['eval-demo.js', 'nlp.js', 'plover-pairs.js', 'pipeline-throughput.js', 'clean-aeb.js', 'store.js'];
let failed = 0;
for (const bench of benches) {
  console.log(`\n## ${bench.replace(/\.js$/, '')}`);
  const result = spawnSync(process.execPath, [join(here, bench), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
