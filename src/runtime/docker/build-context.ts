// The build context: the files the engine's builder sees (after .dockerignore), their content
// hash (so an unchanged context skips the build), and a tar stream of them.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readFile, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import tar from 'tar-stream';
import { isIgnored, parseDockerignore } from '../dockerignore.js';

/** Where an inline Dockerfile (build.dockerfile_inline) goes in the context tar. */
export const INLINE_DOCKERFILE = '.foxdev.inline.Dockerfile';

export interface ContextFile {
  rel: string;
  abs: string;
  mode: number;
  size: number;
  type: 'file' | 'directory' | 'symlink';
  linkTarget?: string;
  /** A file made by foxdev (an inline Dockerfile) rather than read from `abs`. */
  content?: Buffer;
}

export async function listContext(context: string, dockerfile: string): Promise<ContextFile[]> {
  const ignoreText = await readFile(join(context, '.dockerignore'), 'utf8').catch(() => '');
  const rules = parseDockerignore(ignoreText);
  const out: ContextFile[] = [];
  async function walk(dir: string, prefix: string): Promise<void> {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      // The Dockerfile and .dockerignore always reach the builder, as with `docker build`.
      if (isIgnored(rules, rel) && rel !== dockerfile && rel !== '.dockerignore') {
        if (!e.isDirectory()) continue;
        // An ignored directory may still hold re-included files (`!dir/keep`); only descend when
        // some negation exists.
        if (!rules.negates) continue;
      }
      const abs = join(dir, e.name);
      const st = await lstat(abs);
      if (st.isSymbolicLink()) out.push({ rel, abs, mode: st.mode & 0o7777, size: 0, type: 'symlink', linkTarget: await readlink(abs) });
      else if (st.isDirectory()) {
        out.push({ rel, abs, mode: st.mode & 0o7777, size: 0, type: 'directory' });
        await walk(abs, rel);
      } else if (st.isFile() && !isIgnored(rules, rel)) out.push({ rel, abs, mode: st.mode & 0o7777, size: st.size, type: 'file' });
      else if (st.isFile() && (rel === dockerfile || rel === '.dockerignore')) out.push({ rel, abs, mode: st.mode & 0o7777, size: st.size, type: 'file' });
    }
  }
  await walk(context, '');
  return out;
}

/** Content hash of the context plus the build config; equal hashes mean an identical image. */
export async function hashContext(files: ContextFile[], buildConfig: unknown): Promise<string> {
  const h = createHash('sha256');
  h.update(JSON.stringify(buildConfig));
  for (const f of files) {
    h.update(`\0${f.type}\0${f.rel}\0${f.mode}\0${f.linkTarget ?? ''}\0`);
    if (f.type === 'file') h.update(f.content ?? (await readFile(f.abs)));
  }
  return h.digest('hex').slice(0, 16);
}

export function packContext(files: ContextFile[]): tar.Pack {
  const pack = tar.pack();
  (async () => {
    for (const f of files) {
      if (f.type === 'directory') pack.entry({ name: f.rel, type: 'directory', mode: f.mode });
      else if (f.type === 'symlink') pack.entry({ name: f.rel, type: 'symlink', linkname: f.linkTarget, mode: f.mode });
      else if (f.content) pack.entry({ name: f.rel, size: f.size, mode: f.mode }, f.content);
      else {
        await new Promise<void>((resolve, reject) => {
          const entry = pack.entry({ name: f.rel, size: f.size, mode: f.mode }, (err) => (err ? reject(err) : resolve()));
          createReadStream(f.abs).on('error', reject).pipe(entry);
        });
      }
    }
    pack.finalize();
  })().catch((err) => pack.destroy(err));
  return pack;
}
