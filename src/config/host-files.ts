// The host files a service names must be there when the project loads, or it would fail later
// (or worse, succeed at nothing): each seed file exists inside the project directory, each seed
// glob matches at least one file (an empty seed would leave an empty database and report
// success), each sync path and a host process's working directory exists. Seed globs are expanded here, to the sorted files a seed
// applies. Reads the file system; the rest of config/ stays pure.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../errors.js';
import { expandGlob, isGlob } from './expand-globs.js';
import { formatPath, type Segment } from './keypath.js';
import type { Service } from './project.js';


export async function checkHostFiles(name: string, s: Service, projectDir: string, rules: { watched: number }, problems: Array<Problem & { segments?: Segment[] }>): Promise<void> {
  const report = (keys: Segment[], message: string) => {
    const segments = ['services', name, ...keys];
    problems.push({ segments, path: formatPath(segments), message });
  };
  const shown = (p: string) => path.relative(projectDir, p) || '.';
  // ../x.sql beside the project reads best relative; /etc/shadow reads best as written.
  const near = (p: string) => (path.relative(projectDir, p).split(path.sep).filter((s) => s === '..').length < projectDir.split(path.sep).filter(Boolean).length ? path.relative(projectDir, p) : p);
  const outside = (p: string) => {
    const rel = path.relative(projectDir, p);
    return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
  };

  if (s.seed) {
    const key: Segment[] = s.seed.kind === 'postgres' ? ['seed', 'postgres', 'files'] : ['seed', 'files'];
    const files: string[] = [];
    for (const [i, pattern] of s.seed.files.entries()) {
      if (outside(pattern)) {
        report([...key, i], `seed file ${near(pattern)} is outside the project directory ${projectDir}`);
        continue;
      }
      if (isGlob(pattern)) {
        const found = await expandGlob(pattern);
        if (found.length === 0) report([...key, i], `${shown(pattern)} matches no file`);
        files.push(...found);
        continue;
      }
      const kind = fileKind(pattern);
      if (kind === 'file') files.push(pattern);
      else report([...key, i], kind === 'missing' ? `seed file ${shown(pattern)} does not exist` : `seed file ${shown(pattern)} is a ${kind}, not a file`);
    }
    s.seed.files = [...new Set(files)];
  }

  // A host process started in a directory that is not there fails only at `up`.
  if (s.run && s.run.cwd !== projectDir && fileKind(s.run.cwd) !== 'directory')
    report(['run', 'cwd'], `${shown(s.run.cwd)} ${fileKind(s.run.cwd) === 'missing' ? 'does not exist' : 'is not a directory'} (run.cwd is where the command starts)`);

  s.sync.forEach((r, i) => {
    if (outside(r.path) || fileKind(r.path) !== 'missing') return; // outside: said in resolve-service.ts
    const at: Segment[] = i < rules.watched ? ['develop', 'watch', i, 'path'] : ['sync', i - rules.watched, 'path'];
    report(at, `sync path ${shown(r.path)} does not exist`);
  });
}

function fileKind(p: string): 'file' | 'directory' | 'missing' | 'special file' {
  try {
    const st = statSync(p);
    return st.isFile() ? 'file' : st.isDirectory() ? 'directory' : 'special file';
  } catch {
    return 'missing';
  }
}
