// PURE: a bind mount names a path on the engine's machine. On a remote engine the project's
// files are not there and the container would silently see an empty (or someone else's) folder,
// so a container spec with one is refused there, naming the first such path.
export function remoteBindProblem(service: string, body: Record<string, unknown>, engine: string): { message: string; hint: string } | undefined {
  const host = (body.HostConfig ?? {}) as { Binds?: string[]; Mounts?: Array<{ Type: string; Source?: string }> };
  const sources = [...(host.Binds ?? []).map((b) => b.split(':')[0]), ...(host.Mounts ?? []).filter((m) => m.Type === 'bind').map((m) => m.Source ?? '')];
  // The engine's own socket is on the engine's machine by definition.
  const first = sources.find((s) => s !== '/var/run/docker.sock');
  if (first === undefined) return undefined;
  return {
    message: `services.${service}: bind mount of ${first} on a remote engine (${engine}): that path is on the engine's machine, not this one`,
    hint: 'use a sync rule (develop.watch or x-foxdev sync) for source folders, a named volume for data, or a local engine',
  };
}
