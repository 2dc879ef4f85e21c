// How seed files are named to people and inside a container. PURE.
// People see paths relative to the project ("db/seed/01-schema.sql") — in plans, hashes and error
// messages alike — so a hash does not change when the project directory moves. Inside the
// container the same relative path is used when it is safe, so psql's own messages
// ("psql:db/seed/01-schema.sql:3: ERROR: …") already read right; a file outside the project gets
// a neutral name and is mapped back.
import path from 'node:path';

export interface SeedFile {
  /** Absolute path on the host. */
  path: string;
  /** Relative to the project directory, '/'-separated: what people read. */
  display: string;
  /** Relative path inside the container's seed directory; never contains "..". */
  inContainer: string;
}

export function seedFiles(files: readonly string[], projectDir: string): SeedFile[] {
  return files.map((file, i) => {
    const display = path.relative(projectDir, file).split(path.sep).join('/');
    const safe = display !== '' && !display.startsWith('../') && display !== '..' && !path.isAbsolute(display);
    return { path: file, display, inContainer: safe ? display : `_outside/${i}/${path.basename(file)}` };
  });
}

/** The deepest directory holding every file: a stable stand-in when no project dir is given. */
export function commonDir(files: readonly string[]): string {
  if (files.length === 0) return path.sep;
  let dir = path.dirname(files[0]);
  for (const f of files) {
    while (!(f === dir || f.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep))) dir = path.dirname(dir);
  }
  return dir;
}
