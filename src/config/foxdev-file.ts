// Load foxdev.config.ts/.mts/.mjs/.js with jiti (TypeScript on Node 20 without a build step) and
// turn it into a Layer shaped like a compose file, foxdev's own service keys under `x-foxdev`.
// `import { defineConfig } from 'foxdev'` resolves to this package even in a project that has no
// node_modules/foxdev, through a jiti alias.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Problem } from '../errors.js';
import { castBooleans } from './bool-values.js';
import { validateCompose } from './compose-schema.js';
import { didYouMean } from './did-you-mean.js';
import { foxdevServiceFields, foxdevTopFields } from './foxdev-schema.js';
import type { Segment } from './keypath.js';
import { placeProblem, type Layer } from './layer.js';
import { normaliseFoxdevPaths, normaliseService, type Found } from './normalise.js';
import { knownProperties } from './schema/compose-validator.generated.js';
import { obj, type ShapeProblem } from './shape.js';
import { isPlainObject } from './tags.js';
import { tsLocator } from './ts-locator.js';
import { protoKeys } from './proto-keys.js';
import { prune } from './prune.js';
import { loadProblem } from './load-error.js';

/** This package's entry point, from dist/ (built) or src/ (tests run the sources). */
function packageEntry(): string {
  const js = fileURLToPath(new URL('../index.js', import.meta.url));
  return existsSync(js) ? js : fileURLToPath(new URL('../index.ts', import.meta.url));
}

export function importConfig(file: string): Promise<unknown> {
  return withTimeout(evaluate(file), loadTimeoutMs());
}

async function evaluate(file: string): Promise<unknown> {
  // Required, not imported: importing jiti's CommonJS build from ESM makes Node scan its 190 kB
  // for named exports, which costs about as much again as loading it (~30 ms).
  const { createJiti } = createRequire(import.meta.url)('jiti') as typeof import('jiti');
  const jiti = createJiti(import.meta.url, { alias: { foxdev: packageEntry() }, moduleCache: false });
  // Evaluated from source, always transpiled: jiti.import() hands an .mjs to Node's import(),
  // which caches by URL, so a second load in one process (a config reload) would see the first
  // version of the file. Transpiled output is still cached on disk by content.
  const mod = await jiti.evalModule(readFileSync(file, 'utf8'), { filename: file, async: true, forceTranspile: true });
  const value = mod !== null && typeof mod === 'object' && 'default' in mod ? (mod as { default: unknown }).default : mod;
  // A class is a function too, but calling it throws inside foxdev: it is simply not a config.
  const isClass = typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value));
  return typeof value === 'function' && !isClass ? await (value as () => unknown)() : await value;
}

class LoadTimeout extends Error {}

/** A config whose default export never settles would otherwise let the process end silently. */
function loadTimeoutMs(): number {
  const s = Number(process.env.FOXDEV_CONFIG_TIMEOUT);
  return Number.isFinite(s) && s > 0 ? s * 1000 : 30_000;
}

async function withTimeout(value: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new LoadTimeout(`the default export did not resolve within ${ms / 1000} s (set FOXDEV_CONFIG_TIMEOUT=seconds to wait longer)`)),
      ms,
    );
  });
  try {
    return await Promise.race([value, limit]);
  } finally {
    clearTimeout(timer);
  }
}

export interface FoxdevLayer extends Layer {
  name?: string;
  compose: string[];
  logBuffer?: number;
  web?: boolean;
}

const SERVICE_KEYS = new Set(knownProperties['#/definitions/service']);

export async function readFoxdevConfig(file: string, problems: Problem[]): Promise<FoxdevLayer | undefined> {
  let config: unknown;
  try {
    config = await importConfig(file);
  } catch (err) {
    problems.push(err instanceof LoadTimeout ? { file, message: err.message } : loadProblem(err, file));
    return undefined;
  }
  const layer: FoxdevLayer = { file, data: {}, compose: [], locate: tsLocator(readFileSync(file, 'utf8')) };
  if (!isPlainObject(config)) {
    problems.push({ file, message: 'the default export must be the object given to defineConfig({...})' });
    return undefined;
  }
  // As for YAML keys: a `__proto__` key (JSON.parse makes one) would vanish on the first copy.
  const proto = protoKeys(config);
  if (proto.length > 0) {
    for (const p of proto) problems.push(placeProblem(p, [layer]));
    return undefined;
  }
  const found: Array<ShapeProblem | (Problem & { segments: Segment[] })> = [];
  const dir = path.dirname(file);
  const ctx = { baseDir: dir, home: os.homedir() };
  const { services, volumes, ...top } = config;
  obj({ ...foxdevTopFields, services: () => {}, volumes: () => {} })(config, [], found);
  const data: Record<string, unknown> = {};
  if (volumes !== undefined) {
    found.push(...validateCompose({ volumes }));
    data.volumes = volumes;
  }
  if (services !== undefined && !isPlainObject(services)) found.push({ segments: ['services'], path: 'services', message: 'expected a mapping of services' });
  if (isPlainObject(services)) {
    const out: Record<string, unknown> = {};
    for (const [name, svc] of Object.entries(services)) {
      if (!isPlainObject(svc)) {
        found.push({ segments: ['services', name], path: `services.${name}`, message: 'expected a mapping' });
        continue;
      }
      const compose: Record<string, unknown> = {};
      const fox: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(svc)) {
        if (value === undefined) continue;
        if (key in foxdevServiceFields) {
          foxdevServiceFields[key](value, ['services', name, key], found);
          fox[key] = value;
        } else if (SERVICE_KEYS.has(key) || key.startsWith('x-')) compose[key] = value;
        else
          found.push({
            segments: ['services', name, key],
            path: `services.${name}.${key}`,
            message: `unknown key "${key}"${didYouMean(key, [...SERVICE_KEYS, ...Object.keys(foxdevServiceFields)])}`,
          });
      }
      const before = found.length;
      found.push(...castBooleans({ services: { [name]: compose } }));
      found.push(...validateCompose({ services: { [name]: compose } }));
      // Drop what was reported (in place) so resolving goes on with well-formed data.
      prune({ services: { [name]: compose } }, found.slice(before));
      prune({ services: { [name]: fox } }, found.slice(0, before).filter((p) => p.segments[0] === 'services' && p.segments[1] === name));
      const local: Found[] = [];
      const normal = normaliseService(compose, ctx, ['services', name], local);
      found.push(...local.map((p) => ({ ...p, segments: p.segments ?? ['services', name] })));
      if (Object.keys(fox).length > 0) normal['x-foxdev'] = normaliseFoxdevPaths(fox, ctx);
      out[name] = normal;
    }
    data.services = out;
  }
  layer.data = data;
  if (typeof top.name === 'string') layer.name = top.name;
  if (typeof top.logBuffer === 'number') layer.logBuffer = top.logBuffer;
  if (typeof top.web === 'boolean') layer.web = top.web;
  const compose = typeof top.compose === 'string' ? [top.compose] : Array.isArray(top.compose) ? top.compose : [];
  layer.compose = compose.filter((c): c is string => typeof c === 'string').map((c) => path.resolve(dir, c));
  // Named here, so a missing one is this file's mistake, at its `compose` key.
  const missing = layer.compose.filter((c) => !existsSync(c));
  for (const c of missing)
    found.push({ segments: ['compose'], path: 'compose', message: `compose file ${path.relative(dir, c) || c} does not exist` });
  layer.compose = layer.compose.filter((c) => !missing.includes(c));
  for (const p of found) problems.push(placeProblem(p, [layer]));
  return layer;
}
