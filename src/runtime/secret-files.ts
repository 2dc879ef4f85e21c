// Host files for secrets that cannot be copied into a container (a read-only root filesystem):
// written under the project's private state folder (0700), with the entry's mode, and its
// owner when foxdev runs as root (otherwise the container user may not be able to read a 0400
// file; said by the caller's error if so).
import { chmod, chown, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function writeSecretFile(file: { hostPath: string; content: string; uid: number; gid: number; mode: number }): Promise<void> {
  await mkdir(path.dirname(file.hostPath), { recursive: true, mode: 0o700 });
  await chmod(path.dirname(path.dirname(file.hostPath)), 0o700).catch(() => {});
  await writeFile(file.hostPath, file.content, { mode: file.mode });
  await chmod(file.hostPath, file.mode);
  if (process.getuid?.() === 0) await chown(file.hostPath, file.uid, file.gid);
}
