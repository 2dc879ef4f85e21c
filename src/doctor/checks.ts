// Gathers the facts `foxdev doctor` reports. Each check says whether foxdev can work without it.
import { existsSync } from 'node:fs';
import { statfs, readFile } from 'node:fs/promises';
import { engineEndpoint } from '../runtime/engine-endpoint.js';
import { engineRuntime } from '../runtime/engine-runtime.js';

export interface Check {
  name: string;
  ok: boolean;
  /** A failing required check makes doctor exit non-zero; optional ones only warn. */
  required: boolean;
  detail: string;
}

const MIN_FREE_BYTES = 2 * 1024 ** 3;
const MIN_INOTIFY_WATCHES = 8192;

export async function engineCheck(): Promise<Check[]> {
  let ep: ReturnType<typeof engineEndpoint>;
  try {
    ep = engineEndpoint();
  } catch (err) {
    return [{ name: 'engine', ok: false, required: true, detail: (err as Error).message }];
  }
  const from = ep.source === 'default' ? '' : ep.context === 'default' ? ` (from ${ep.source})` : ` (context ${ep.context}, from ${ep.source})`;
  const where = ep.local ? 'local' : 'remote: ports and bind mounts are on that machine';
  const path = 'socketPath' in ep.options ? ep.options.socketPath : undefined;
  const missing = path !== undefined && !existsSync(path);
  const socket: Check = { name: 'socket', ok: !missing, required: true, detail: `${ep.display}${from}, ${where}${missing ? ': no such socket (is the engine running?)' : ''}` };
  try {
    const v = await withTimeout(engineRuntime().engineVersion(), 5000);
    return [socket, { name: 'engine', ok: true, required: true, detail: `Docker ${v.version}, API ${v.apiVersion} (${v.os}/${v.arch})` }];
  } catch (err) {
    return [socket, { name: 'engine', ok: false, required: true, detail: `not reachable: ${(err as Error).message}; start the engine (dockerd or Docker Desktop) or set DOCKER_HOST / --context` }];
  }
}

export async function diskCheck(dir: string): Promise<Check> {
  const s = await statfs(dir);
  const free = s.bavail * s.bsize;
  return {
    name: 'disk',
    ok: free >= MIN_FREE_BYTES,
    required: true,
    detail: `${(free / 1024 ** 3).toFixed(1)} GiB free under ${dir}${free < MIN_FREE_BYTES ? ' (need at least 2 GiB for images)' : ''}`,
  };
}

export async function inotifyCheck(): Promise<Check> {
  try {
    const n = Number((await readFile('/proc/sys/fs/inotify/max_user_watches', 'utf8')).trim());
    return {
      name: 'inotify',
      ok: n >= MIN_INOTIFY_WATCHES,
      required: false,
      detail: `max_user_watches ${n}${n < MIN_INOTIFY_WATCHES ? ` (live sync of large trees needs more: sysctl fs.inotify.max_user_watches=524288)` : ''}`,
    };
  } catch {
    return { name: 'inotify', ok: true, required: false, detail: 'not Linux; file watching uses the platform watcher' };
  }
}

export async function imagesCheck(tags: string[]): Promise<Check> {
  const missing: string[] = [];
  for (const tag of tags) {
    try {
      await withTimeout(engineRuntime().inspectImage(tag), 5000);
    } catch {
      missing.push(tag);
    }
  }
  return {
    name: 'images',
    ok: missing.length === 0,
    required: false,
    detail: missing.length ? `missing ${missing.join(', ')} (bash scripts/images.sh builds them offline)` : tags.join(', '),
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}
