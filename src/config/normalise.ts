// One compose file's data → the normalised shape merging works on: short syntaxes become long
// form (ports, volumes, depends_on, environment, build, secrets, ...) and relative host paths
// become absolute against the file's base directory. Pure: problems are returned, not thrown.
import path from 'node:path';
import type { Problem } from '../errors.js';
import { formatPath, type Segment } from './keypath.js';
import { listOrDict, stringList } from './list-or-dict.js';
import { parsePort } from './ports.js';
import { PROTO } from './proto-keys.js';
import { OverrideTag, ResetTag, isPlainObject } from './tags.js';
import { parseVolume, resolveHostPath, type PathContext } from './volumes.js';

type Dict = Record<string, unknown>;

const MAP_KEYS = ['environment', 'labels', 'annotations', 'sysctls'];

export function isRemoteContext(context: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(context) || context.startsWith('git@') || context.startsWith('github.com/');
}

export type Found = Problem & { segments?: Segment[] };

export function normaliseFile(doc: Dict, ctx: PathContext, problems: Found[]): Dict {
  const out: Dict = { ...doc };
  if (isPlainObject(doc.services)) {
    const services: Dict = {};
    for (const [name, svc] of Object.entries(doc.services)) {
      services[name] = isPlainObject(svc) ? normaliseService(svc, ctx, ['services', name], problems) : svc;
    }
    out.services = services;
  }
  for (const section of ['networks', 'volumes', 'secrets', 'configs'] as const) {
    if (!isPlainObject(doc[section])) continue;
    const entries: Dict = {};
    for (const [k, v] of Object.entries(doc[section] as Dict)) {
      const entry = v === null || v === undefined ? {} : v;
      if (isPlainObject(entry) && typeof entry.file === 'string') entries[k] = { ...entry, file: resolveHostPath(entry.file, ctx) };
      else entries[k] = entry;
    }
    out[section] = entries;
  }
  return out;
}

/** Apply `fn` to a value unless it is a merge tag (whose contents are normalised too). */
function each(value: unknown, fn: (v: unknown) => unknown): unknown {
  if (value instanceof ResetTag) return value;
  if (value instanceof OverrideTag) return new OverrideTag(fn(value.value));
  return fn(value);
}

export function normaliseService(svc: Dict, ctx: PathContext, at: Segment[], problems: Found[]): Dict {
  const out: Dict = { ...svc };
  const problem = (key: Segment[], message: string) => problems.push({ segments: [...at, ...key], path: formatPath([...at, ...key]), message });

  for (const key of MAP_KEYS) if (key in svc) out[key] = each(svc[key], listOrDict);

  if ('build' in svc)
    out.build = each(svc.build, (b) => {
      const build: Dict = typeof b === 'string' ? { context: b } : { ...(b as Dict) };
      const context = typeof build.context === 'string' ? build.context : '.';
      build.context = isRemoteContext(context) ? context : resolveHostPath(context, ctx);
      if ('args' in build) build.args = listOrDict(build.args);
      if ('labels' in build) build.labels = listOrDict(build.labels);
      return build;
    });

  if ('depends_on' in svc)
    out.depends_on = each(svc.depends_on, (d) => {
      const deps: Dict = {};
      if (Array.isArray(d))
        for (const name of d) {
          // deps.__proto__ = … would set the prototype: the dependency would vanish without a word.
          if (String(name) === PROTO) problem(['depends_on', PROTO], `depends on "${PROTO}", which is not a service`);
          else deps[String(name)] = { condition: 'service_started', required: true };
        }
      else
        for (const [name, entry] of Object.entries(d as Dict)) {
          const e = (entry ?? {}) as Dict;
          deps[name] = { ...e, condition: e.condition ?? 'service_started', required: e.required ?? true };
        }
      return deps;
    });

  if ('networks' in svc)
    out.networks = each(svc.networks, (n) => {
      if (!Array.isArray(n)) return { ...(n as Dict) };
      if (n.some((name) => String(name) === PROTO)) problem(['networks', PROTO], `uses network "${PROTO}", which is not declared under top-level "networks"`);
      return Object.fromEntries(n.filter((name) => String(name) !== PROTO).map((name) => [String(name), null]));
    });

  if ('ports' in svc)
    out.ports = each(svc.ports, (list) =>
      (list as unknown[]).flatMap((p, i): unknown[] => {
        if (p instanceof ResetTag || p instanceof OverrideTag) return [p];
        const parsed = parsePort(p);
        if (typeof parsed === 'string') {
          problem(['ports', i], parsed);
          return [];
        }
        return parsed;
      }),
    );

  if ('volumes' in svc)
    out.volumes = each(svc.volumes, (list) =>
      (list as unknown[]).flatMap((v, i) => {
        const parsed = parseVolume(v, ctx);
        if (typeof parsed === 'string') {
          problem(['volumes', i], parsed);
          return [];
        }
        return [parsed];
      }),
    );

  if (Array.isArray(svc.links) && svc.links.some((l) => String(l).split(':')[0] === PROTO)) {
    problem(['links'], `links names service "${PROTO}", which is not a service of this project`);
    out.links = svc.links.filter((l) => String(l).split(':')[0] !== PROTO);
  }

  for (const key of ['secrets', 'configs'])
    if (key in svc) out[key] = each(svc[key], (list) => (list as unknown[]).map((s) => (typeof s === 'string' ? { source: s } : s)));

  if ('env_file' in svc)
    out.env_file = each(svc.env_file, (e) =>
      (Array.isArray(e) ? e : [e]).map((f) => {
        const entry: Dict = typeof f === 'string' ? { path: f } : { ...(f as Dict) };
        return { ...entry, path: resolveHostPath(String(entry.path), ctx), required: entry.required ?? true };
      }),
    );

  if ('label_file' in svc) out.label_file = each(svc.label_file, (f) => stringList(f).map((p) => resolveHostPath(p, ctx)));

  // string_or_list keys: a single string is a one-item list, so merging appends as for lists.
  for (const key of ['dns', 'dns_search', 'tmpfs'])
    if (typeof svc[key] === 'string') out[key] = [svc[key]];

  if ('expose' in svc)
    out.expose = each(svc.expose, (list) =>
      (list as unknown[]).flatMap((e, i) => {
        const why = exposeProblem(String(e));
        if (why) problem(['expose', i], `invalid port ${JSON.stringify(e)}: ${why}`);
        return why ? [] : [String(e)];
      }),
    );

  if ('extends' in svc)
    out.extends = each(svc.extends, (e) => {
      const ext: Dict = typeof e === 'string' ? { service: e } : { ...(e as Dict) };
      if (typeof ext.file === 'string') ext.file = path.resolve(ctx.baseDir, ext.file);
      return ext;
    });

  if (isPlainObject(svc.healthcheck)) {
    const hc: Dict = { ...svc.healthcheck };
    if (typeof hc.test === 'string') hc.test = ['CMD-SHELL', hc.test];
    out.healthcheck = hc;
  }

  if (isPlainObject(svc.develop) && Array.isArray(svc.develop.watch))
    out.develop = {
      ...svc.develop,
      watch: svc.develop.watch.map((w) => (isPlainObject(w) && typeof w.path === 'string' ? { ...w, path: resolveHostPath(w.path, ctx) } : w)),
    };

  if (isPlainObject(svc['x-foxdev'])) out['x-foxdev'] = normaliseFoxdevPaths(svc['x-foxdev'], ctx);
  return out;
}

/** foxdev's own keys hold host paths too (sync paths, run.cwd, seed files). */
export function normaliseFoxdevPaths(fox: Dict, ctx: PathContext): Dict {
  const out: Dict = { ...fox };
  if (Array.isArray(fox.sync))
    out.sync = fox.sync.map((r) => (isPlainObject(r) && typeof r.path === 'string' ? { ...r, path: resolveHostPath(r.path, ctx) } : r));
  if (isPlainObject(fox.run) && typeof fox.run.cwd === 'string') out.run = { ...fox.run, cwd: resolveHostPath(fox.run.cwd, ctx) };
  if (isPlainObject(fox.seed)) {
    const seed: Dict = { ...fox.seed };
    const abs = (files: unknown) => (Array.isArray(files) ? files.map((f) => (typeof f === 'string' ? path.resolve(ctx.baseDir, f) : f)) : files);
    if (isPlainObject(seed.postgres)) seed.postgres = { ...seed.postgres, files: abs(seed.postgres.files) };
    if ('files' in seed) seed.files = abs(seed.files);
    out.seed = seed;
  }
  return out;
}

/** Why an `expose` entry (PORT[-END][/PROTO]) is not one, or undefined when it is. */
function exposeProblem(text: string): string | undefined {
  const m = /^(\d+)(?:-(\d+))?(?:\/([a-z]+))?$/.exec(text.trim());
  if (!m) return 'expected a container port such as 8080, 8000-8010 or 53/udp';
  if (m[3] !== undefined && !['tcp', 'udp', 'sctp'].includes(m[3])) return 'protocol must be tcp or udp';
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  if (a < 1 || b > 65535 || b < a) return 'ports are 1-65535';
  return undefined;
}
