// Is an image reference pinned? "node" and "node:latest" move under you; "node:20-slim" or a
// digest do not. Variables resolve through `vars` (Dockerfile ARG defaults) or the compose
// `${VAR:-default}` form; a reference that cannot be resolved is not judged.
export function unpinnedReason(ref: string, vars: Record<string, string> = {}): string | undefined {
  let unresolved = false;
  const image = ref.replace(/\$\{(\w+)(?::?[-?]([^}]*))?\}|\$(\w+)/g, (_, a: string | undefined, def: string | undefined, b: string | undefined) => {
    const name = a ?? b!;
    if (name in vars) return vars[name];
    if (def !== undefined && def !== '' && !/^set /.test(def)) return def;
    unresolved = true;
    return '';
  });
  if (unresolved || !image || image === 'scratch') return undefined;
  if (image.includes('@')) return undefined;
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  if (colon <= slash) return `image ${image} has no tag (it means :latest, which changes under you)`;
  if (image.slice(colon + 1) === 'latest') return `image ${image} uses the moving :latest tag`;
  return undefined;
}
