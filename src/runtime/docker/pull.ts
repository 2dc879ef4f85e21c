// Pull one image through the Engine API. The engine reports a failed pull inside the progress
// stream (an event with `error`) as well as by status, so both are turned into a rejection.
import type Docker from 'dockerode';

export async function pullImage(docker: Docker, image: string): Promise<void> {
  const stream = await docker.pull(image);
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(stream, (err: Error | null, events: Array<{ error?: string }>) => {
      const failed = events?.find((e) => e.error);
      if (err) reject(err);
      else if (failed) reject(new Error(failed.error));
      else resolve();
    });
  });
}
