// The web app's files as Vite built them (npm run build: web/ -> dist/web/), served as they are.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
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
  '.geojson': 'application/geo+json',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The built app, dist/web/ of the checkout, found by walking up from this module (it runs from dist/src/). */
export function defaultWebRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'web', 'index.html'))) {
      const built = join(dir, 'dist', 'web');
      if (!existsSync(join(built, 'index.html'))) throw new Error(`the web app is not built (no ${built}): run npm run build`);
      return built;
    }
    if (dirname(dir) === dir) throw new Error('cannot find the Orbit checkout (package.json and web/) above ' + fileURLToPath(import.meta.url));
  }
}

export interface StaticFile {
  body: Buffer;
  type: string;
}

/** The file for a decoded URL path, or null: nothing outside the root, no dotfiles. */
export async function staticFile(root: string, path: string): Promise<StaticFile | null> {
  const relative = path === '/' ? 'index.html' : path.replace(/^\/+/, '');
  if (relative.split('/').some((part) => part.startsWith('.'))) return null;
  const file = resolve(root, relative);
  if (!file.startsWith(resolve(root) + sep)) return null;
  try {
    return { body: await readFile(file), type: TYPES[extname(file)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
