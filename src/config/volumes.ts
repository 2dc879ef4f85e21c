// Compose volume syntax → long form, pure. Short form: [SOURCE:]TARGET[:MODE]. A source that looks
// like a path (".", "/", "~") is a bind mount resolved against `baseDir`; otherwise it names a volume;
// no source at all is an anonymous volume.
import path from 'node:path';

export interface LongVolume {
  type: 'bind' | 'volume' | 'tmpfs' | 'image' | 'npipe' | 'cluster';
  source?: string;
  target: string;
  read_only?: boolean;
  consistency?: string;
  bind?: Record<string, unknown>;
  volume?: Record<string, unknown>;
  tmpfs?: Record<string, unknown>;
  image?: Record<string, unknown>;
}

export interface PathContext {
  baseDir: string;
  home: string;
}

export function resolveHostPath(p: string, ctx: PathContext): string {
  if (p === '~' || p.startsWith('~/')) return path.join(ctx.home, p.slice(1));
  return cleanPath(path.resolve(ctx.baseDir, p));
}

/** Remove trailing slashes and "./" noise, as compose does for mount paths. */
export function cleanPath(p: string): string {
  const n = path.posix.normalize(p);
  return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
}

const isPathLike = (s: string) => s.startsWith('.') || s.startsWith('/') || s.startsWith('~') || /^[A-Za-z]:[\\/]/.test(s);

export function parseVolume(spec: unknown, ctx: PathContext): LongVolume | string {
  if (typeof spec === 'string') return parseShortVolume(spec, ctx);
  if (spec && typeof spec === 'object') {
    const o = { ...(spec as Record<string, unknown>) } as Record<string, unknown>;
    if (typeof o.target !== 'string') return `volume target must be a path, got ${JSON.stringify(o.target)}`;
    if (!isContainerPath(o.target)) return `volume target ${JSON.stringify(o.target)} must be an absolute path in the container`;
    o.target = cleanPath(o.target);
    if (o.type === 'bind' && typeof o.source === 'string') o.source = resolveHostPath(o.source, ctx);
    return o as unknown as LongVolume;
  }
  return `expected a volume, got ${JSON.stringify(spec)}`;
}

/** The engine mounts at absolute paths only (a Windows container's C:\\ paths included). */
const isContainerPath = (p: string) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p);

function parseShortVolume(text: string, ctx: PathContext): LongVolume | string {
  const parts = text.split(':');
  const relative = (target: string) => `invalid volume "${text}": the container path "${target}" must be absolute (start with /)`;
  if (parts.length === 1) return isContainerPath(text) ? { type: 'volume', target: cleanPath(text) } : relative(text);
  if (parts.length > 3 || parts.some((p) => p === '')) return `invalid volume "${text}": expected [SOURCE:]TARGET[:MODE]`;
  const [source, target, mode = ''] = parts;
  if (!isContainerPath(target)) return relative(target);
  const options = mode.split(',').filter(Boolean);
  const vol: LongVolume = isPathLike(source)
    ? { type: 'bind', source: resolveHostPath(source, ctx), target: cleanPath(target), bind: { create_host_path: true } }
    : { type: 'volume', source, target: cleanPath(target), volume: {} };
  for (const opt of options) {
    if (opt === 'ro') vol.read_only = true;
    else if (opt === 'rw') continue;
    else if (opt === 'z' || opt === 'Z') vol.bind = { ...vol.bind, selinux: opt };
    else if (opt === 'nocopy') vol.volume = { ...vol.volume, nocopy: true };
    else if (['shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate'].includes(opt)) vol.bind = { ...vol.bind, propagation: opt };
    else if (['consistent', 'cached', 'delegated'].includes(opt)) vol.consistency = opt;
    else return `invalid volume "${text}": unknown mode "${opt}"`;
  }
  if (vol.volume && Object.keys(vol.volume).length === 0) delete vol.volume;
  return vol;
}
