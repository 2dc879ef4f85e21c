// A build made ready before anything is asked of the engine: the context's files (after
// .dockerignore) and the hash of them plus the build config, which decides whether the image
// must be built again. File system only, so the engine's observe step and `foxdev build` call it
// directly; docker/build.ts sends the prepared files to the engine.
import { FoxdevError } from '../errors.js';
import type { ResolvedBuild } from '../config/project.js';
import { hashContext, INLINE_DOCKERFILE, listContext, type ContextFile } from './docker/build-context.js';

/** What `foxdev build` flags add to a build: not part of the image's identity (hash). */
export interface BuildFlags {
  noCache?: boolean;
  pull?: boolean;
  /** --memory, in bytes. */
  memory?: number;
}

export interface BuildInput {
  project: string;
  service: string;
  tag: string;
  build: ResolvedBuild;
  flags?: BuildFlags;
}

export interface PreparedBuild extends BuildInput {
  files: ContextFile[];
  hash: string;
}

export async function prepareBuild(input: BuildInput): Promise<PreparedBuild> {
  let files: ContextFile[];
  try {
    const inline = input.build.extra?.dockerfile_inline;
    files = await listContext(input.build.context, typeof inline === 'string' ? INLINE_DOCKERFILE : input.build.dockerfile);
    // dockerfile_inline: the text travels in the context tar as a file of its own.
    if (typeof inline === 'string') {
      const content = Buffer.from(inline);
      files = [...files.filter((f) => f.rel !== INLINE_DOCKERFILE), { rel: INLINE_DOCKERFILE, abs: '', mode: 0o644, size: content.length, type: 'file', content }];
    }
  } catch (err) {
    throw new FoxdevError('config', `service ${input.service}: build context ${input.build.context} cannot be read: ${(err as Error).message}`, { cause: err });
  }
  const hash = await hashContext(files, { dockerfile: input.build.dockerfile, target: input.build.target, args: input.build.args, ...(input.build.extra ? { extra: input.build.extra } : {}) });
  return { ...input, files, hash };
}
