// Push one image through the Engine API (`foxdev build --push`). As with pulls, the engine
// reports a failed push inside the progress stream, so an `error` event becomes the rejection.
import type Docker from 'dockerode';

export async function pushImage(docker: Docker, image: string, onLine: (line: string) => void): Promise<void> {
  // /images/{name}/push takes the tag apart from the name (a registry port is not a tag).
  const m = /^(.*?)(?::([^:/]+))?$/.exec(image)!;
  const stream = await docker.getImage(m[1]).push({ tag: m[2] ?? 'latest', authconfig: {} } as Docker.ImagePushOptions);
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(
      stream,
      (err: Error | null, events: Array<{ error?: string }>) => {
        const failed = events?.find((e) => e.error);
        if (err) reject(err);
        else if (failed) reject(new Error(failed.error));
        else resolve();
      },
      (e: { status?: string; id?: string }) => {
        if (e.status && !/^(Preparing|Waiting|Pushing)$/.test(e.status)) onLine(e.id ? `${e.id}: ${e.status}` : e.status);
      },
    );
  });
}
