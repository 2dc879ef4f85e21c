// loadProject: files → one resolved Project, or one ConfigError listing every problem found.
// The steps (each in its own module): find files, read the environment, load foxdev.config.ts and
// the compose files as layers, merge, apply profiles, resolve services, check across services.
import path from 'node:path';
import { ConfigError, type Problem } from '../errors.js';
import { checkServices } from './checks.js';
import { loadComposeModel } from './compose-model.js';
import { loadEnvironment, readEnvFiles, type EnvFileEntry } from './environment.js';
import { findConfigFiles, isFoxdevConfigFile } from './find.js';
import { checkHostFiles } from './host-files.js';
import type { FoxdevLayer } from './foxdev-file.js';
import type { Segment } from './keypath.js';
import { placeProblem, type Layer } from './layer.js';
import { mergeFiles } from './merge.js';
import type { Project, Service } from './project.js';
import { activeProfiles, enabledServices, profilesOf, withTargetProfiles } from './profiles.js';
import { chooseProjectName } from './project-name.js';
import { resolveNetworks, resolveVolumes } from './resources.js';
import { resolveService } from './resolve-service.js';
import { networkModeProblems } from './network-mode.js';
import { runtimeRefusals, runtimeValueProblems } from './runtime-keys.js';
import { buildRefusals } from './build-keys.js';
import { missingSecretFiles } from './secret-files.js';
import { isPlainObject } from './tags.js';

export interface LoadOptions {
  cwd: string;
  files?: string[];
  profiles?: string[];
  projectName?: string;
  /** --project-directory: discovery starts here and relative paths resolve here (default: the first file's directory). */
  projectDirectory?: string;
  /** --env-file: replaces `.env` for interpolation and COMPOSE_* settings (default: COMPOSE_ENV_FILES, comma-separated). */
  envFiles?: string[];
  env?: NodeJS.ProcessEnv;
  /**
   * The services the command works on (`up api worker`), when it names some: a named service
   * with profiles enables them, and only these services and what they need must have their
   * env_file (compose fails only the commands that use a service with a missing one). `[]` for
   * commands that start nothing (down, ps); undefined means every service.
   */
  services?: string[];
  /** The command creates containers (up, run, ci): keys foxdev cannot apply are refused then, not for `config` or `ps`. */
  creates?: boolean;
  /** The command builds images (`build`): build keys foxdev cannot apply are refused. */
  builds?: boolean;
  /** --all-resources: networks and volumes no service uses are part of the project too. */
  allResources?: boolean;
  /** config --no-consistency: skip the checks across services (a service with no image, a dependency or network not defined). */
  noConsistency?: boolean;
  /** config --no-env-resolution: env_file entries are not read (a missing one is no problem). */
  noEnvResolution?: boolean;
}

/** Lines kept per service in the dashboard's log buffer unless the config says otherwise. */
export const DEFAULT_LOG_BUFFER = 5000;

type Dict = Record<string, unknown>;

export async function loadProject(opts: LoadOptions): Promise<Project> {
  const shell = opts.env ?? process.env;
  const cwd = path.resolve(opts.cwd);
  const problems: Array<Problem & { segments?: Segment[] }> = [];
  const start = opts.projectDirectory ? path.resolve(cwd, opts.projectDirectory) : cwd;
  const envFiles = chooseEnvFiles(cwd, opts.envFiles, shell);
  // As compose: the environment where discovery starts may name the files (COMPOSE_FILE in .env).
  const files = findConfigFiles(cwd, opts.files, loadEnvironment(start, shell, [], envFiles).vars, start);
  const projectDir = opts.projectDirectory ? start : path.dirname(files[0]);
  const env = loadEnvironment(projectDir, shell, problems, envFiles);

  // foxdev.config.* files become layers on top of the compose files they name.
  const foxdev: FoxdevLayer[] = [];
  const composeFiles: string[] = [];
  for (const file of files) {
    if (!isFoxdevConfigFile(file)) composeFiles.push(file);
    else {
      // Loaded only when needed: a compose-only project does not pay for jiti.
      const { readFoxdevConfig } = await import('./foxdev-file.js');
      const layer = await readFoxdevConfig(file, problems);
      if (layer) {
        foxdev.push(layer);
        composeFiles.push(...layer.compose);
      }
    }
  }
  const unset = new Set<string>();
  const model = loadComposeModel(composeFiles, projectDir, env.lookup, problems, { unset });
  let data = model.data;
  for (const layer of foxdev) data = mergeFiles(data, layer.data);
  const layers: Layer[] = [...model.layers, ...foxdev];

  const name = chooseProjectName(
    [opts.projectName, env.vars.COMPOSE_PROJECT_NAME, foxdev.findLast((l) => l.name)?.name, typeof data.name === 'string' ? data.name : undefined],
    projectDir,
    problems,
  );
  const all = (isPlainObject(data.services) ? data.services : {}) as Record<string, Dict>;
  const profiles = withTargetProfiles(all, activeProfiles(opts.profiles, env.vars), opts.services);
  const enabled = enabledServices(all, profiles);
  // (Not when a file failed to load: its services are missing because of that problem.)
  // (With --all-resources the networks and volumes are something to make, as compose makes them.)
  if (opts.creates && !opts.allResources && !opts.services?.length && enabled.length === 0 && problems.length === 0) problems.push(nothingSelected(all, profiles));
  const awaited = new Set<string>();
  for (const [, s] of enabled)
    for (const [dep, d] of Object.entries((s.depends_on ?? {}) as Record<string, Dict>))
      if (d.condition === 'service_completed_successfully') awaited.add(dep);

  const needed = neededServices(enabled, opts.services);
  const services: Record<string, Service> = {};
  for (const [svcName, s] of enabled) {
    const envFiles = (Array.isArray(s.env_file) ? s.env_file : []) as EnvFileEntry[];
    const fileProblems: Problem[] = [];
    const fileEnv = opts.noEnvResolution ? {} : readEnvFiles(envFiles, env.lookup, fileProblems, `services.${svcName}.env_file`);
    if (!needed || needed.has(svcName)) problems.push(...fileProblems);
    const service = resolveService(svcName, s, { projectDir, lookup: env.lookup, fileEnv, awaitedToComplete: awaited.has(svcName) }, problems);
    // label_file: KEY=VALUE lines like an env file (required), under the service's own labels.
    const labelFiles = (Array.isArray(s.label_file) ? s.label_file : []).map((f) => ({ path: String(f), required: true }));
    if (labelFiles.length) {
      const labelProblems: Problem[] = [];
      const fromFiles = readEnvFiles(labelFiles, () => undefined, labelProblems, `services.${svcName}.label_file`);
      if (!needed || needed.has(svcName)) problems.push(...labelProblems.map((p) => ({ ...p, ...(p.file ? {} : { segments: ['services', svcName, 'label_file'] }), message: p.message.replace('env file', 'label file') })));
      service.labels = { ...fromFiles, ...service.labels };
    }
    const develop = isPlainObject(s.develop) ? s.develop : {};
    await checkHostFiles(svcName, service, projectDir, { watched: Array.isArray(develop.watch) ? develop.watch.length : 0 }, problems);
    services[svcName] = service;
  }
  // An optional dependency (required: false) on a service that is not enabled is dropped, as compose does; said once.
  const dropped: string[] = [];
  for (const [dep, s] of Object.entries(services))
    for (const [target, d] of Object.entries(s.depends_on))
      if (!d.required && !(target in services)) {
        delete services[dep].depends_on[target];
        dropped.push(`optional dependency "${target}" of ${dep} is ${target in all ? 'not enabled' : 'not a service'}; ${dep} starts without it`);
      }

  const section = (key: string) => (isPlainObject(data[key]) ? (data[key] as Record<string, Dict>) : {});
  if (!opts.noConsistency) problems.push(
    ...checkServices(services, {
      defined: Object.fromEntries(Object.entries(all).map(([n, s]) => [n, profilesOf(s)])),
      volumes: Object.keys(section('volumes')),
      networks: Object.keys(section('networks')),
      secrets: Object.keys(section('secrets')),
      configs: Object.keys(section('configs')),
      flagged: new Set(problems.flatMap((p) => /^services\.([^.[]+)/.exec(p.path ?? '')?.[1] ?? [])),
    }),
  );

  problems.push(...runtimeValueProblems(services), ...networkModeProblems(services));
  const refusals = opts.creates ? runtimeRefusals(services, needed ? [...needed].filter((n) => n in services) : Object.keys(services)) : { problems: [], warnings: [] };
  problems.push(...refusals.problems);
  if (opts.creates || opts.builds) problems.push(...buildRefusals(services, needed ? [...needed].filter((n) => n in services) : Object.keys(services)));
  if (opts.creates) {
    const names = needed ? [...needed].filter((n) => n in services) : Object.keys(services);
    problems.push(...missingSecretFiles(services, names, { secrets: section('secrets'), configs: section('configs') }, projectDir));
  }

  if (problems.length > 0) {
    const placed = inFileOrder(dedupe(problems.map((p) => placeProblem(p, layers))), layers);
    throw new ConfigError(placed, { hint: 'fix these, then run `foxdev config` to check' });
  }

  const project: Project = {
    name,
    dir: projectDir,
    files: [...new Set(layers.map((l) => l.file))],
    services,
    volumes: resolveVolumes(name, section('volumes')),
    networks: resolveNetworks(name, section('networks'), Object.values(services).some((s) => s.networks.includes('default'))),
    profiles,
    logBuffer: foxdev.findLast((l) => l.logBuffer !== undefined)?.logBuffer ?? composeLogBuffer(data) ?? DEFAULT_LOG_BUFFER,
  };
  const fox = data['x-foxdev'];
  const web = foxdev.findLast((l) => l.web !== undefined)?.web ?? (isPlainObject(fox) && typeof fox.web === 'boolean' ? fox.web : undefined);
  if (web !== undefined) project.web = web;
  if (opts.allResources) project.allResources = true;
  // compose reads its settings (COMPOSE_REMOVE_ORPHANS, COMPOSE_IGNORE_ORPHANS…) from the shell and .env.
  const composeVars = Object.fromEntries(Object.entries(env.vars).filter((e): e is [string, string] => e[0].startsWith('COMPOSE_') && e[1] !== undefined));
  if (Object.keys(composeVars).length > 0) project.composeVars = composeVars;
  if (Object.keys(env.dotenv).length > 0) project.dotenv = env.dotenv;
  const disabled = Object.keys(all).filter((n) => !services[n]);
  if (disabled.length > 0) project.disabledServices = disabled;
  const warnings = [...[...unset].map((v) => `the ${v} variable is not set; using an empty string`), ...dropped, ...refusals.warnings];
  if (warnings.length > 0) project.warnings = warnings;
  if (Object.keys(section('secrets')).length > 0) project.secrets = section('secrets');
  if (Object.keys(section('configs')).length > 0) project.configs = section('configs');
  // `environment:` secrets and configs read the same environment as interpolation (shell, then
  // .env); the values stay out of the printed config.
  const fromEnv: Record<string, string> = {};
  for (const key of ['secrets', 'configs'])
    for (const entry of Object.values(section(key)))
      if (typeof entry?.environment === 'string') {
        const v = env.lookup(entry.environment) ?? model.includeEnv[entry.environment];
        if (v !== undefined) fromEnv[entry.environment] = v;
      }
  if (Object.keys(fromEnv).length > 0) project.secretEnv = fromEnv;
  const extensions = Object.fromEntries(Object.entries(data).filter(([k]) => k.startsWith('x-') && k !== 'x-foxdev'));
  if (Object.keys(extensions).length > 0) project.extensions = extensions;
  return project;
}

/**
 * --env-file, else COMPOSE_ENV_FILES (shell only, comma-separated), both relative to cwd; [] when
 * COMPOSE_DISABLE_ENV_FILE is true; undefined means the project directory's `.env`.
 */
function chooseEnvFiles(cwd: string, given: string[] | undefined, shell: NodeJS.ProcessEnv): string[] | undefined {
  const list = given?.length ? given : shell.COMPOSE_ENV_FILES?.split(',').map((f) => f.trim()).filter(Boolean);
  if (list?.length) return list.map((f) => path.resolve(cwd, f));
  if (/^(1|t|true)$/i.test(shell.COMPOSE_DISABLE_ENV_FILE ?? '')) return [];
  return undefined;
}

/** The named services and everything they depend on; undefined when every service is used. */
function neededServices(enabled: Array<[string, Dict]>, targets: string[] | undefined): Set<string> | undefined {
  if (targets === undefined) return undefined;
  const deps = new Map(enabled.map(([n, s]) => [n, Object.keys(isPlainObject(s.depends_on) ? s.depends_on : {})]));
  // Iterative: a dependency chain thousands of services long must not overflow the stack.
  const out = new Set<string>();
  const todo = [...targets];
  while (todo.length > 0) {
    const n = todo.pop()!;
    if (out.has(n)) continue;
    out.add(n);
    todo.push(...(deps.get(n) ?? []));
  }
  return out;
}

/**
 * `up`/`run`/`ci` with nothing to start would succeed at nothing: say why nothing is selected
 * (no services at all, or every service in a profile that is not enabled) and what would select some.
 */
function nothingSelected(all: Record<string, Dict>, active: string[]): Problem & { segments?: Segment[] } {
  const names = Object.keys(all);
  if (names.length === 0) return { segments: ['services'], path: 'services', message: 'no service selected: the project defines no services, so there is nothing to start' };
  const inProfiles = names.map((n) => `${n} (${profilesOf(all[n]).join(', ')})`).join(', ');
  const enabled = active.length ? `enabled profiles: ${active.join(', ')}` : 'no profile enabled';
  return {
    message: `no service selected: every service is in a profile that is not enabled (${enabled}): ${inProfiles}; use --profile ${profilesOf(all[names[0]])[0]}, or name a service (foxdev up ${names[0]})`,
  };
}

/** A compose file may carry foxdev's project settings in a top-level `x-foxdev` block. */
function composeLogBuffer(data: Dict): number | undefined {
  const fox = data['x-foxdev'];
  return isPlainObject(fox) && typeof fox.logBuffer === 'number' ? fox.logBuffer : undefined;
}

/** Problems in reading order: by file (as loaded), line and column; those without a place last. */
function inFileOrder(problems: Problem[], layers: Layer[]): Problem[] {
  const fileRank = new Map(layers.map((l, i) => [l.file, i]));
  const rank = (p: Problem) => [p.file === undefined ? Infinity : (fileRank.get(p.file) ?? layers.length), p.line ?? Infinity, p.column ?? 0];
  return problems
    .map((p, i) => ({ p, i, r: rank(p) }))
    .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.r[2] - b.r[2] || a.i - b.i)
    .map(({ p }) => p);
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
