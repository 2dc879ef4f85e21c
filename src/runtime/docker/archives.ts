// Files in and out of a container by id through the Engine API's archive endpoints (`foxdev cp`):
// a tar stream of a path, a tar put under a directory, and whether a path is a directory (the
// archive API's path stat, which works on stopped containers too). Engine errors pass through.
import type Docker from 'dockerode';

export async function copyFromContainer(docker: Docker, id: string, path: string): Promise<NodeJS.ReadableStream> {
  return docker.getContainer(id).getArchive({ path });
}

export async function copyIntoContainer(docker: Docker, id: string, dir: string, tar: Buffer, o: { copyUIDGID?: boolean } = {}): Promise<void> {
  // Without copyUIDGID the engine gives the files to the container's root, as `docker cp` does.
  await docker.getContainer(id).putArchive(tar, { path: dir, ...(o.copyUIDGID ? { copyUIDGID: 'true' } : {}) });
}

/** Where a symbolic link at `path` points ('' when it is not a link), from the archive API's stat. */
export async function containerLinkTarget(docker: Docker, id: string, path: string): Promise<string> {
  const res = (await docker.getContainer(id).infoArchive({ path })) as { headers?: Record<string, string>; resume?: () => void };
  res.resume?.();
  const stat = JSON.parse(Buffer.from(res.headers?.['x-docker-container-path-stat'] ?? '', 'base64').toString('utf8') || '{}') as { linkTarget?: string };
  return stat.linkTarget ?? '';
}

/** false when the path does not exist. */
export async function containerPathIsDir(docker: Docker, id: string, path: string): Promise<boolean> {
  try {
    const res = (await docker.getContainer(id).infoArchive({ path })) as { headers?: Record<string, string>; resume?: () => void };
    res.resume?.();
    const stat = JSON.parse(Buffer.from(res.headers?.['x-docker-container-path-stat'] ?? '', 'base64').toString('utf8') || '{}') as { mode?: number };
    // Go's os.ModeDir is the top bit of the 32-bit mode.
    return ((stat.mode ?? 0) & 0x80000000) !== 0;
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return false;
    throw err;
  }
}

