// A build made ready before anything is asked of the engine: the context's files (after
// .dockerignore) and the hash of them plus the build config, which decides whether the image
// must be built again. File system only, so the engine's observe step and `foxdev build` call it
// directly; docker/build.ts sends the prepared files to the engine.
import { FoxdevError } from '../errors.js';
import type { ResolvedBuild } from '../config/project.js';
import { hashContext, listContext, type ContextFile } from './docker/build-context.js';

export interface BuildInput {
  project: string;
  service: string;
  tag: string;
  build: ResolvedBuild;
}

export interface PreparedBuild extends BuildInput {
  files: ContextFile[];
  hash: string;
}

export async function prepareBuild(input: BuildInput): Promise<PreparedBuild> {
  let files: ContextFile[];
  try {
    files = await listContext(input.build.context, input.build.dockerfile);
  } catch (err) {
    throw new FoxdevError('config', `service ${input.service}: build context ${input.build.context} cannot be read: ${(err as Error).message}`, { cause: err });
  }
  const hash = await hashContext(files, { dockerfile: input.build.dockerfile, target: input.build.target, args: input.build.args });
  return { ...input, files, hash };
}
