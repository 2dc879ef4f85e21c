// Image builds through the Engine API: the context tar goes to /build, the builder's output
// comes back as JSON lines and becomes the service's log.
import type Docker from 'dockerode';
import { FoxdevError } from '../../errors.js';
import { LABEL_BUILD_HASH } from '../../names/labels.js';
import type { PreparedBuild } from '../build-prepare.js';
import { packContext } from './build-context.js';
import { buildQuery } from './build-options.js';

// Preparing (listing and hashing the context) needs no engine: it lives in ../build-prepare.ts,
// where the engine's planner can call it; re-exported for the callers of this file.
export { prepareBuild, type BuildInput, type PreparedBuild } from '../build-prepare.js';

/** The build hash recorded on the service's current image, if it exists. */
export async function imageBuildHash(docker: Docker, tag: string): Promise<string | undefined> {
  try {
    const info = await docker.getImage(tag).inspect();
    return info.Config?.Labels?.[LABEL_BUILD_HASH];
  } catch {
    return undefined;
  }
}

export async function buildImage(docker: Docker, b: PreparedBuild, onLine: (line: string) => void, signal?: AbortSignal): Promise<void> {
  const stream = await docker.buildImage(packContext(b.files) as unknown as NodeJS.ReadableStream, {
    ...buildQuery(b),
    abortSignal: signal,
  } as Docker.ImageBuildOptions);
  // What the one-line failure names: the step that failed, and a full disk when that was why.
  let step = '';
  let noSpace = '';
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(
      stream,
      (err: Error | null, output: Array<{ error?: string }>) => {
        const failed = err?.message ?? output?.find((o) => o.error)?.error;
        if (!failed) return resolve();
        const why = noSpace && !/no space left/i.test(failed) ? `no space left on device (${noSpace}); ` : '';
        reject(new FoxdevError('engine', `build of ${b.service} failed${step ? ` at ${step}` : ''}: ${why}${failed.trim()}`, { hint: why ? 'free disk space (docker system df, docker builder prune) and run up again' : undefined }));
      },
      (event: { stream?: string; status?: string; error?: string }) => {
        const text = event.stream ?? event.status ?? event.error ?? '';
        for (const raw of text.split('\n')) {
          const line = raw.replace(/\r$/, '');
          if (!line.trim()) continue;
          const m = /^Step (\d+\/\d+) : /.exec(line);
          if (m) step = `step ${m[1]}`;
          // eslint-disable-next-line no-control-regex
          if (/no space left on device/i.test(line)) noSpace = line.replace(/\x1b\[[0-9;]*m/g, '').trim();
          onLine(line);
        }
      },
    );
  });
}
