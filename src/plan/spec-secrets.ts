// PURE: a service's secrets and configs, placed as compose places them. File-based ones are
// read-only bind mounts (what compose does); environment- and content-based ones have no host
// file, so the engine code copies them into the created container before it starts (compose's
// way too), with the entry's uid, gid and mode. Secrets land in /run/secrets/<target or name>,
// configs at /<name> or their target.
import path from 'node:path/posix';
import type { Project, Service } from '../config/project.js';

type Dict = Record<string, unknown>;

export type SecretSource = { kind: 'file'; path: string } | { kind: 'environment'; variable: string } | { kind: 'content'; text: string };

export interface SecretPlacement {
  kind: 'secret' | 'config';
  name: string; // top-level key
  target: string; // absolute container path
  source: SecretSource;
  uid: number;
  gid: number;
  mode: number;
}

export interface SecretProblem {
  path: string; // key path
  message: string;
  /** Key path of the top-level entry, for the file that wrote it. */
  entry?: [string, string];
}

export function servicePlacements(project: Project, svc: Service): { placements: SecretPlacement[]; problems: SecretProblem[] } {
  const placements: SecretPlacement[] = [];
  const problems: SecretProblem[] = [];
  for (const kind of ['secret', 'config'] as const) {
    const section = `${kind}s` as const;
    const refs = Array.isArray(svc.extra[section]) ? (svc.extra[section] as Dict[]) : [];
    const declared = (project[section] ?? {}) as Record<string, Dict>;
    refs.forEach((ref, i) => {
      const name = String(ref.source);
      const at = `services.${svc.name}.${section}[${i}]`;
      const top = declared[name];
      if (!top) {
        problems.push({ path: at, message: `uses ${kind} "${name}", which is not declared under top-level "${section}"` });
        return;
      }
      const source = sourceOf(top);
      if (!source) {
        const why = top.external ? 'external secrets and configs need swarm' : 'it has none of "file", "environment" or "content"';
        problems.push({ path: `${section}.${name}`, message: `${kind} "${name}" cannot be used here: ${why}`, entry: [section, name] });
        return;
      }
      placements.push({
        kind,
        name,
        target: targetOf(kind, name, ref.target),
        source,
        uid: num(ref.uid, 0),
        gid: num(ref.gid, 0),
        mode: num(ref.mode, 0o444),
      });
    });
  }
  return { placements, problems };
}

function sourceOf(top: Dict): SecretSource | undefined {
  if (typeof top.file === 'string') return { kind: 'file', path: top.file };
  if (typeof top.environment === 'string') return { kind: 'environment', variable: top.environment };
  if (typeof top.content === 'string') return { kind: 'content', text: top.content };
  return undefined;
}

export function targetOf(kind: 'secret' | 'config', name: string, target: unknown): string {
  const t = typeof target === 'string' && target !== '' ? target : name;
  if (path.isAbsolute(t)) return t;
  return kind === 'secret' ? path.join('/run/secrets', t) : path.join('/', t);
}

// Modes may come as numbers (0440 read as octal by the YAML loader) or as strings ("0440").
function num(v: unknown, fallback: number): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\d+$/.test(v)) return v.startsWith('0') ? parseInt(v, 8) : Number(v);
  return fallback;
}

/** The read-only bind mounts for the file-based placements (HostConfig.Mounts entries). */
export function secretMounts(placements: SecretPlacement[]): Dict[] {
  return placements.flatMap((p) => (p.source.kind === 'file' ? [{ Type: 'bind', Source: p.source.path, Target: p.target, ReadOnly: true }] : []));
}

/** What goes into the config hash: where each lands and from what, never the secret's value. */
export function placementsForHash(placements: SecretPlacement[]): unknown[] {
  return placements.map((p) => ({ ...p, source: p.source.kind === 'content' ? { kind: 'content', length: p.source.text.length } : p.source }));
}
