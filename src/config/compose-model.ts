// Several compose files → one merged, normalised model: each file is read (see compose-file.ts),
// its `include`s are loaded as sub-projects, the files merge with compose's override rules, then
// `extends` is resolved. Relative paths in the main files resolve against the project directory,
// in included and extended files against their own directory, as compose does.
import path from 'node:path';
import type { Problem } from '../errors.js';
import { readComposeFile } from './compose-file.js';
import { readEnvFiles } from './environment.js';
import { resolveExtends } from './extends.js';
import type { Lookup } from './interpolate.js';
import type { Layer } from './layer.js';
import { mergeFiles } from './merge.js';
import { isPlainObject } from './tags.js';

type Dict = Record<string, unknown>;

export interface ComposeModel {
  data: Dict;
  layers: Layer[];
  /**
   * Variables an include's env_file gave its sub-project: a secret or config of that project
   * with `environment: NAME` reads them, as compose does (the including project's own win).
   */
  includeEnv: Record<string, string>;
}

export interface ModelOptions {
  /** Files being loaded above this one (include loops). */
  seen?: string[];
  /** Collects variables that were used but not set. */
  unset?: Set<string>;
}

export function loadComposeModel(files: string[], baseDir: string, lookup: Lookup, problems: Problem[], opts: ModelOptions = {}): ComposeModel {
  const seen = opts.seen ?? [];
  const layers: Layer[] = [];
  const includeEnv: Record<string, string> = {};
  let data: Dict = {};
  for (const file of files) {
    if (seen.includes(file)) {
      problems.push({ file, message: `include loops: ${[...seen, file].map((f) => path.basename(f)).join(' → ')}` });
      continue;
    }
    const layer = readComposeFile(file, baseDir, lookup, problems, opts.unset);
    if (!layer) continue;
    layers.push(layer);
    const included = loadIncludes(layer, lookup, problems, { ...opts, seen: [...seen, file] });
    layers.push(...included.layers);
    Object.assign(includeEnv, included.includeEnv);
    data = mergeFiles(data, included.data);
    data = mergeFiles(data, withoutInclude(layer.data));
  }
  const cache = new Map<string, Dict | undefined>();
  const servicesOf = (file: string) => {
    if (!cache.has(file)) {
      const other = readComposeFile(file, path.dirname(file), lookup, problems, opts.unset);
      if (other) layers.push(other);
      cache.set(file, other && isPlainObject(other.data.services) ? other.data.services : undefined);
    }
    return cache.get(file);
  };
  if (isPlainObject(data.services)) data.services = resolveExtends(data.services, files[0] ?? '', servicesOf, problems);
  return { data, layers, includeEnv };
}

function withoutInclude(data: Dict): Dict {
  const { include: _include, ...rest } = data;
  return rest;
}

function loadIncludes(layer: Layer, lookup: Lookup, problems: Problem[], opts: ModelOptions): ComposeModel {
  const include = layer.data.include;
  if (include !== undefined && include !== null && !Array.isArray(include))
    problems.push({ file: layer.file, path: 'include', message: 'must be a list of files to include' });
  const entries = Array.isArray(include) ? include : [];
  const layers: Layer[] = [];
  const includeEnv: Record<string, string> = {};
  let data: Dict = {};
  const fromDir = path.dirname(layer.file);
  for (const [i, entry] of entries.entries()) {
    const files = includePaths(entry);
    if (!files) {
      problems.push({ file: layer.file, path: `include[${i}]`, message: 'must be a file path, or a mapping whose "path" is a file path or a non-empty list of them' });
      continue;
    }
    const e = (typeof entry === 'string' ? { path: entry } : entry) as Dict;
    files.forEach((f, k) => (files[k] = path.resolve(fromDir, f)));
    const baseDir = typeof e.project_directory === 'string' ? path.resolve(fromDir, e.project_directory) : path.dirname(files[0]);
    // Variables already known to the including project win over the included project's env files.
    const envList: unknown[] = Array.isArray(e.env_file) ? e.env_file : e.env_file ? [e.env_file] : [path.join(baseDir, '.env')];
    if (!envList.every((f) => typeof f === 'string')) {
      problems.push({ file: layer.file, path: `include[${i}].env_file`, message: 'must be a file path or a list of them' });
      continue;
    }
    const envFiles = envList.map((f) => ({
      path: path.resolve(fromDir, String(f)),
      required: e.env_file !== undefined,
    }));
    const own = readEnvFiles(envFiles, lookup, problems, 'include');
    const sub = loadComposeModel(files, baseDir, (name) => lookup(name) ?? own[name], problems, opts);
    layers.push(...sub.layers);
    for (const [k, v] of Object.entries(own)) if (v !== undefined && lookup(k) === undefined) includeEnv[k] = v;
    Object.assign(includeEnv, sub.includeEnv);
    for (const section of ['services', 'networks', 'volumes', 'secrets', 'configs']) {
      const mine = layer.data[section];
      const theirs = sub.data[section];
      if (!isPlainObject(mine) || !isPlainObject(theirs)) continue;
      for (const name of Object.keys(theirs))
        if (name in mine && section === 'services')
          problems.push({ file: layer.file, path: `${section}.${name}`, message: `"${name}" is also defined by included file ${files.map((f) => path.relative(fromDir, f)).join(', ')}` });
    }
    // An included project's own name is not the including project's name.
    const { name: _name, ...resources } = sub.data;
    data = mergeFiles(data, resources);
  }
  return { data, layers, includeEnv };
}

/** The file paths an include entry names, or undefined when it names none (a shape compose refuses). */
function includePaths(entry: unknown): string[] | undefined {
  const p = typeof entry === 'string' ? entry : isPlainObject(entry) ? entry.path : undefined;
  const list = Array.isArray(p) ? p : [p];
  if (list.length === 0 || !list.every((f): f is string => typeof f === 'string' && f !== '')) return undefined;
  return [...list];
}
