// What foxdev does with each compose `build:` key. foxdev builds through the engine's /build API
// (the classic builder; BuildKit needs a gRPC session foxdev does not open), which takes most of
// compose's keys (runtime/docker/build-options.ts maps them). The BuildKit-only ones are refused
// by the commands that build, with the reason, rather than dropped: a build without its secret or
// ssh agent would fail later, or worse, succeed differently. Pure.
import { formatPath, type Segment } from './keypath.js';
import type { Service } from './project.js';
import type { Problem } from '../errors.js';

type Found = Problem & { segments: Segment[] };

/** build keys that reach the /build query (or the context tar, for dockerfile_inline). */
export const BUILD_APPLIED = new Set([
  'context', 'dockerfile', 'dockerfile_inline', 'args', 'target', 'labels', 'tags', 'cache_from', 'no_cache', 'pull',
  'extra_hosts', 'network', 'shm_size', 'ulimits', 'platforms', 'isolation',
]);

const BUILDKIT = 'it needs BuildKit, and foxdev builds with the engine’s classic builder';
const BUILD_REFUSED: Record<string, string> = {
  ssh: BUILDKIT,
  secrets: BUILDKIT,
  cache_to: BUILDKIT,
  additional_contexts: BUILDKIT,
  entitlements: BUILDKIT,
  provenance: BUILDKIT,
  sbom: BUILDKIT,
};

/** The build keys foxdev cannot apply, for the services a command would build. */
export function buildRefusals(services: Record<string, Service>, names: string[]): Found[] {
  const out: Found[] = [];
  for (const name of names) {
    const s = services[name];
    if (!s?.build || s.kind === 'process') continue;
    const x = s.build.extra ?? {};
    const add = (keys: Segment[], message: string) => {
      const segments = ['services', name, 'build', ...keys];
      out.push({ segments, path: formatPath(segments), message });
    };
    for (const [key, value] of Object.entries(x)) {
      if (key.startsWith('x-') || value === undefined || value === null) continue;
      if (key in BUILD_REFUSED) {
        // provenance/sbom false and an empty list ask for nothing.
        if (value === false || value === 'false' || (Array.isArray(value) && value.length === 0)) continue;
        add([key], `foxdev cannot apply "build.${key}": ${BUILD_REFUSED[key]}`);
      } else if (key === 'privileged' && (value === true || value === 'true')) add([key], `foxdev cannot apply "build.privileged": ${BUILDKIT}`);
      else if (key === 'platforms' && Array.isArray(value) && value.length > 1)
        add([key], `foxdev builds one platform at a time (the engine’s classic builder); got ${value.length}: ${value.join(', ')}`);
      else if (!BUILD_APPLIED.has(key) && key !== 'privileged') add([key], `foxdev does not know how to apply "build.${key}"`);
    }
  }
  return out;
}
