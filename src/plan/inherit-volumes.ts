// PURE: what a recreated container keeps of the one it replaces. As compose, the anonymous
// volumes of the old container (a `- /data` entry, an image's VOLUME) are mounted again at the
// same place, so a recreate does not throw their data away; `up -V/--renew-anon-volumes` opts out.
type Dict = Record<string, unknown>;

export interface OldMount { type: string; name?: string; destination: string }

/** The body with the old container's anonymous volumes added where the new one mounts nothing else. */
export function inheritAnonymousVolumes(body: Dict, old: OldMount[], namedVolumes: string[]): Dict {
  // The engine names an anonymous volume with 64 hex digits; anything else is a named volume.
  const anonymous = new Map(old.filter((m) => m.type === 'volume' && m.name && /^[0-9a-f]{64}$/.test(m.name) && !namedVolumes.includes(m.name)).map((m) => [m.destination, m.name!]));
  if (!anonymous.size) return body;
  const host = (body.HostConfig ?? {}) as Dict;
  // A `- /data` entry is a volume mount without a source: it takes the old one's.
  const mounts = ((host.Mounts ?? []) as Dict[]).map((m) => {
    const name = m.Type === 'volume' && !m.Source ? anonymous.get(String(m.Target)) : undefined;
    return name ? { ...m, Source: name } : m;
  });
  const taken = new Set(mounts.map((m) => String(m.Target)));
  for (const b of (host.Binds ?? []) as string[]) taken.add(b.split(':')[1] ?? '');
  // An image's VOLUME the new body does not mention: mounted again by name.
  const inherited = [...anonymous].filter(([dest]) => !taken.has(dest)).map(([dest, name]) => ({ Type: 'volume', Source: name, Target: dest }));
  return { ...body, HostConfig: { ...host, Mounts: [...mounts, ...inherited] } };
}
