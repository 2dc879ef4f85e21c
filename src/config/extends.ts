// compose `extends`: a service starts from another one (in the same model or in another file)
// and the override rules apply on top. Chains are followed; loops are reported, not followed.
import type { Problem } from '../errors.js';
import { didYouMean } from './did-you-mean.js';
import { formatPath } from './keypath.js';
import { mergeService } from './merge.js';
import { isPlainObject } from './tags.js';

type Dict = Record<string, unknown>;

/** Services of another compose file, normalised against that file's directory. */
export type ServicesOfFile = (file: string) => Dict | undefined;

export function resolveExtends(services: Dict, file: string, servicesOf: ServicesOfFile, problems: Problem[]): Dict {
  const out: Dict = {};
  for (const name of Object.keys(services)) {
    out[name] = resolveOne(name, services, file, { servicesOf, problems, top: name }, []) ?? services[name];
  }
  return out;
}

interface Walk {
  servicesOf: ServicesOfFile;
  problems: Problem[];
  /** The service being resolved, where problems are reported. */
  top: string;
}

/** `stack` holds "file#service" of the services whose bases are being resolved above this one. */
function resolveOne(name: string, services: Dict, file: string, walk: Walk, stack: string[]): Dict | undefined {
  const svc = services[name];
  if (!isPlainObject(svc)) return undefined;
  const ext = svc.extends;
  if (!isPlainObject(ext)) return svc;
  const { extends: _drop, ...own } = svc;
  const baseFile = typeof ext.file === 'string' ? ext.file : file;
  const baseName = String(ext.service);
  const here = [...stack, `${file}#${name}`];
  const target = `${baseFile}#${baseName}`;
  const where = formatPath(['services', walk.top, 'extends']);
  if (here.includes(target)) {
    walk.problems.push({ path: where, message: `extends loops: ${[...here, target].map((k) => k.split('#')[1]).join(' → ')}` });
    return own;
  }
  const pool = baseFile === file ? services : walk.servicesOf(baseFile);
  if (!pool) {
    walk.problems.push({ path: where, message: `extends ${baseName} from ${baseFile}, which could not be read` });
    return own;
  }
  if (!isPlainObject(pool[baseName])) {
    walk.problems.push({
      path: where,
      message: `extends "${baseName}", which is not a service in ${baseFile}${didYouMean(baseName, Object.keys(pool))}`,
    });
    return own;
  }
  const base = resolveOne(baseName, pool, baseFile, walk, here);
  return mergeService(base ?? {}, own);
}
