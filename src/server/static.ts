// The web app's files, and cytoscape from node_modules, served as they are (no bundler).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** The vendored scripts the page loads, by URL path. */
const VENDOR: Record<string, string> = {
  '/vendor/cytoscape.min.js': createRequire(import.meta.url).resolve('cytoscape/dist/cytoscape.min.js'),
};

/** The repository's web/ folder, found by walking up from this module (it runs from src/ or dist/src/). */
export function defaultWebRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'web', 'index.html')) && existsSync(join(dir, 'package.json'))) return join(dir, 'web');
    if (dirname(dir) === dir) throw new Error('cannot find the web/ folder of the Orbit checkout');
  }
}

export interface StaticFile {
  body: Buffer;
  type: string;
}

/** The file for a decoded URL path, or null: nothing outside the root, no dotfiles. */
export async function staticFile(root: string, path: string): Promise<StaticFile | null> {
  let file = VENDOR[path];
  if (!file) {
    const relative = path === '/' ? 'index.html' : path.replace(/^\/+/, '');
    if (relative.split('/').some((part) => part.startsWith('.'))) return null;
    file = resolve(root, relative);
    if (!file.startsWith(resolve(root) + sep)) return null;
  }
  try {
    return { body: await readFile(file), type: TYPES[extname(file)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
