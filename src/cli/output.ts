// What every command prints the same way: diagnostics on stderr, one line each, naming the input.
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../model/types.js';

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
export const GENERATOR = `orbit ${pkg.version}`;

export function diagnosticPrinter(stream: NodeJS.WritableStream = process.stderr) {
  const counts = { errors: 0, warnings: 0 };
  return {
    get errors() {
      return counts.errors;
    },
    get warnings() {
      return counts.warnings;
    },
    print(d: Diagnostic): void {
      if (d.severity === 'error') counts.errors++;
      if (d.severity === 'warning') counts.warnings++;
      if (d.severity !== 'info') stream.write(`orbit: ${d.uri}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}\n`);
    },
  };
}
