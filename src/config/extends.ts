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
  const memo = new Map<string, Dict>();
  for (const name of Object.keys(services)) {
    out[name] = resolveOne(name, services, file, { servicesOf, problems, top: name, memo }) ?? services[name];
  }
  return out;
}

interface Walk {
  servicesOf: ServicesOfFile;
  problems: Problem[];
  /** The service being resolved, where problems are reported. */
  top: string;
  /** "file#service" → the service with its bases merged in, for chains that resolved cleanly. */
  memo: Map<string, Dict>;
}

/**
 * Follows the chain of bases without recursion (a chain thousands of services long must not
 * overflow the stack), then merges from the last base up. Where the chain breaks (a loop, an
 * unreadable file, a missing base) that service stands on its own keys, and the problem is said.
 */
function resolveOne(name: string, services: Dict, file: string, walk: Walk): Dict | undefined {
  if (!isPlainObject(services[name])) return undefined;
  const where = formatPath(['services', walk.top, 'extends']);
  const before = walk.problems.length;
  const chain: Array<{ key: string; own: Dict }> = [];
  let [pool, curFile, curName] = [services, file, name];
  let base: Dict;
  for (;;) {
    const key = `${curFile}#${curName}`;
    const known = walk.memo.get(key);
    if (known) {
      base = known;
      break;
    }
    const svc = pool[curName] as Dict;
    const ext = svc.extends;
    if (!isPlainObject(ext)) {
      base = svc;
      break;
    }
    const { extends: _drop, ...own } = svc;
    chain.push({ key, own });
    const baseFile = typeof ext.file === 'string' ? ext.file : curFile;
    const baseName = String(ext.service);
    const target = `${baseFile}#${baseName}`;
    const here = chain.map((c) => c.key);
    if (here.includes(target)) {
      walk.problems.push({ path: where, message: `extends loops: ${[...here, target].map((k) => k.split('#')[1]).join(' → ')}` });
      base = chain.pop()!.own;
      break;
    }
    const next = baseFile === curFile ? pool : walk.servicesOf(baseFile);
    if (!next) {
      walk.problems.push({ path: where, message: `extends ${baseName} from ${baseFile}, which could not be read` });
      base = chain.pop()!.own;
      break;
    }
    if (!isPlainObject(next[baseName])) {
      walk.problems.push({
        path: where,
        message: `extends "${baseName}", which is not a service in ${baseFile}${didYouMean(baseName, Object.keys(next))}`,
      });
      base = chain.pop()!.own;
      break;
    }
    [pool, curFile, curName] = [next, baseFile, baseName];
  }
  const clean = walk.problems.length === before;
  for (let i = chain.length - 1; i >= 0; i--) {
    base = mergeService(base, chain[i].own);
    // Only a clean chain is reused: each service of a broken one reports its own problem.
    if (clean) walk.memo.set(chain[i].key, base);
  }
  return base;
}
