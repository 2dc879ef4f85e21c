// The page's prebuilt files (Vite's output in dist/web/static, shipped in the package): served
// from that one folder, never a path outside it, with a content type by extension. Hashed
// assets are cached for good; index.html never, so a new build is picked up on reload.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// '../web/static/' (not './static/'): the same folder from dist/web/ and from the bundled CLI's chunks in dist/cli/.
export const STATIC_DIR = fileURLToPath(new URL('../web/static/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
};

export interface StaticFile {
  body: Buffer;
  type: string;
  immutable: boolean;
}

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>foxdev</title><p>The web dashboard's files are missing from this foxdev (${STATIC_DIR}); run <code>npm run build</code>.</p>`;

/** `pathname` as requested (`/`, `/assets/index-abc.js`); undefined when there is no such file. */
export async function staticFile(pathname: string, dir = STATIC_DIR): Promise<StaticFile | undefined> {
  const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  const file = path.resolve(dir, rel);
  if (!file.startsWith(path.resolve(dir) + path.sep)) return undefined;
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  try {
    return { body: await readFile(file), type, immutable: rel.startsWith('assets/') };
  } catch {
    if (rel === 'index.html') return { body: Buffer.from(NOT_BUILT), type: TYPES['.html'], immutable: false };
    return undefined;
  }
}
