// Tar in and out of the host file system for `foxdev cp` (tar-stream is the dependency we have;
// tar-fs is only a transitive one). Extraction refuses entries that would land outside `dir`.
import { createWriteStream } from 'node:fs';
import { lstat, mkdir, readdir, readFile, readlink, stat, symlink, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extract, pack } from 'tar-stream';
import { FoxdevError } from '../errors.js';

export async function extractTo(archive: Readable, dir: string, rename: (name: string) => string): Promise<void> {
  const root = path.resolve(dir);
  const ex = extract();
  archive.pipe(ex);
  for await (const entry of ex) {
    const h = entry.header;
    const dest = path.resolve(root, rename(h.name));
    if (dest !== root && !dest.startsWith(root + path.sep)) throw new FoxdevError('io', `refusing archive entry outside ${root}: ${h.name}`);
    if (h.type === 'directory') await mkdir(dest, { recursive: true, mode: h.mode });
    else if (h.type === 'symlink') {
      await unlink(dest).catch(() => {});
      await symlink(h.linkname ?? '', dest);
    } else if (h.type === 'file') {
      await mkdir(path.dirname(dest), { recursive: true });
      await pipeline(entry, createWriteStream(dest, { mode: h.mode }));
      continue;
    }
    entry.resume();
  }
}

/**
 * A tar of `src` (file, directory tree or symlink) whose top entry is named `top`; with
 * `followLink`, a symbolic link at `src` itself is replaced by what it points to (`cp -L`).
 */
export async function packPath(src: string, top: string, o: { followLink?: boolean } = {}): Promise<Buffer> {
  const tar = pack();
  const add = async (host: string, name: string): Promise<void> => {
    const st = o.followLink && host === src ? await stat(host) : await lstat(host);
    const base = { name, mode: st.mode & 0o7777, mtime: st.mtime, uid: st.uid, gid: st.gid };
    if (st.isSymbolicLink()) tar.entry({ ...base, type: 'symlink', linkname: await readlink(host) });
    else if (st.isDirectory()) {
      tar.entry({ ...base, type: 'directory' });
      for (const child of (await readdir(host)).sort()) await add(path.join(host, child), `${name}/${child}`);
    } else if (st.isFile()) tar.entry(base, await readFile(host));
  };
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const c of tar) chunks.push(c as Buffer);
  })();
  await add(src, top);
  tar.finalize();
  await done;
  return Buffer.concat(chunks);
}
