// A secret or config declared with `file:` is bind-mounted when a container that uses it is
// created; a missing file fails there, half-way through `up`. Like compose, `config` does not
// look (the file may be made before `up`, and an unused secret never matters); commands that
// create containers check the files their services use before anything starts.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../errors.js';
import { formatPath, type Segment } from './keypath.js';
import type { Service } from './project.js';
import { isPlainObject } from './tags.js';

type Found = Problem & { segments: Segment[] };

export function missingSecretFiles(
  services: Record<string, Service>,
  names: string[],
  sections: Record<'secrets' | 'configs', Record<string, unknown>>,
  projectDir: string,
): Found[] {
  const out: Found[] = [];
  const said = new Set<string>();
  for (const kind of ['secrets', 'configs'] as const)
    for (const name of names) {
      const refs = services[name]?.extra[kind];
      if (!Array.isArray(refs)) continue;
      refs.forEach((r: unknown, i) => {
        const source = isPlainObject(r) ? String(r.source) : String(r);
        const entry = sections[kind][source];
        if (!isPlainObject(entry) || typeof entry.file !== 'string' || existsSync(entry.file) || said.has(`${kind}.${source}`)) return;
        said.add(`${kind}.${source}`);
        const segments = [kind, source, 'file'];
        const file = path.relative(projectDir, entry.file) || entry.file;
        out.push({ segments, path: formatPath(segments), message: `${kind.slice(0, -1)} file ${file} does not exist (${formatPath(['services', name, kind, i])} uses it)` });
      });
    }
  return out;
}
