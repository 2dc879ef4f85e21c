// compose's boolean keys (privileged, read_only, tty, ...) accept a string in the schema, because
// the value may come from a variable ("${PRIVILEGED}"). After interpolation compose casts it:
// true/false (and YAML 1.1's yes/no/on/off/y/n) become booleans, anything else is an error. foxdev
// does the same here, in place, so `privileged: maybe` is refused at its line and
// `privileged: "${P}"` with P=true really is privileged. Pure apart from editing `doc`.
import type { Problem } from '../errors.js';
import { formatPath, type Segment } from './keypath.js';
import { isPlainObject } from './tags.js';

type Dict = Record<string, unknown>;
type Found = Problem & { segments: Segment[] };

const SERVICE_KEYS = ['attach', 'init', 'oom_kill_disable', 'privileged', 'read_only', 'stdin_open', 'tty'];
const BUILD_KEYS = ['no_cache', 'pull', 'privileged'];
const NETWORK_KEYS = ['internal', 'enable_ipv4', 'enable_ipv6', 'attachable'];

const TRUE = new Set(['true', 'yes', 'y', 'on']);
const FALSE = new Set(['false', 'no', 'n', 'off']);

/** Cast the string values of boolean keys in one compose file's data; a problem for each that is no boolean. */
export function castBooleans(doc: Dict): Found[] {
  const out: Found[] = [];
  const cast = (parent: unknown, key: string | number, at: Segment[]) => {
    if (!parent || typeof parent !== 'object') return;
    const p = parent as Record<string | number, unknown>;
    const v = p[key];
    if (typeof v !== 'string') return;
    const word = v.trim().toLowerCase();
    if (TRUE.has(word)) p[key] = true;
    else if (FALSE.has(word)) p[key] = false;
    else {
      const segments = [...at, key];
      out.push({ segments, path: formatPath(segments), message: `expected a boolean (true or false), got ${JSON.stringify(v)}` });
    }
  };
  if (isPlainObject(doc.services))
    for (const [name, svc] of Object.entries(doc.services)) {
      if (!isPlainObject(svc)) continue;
      const at = ['services', name];
      for (const k of SERVICE_KEYS) cast(svc, k, at);
      if (isPlainObject(svc.build)) for (const k of BUILD_KEYS) cast(svc.build, k, [...at, 'build']);
      if (isPlainObject(svc.healthcheck)) cast(svc.healthcheck, 'disable', [...at, 'healthcheck']);
      if (isPlainObject(svc.depends_on))
        for (const [dep, d] of Object.entries(svc.depends_on)) for (const k of ['restart', 'required']) cast(d, k, [...at, 'depends_on', dep]);
      if (Array.isArray(svc.volumes))
        svc.volumes.forEach((v: unknown, i) => {
          if (!isPlainObject(v)) return;
          cast(v, 'read_only', [...at, 'volumes', i]);
          cast(v.bind, 'create_host_path', [...at, 'volumes', i, 'bind']);
          cast(v.volume, 'nocopy', [...at, 'volumes', i, 'volume']);
        });
      for (const hook of ['post_start', 'pre_stop'])
        if (Array.isArray(svc[hook])) (svc[hook] as unknown[]).forEach((h, i) => cast(h, 'privileged', [...at, hook, i]));
      if (Array.isArray(svc.env_file)) svc.env_file.forEach((e: unknown, i) => cast(e, 'required', [...at, 'env_file', i]));
    }
  if (isPlainObject(doc.networks))
    for (const [name, n] of Object.entries(doc.networks)) if (isPlainObject(n)) for (const k of NETWORK_KEYS) cast(n, k, ['networks', name]);
  return out;
}
