// `foxdev config`: print the resolved project in compose's canonical shape (YAML or JSON), or one
// of compose's lists (--services, --volumes, --networks, --profiles, --images, --models, --hash,
// --variables, --environment). Thin: the model is config/'s, the lists are one line each here.
import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, FoxdevError, noSuchService } from '../errors.js';
import type { Project } from '../config/project.js';
import { loadOptionsOf } from './options.js';

interface ConfigOptions {
  format?: string;
  json?: boolean;
  quiet?: boolean;
  output?: string;
  services?: boolean;
  volumes?: boolean;
  networks?: boolean;
  models?: boolean;
  profiles?: boolean;
  images?: boolean;
  hash?: string;
  variables?: boolean;
  environment?: boolean;
  interpolate?: boolean;
  normalize?: boolean;
  pathResolution?: boolean;
  consistency?: boolean;
  envResolution?: boolean;
  resolveImageDigests?: boolean;
  lockImageDigests?: boolean;
  showSecrets?: boolean;
}

export function register(program: Command): void {
  program
    .command('config')
    .description('validate the project and print it in compose canonical form (only the named services and what they need, when some are named)')
    .argument('[services...]')
    .option('--format <format>', 'yaml or json', 'yaml')
    .option('--json', 'print JSON instead of YAML (as --format json)')
    .option('-q, --quiet', 'only validate the configuration, print nothing')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .option('--services', 'print the service names, in dependency order')
    .option('--volumes', 'print the volume names, one per line')
    .option('--networks', 'print the network names, one per line')
    .option('--models', 'print the model names, one per line')
    .option('--profiles', 'print the profile names, one per line')
    .option('--images', 'print the image names, one per line')
    .option('--hash <services>', 'print "service hash" lines (the config hash its containers carry), "*" for all')
    .option('--variables', 'print the variables the files name, with their default values')
    .option('--environment', 'print the environment used for interpolation')
    .option('--no-interpolate', 'print the files merged as written, variables not replaced')
    .option('--no-consistency', 'do not check the model across services (a service with no image, an undefined network)')
    .option('--no-env-resolution', 'do not read the services’ env_file entries')
    .option('--no-normalize', 'not supported: foxdev prints the normalised model')
    .option('--no-path-resolution', 'not supported: foxdev prints absolute paths')
    .option('--resolve-image-digests', 'not supported: it needs a registry')
    .option('--lock-image-digests', 'not supported: it needs a registry')
    .option('--show-secrets', 'print secret values instead of masking them')
    .action(async (names: string[], opts: ConfigOptions, cmd: Command) => {
      const format = opts.json ? 'json' : opts.format;
      if (format !== 'yaml' && format !== 'json') throw new FoxdevError('usage', `unsupported format "${format}" (yaml or json)`);
      for (const [flag, given] of [['--no-normalize', opts.normalize === false], ['--no-path-resolution', opts.pathResolution === false]] as const)
        if (given) throw new FoxdevError('usage', `config ${flag} is not supported: foxdev prints the model normalised, with absolute paths`);
      for (const [flag, given] of [['--resolve-image-digests', opts.resolveImageDigests], ['--lock-image-digests', opts.lockImageDigests]] as const)
        if (given) throw new FoxdevError('usage', `config ${flag} is not supported: pinning digests needs a registry, which foxdev does not query`);
      const out = (text: string) => {
        if (opts.quiet) return;
        if (opts.output) writeFileSync(opts.output, text);
        else process.stdout.write(text);
      };
      const lines = (items: Iterable<string>) => {
        const all = [...items];
        if (all.length) out(all.join('\n') + '\n');
      };

      if (opts.variables || opts.interpolate === false) {
        const warnFor = opts.variables ? '--variables' : '--no-interpolate';
        if (names.length) process.stderr.write(`foxdev: warning: service filtering is not applied when ${warnFor} is set, the full model is rendered\n`);
        const { loadRawModel } = await import('../config/raw-model.js');
        const raw = loadRawModel(loadOptionsOf(cmd));
        if (opts.variables) return out(await formatVariables(raw, format, opts.json === true || cmd.getOptionValueSource('format') === 'cli'));
        return out(await render(raw, format));
      }
      if (opts.profiles || opts.models) {
        const { loadRawModel } = await import('../config/raw-model.js');
        const raw = loadRawModel(loadOptionsOf(cmd));
        const section = (k: string) => (raw[k] && typeof raw[k] === 'object' ? (raw[k] as Record<string, Record<string, unknown> | null>) : {});
        if (opts.profiles) return lines([...new Set(Object.values(section('services')).flatMap((s) => (Array.isArray(s?.profiles) ? s.profiles.map(String) : [])))].sort());
        return lines(Object.values(section('models')).flatMap((m) => (typeof m?.model === 'string' && m.model ? [m.model] : [])));
      }

      const hashed = opts.hash === undefined ? undefined : opts.hash === '*' ? undefined : opts.hash.split(',').filter(Boolean);
      // The lists compose makes without reading env_file entries (a missing one fails nothing there).
      const listsOnly = opts.services || opts.volumes || opts.networks || opts.images || opts.environment;
      const selected = opts.hash !== undefined ? hashed : names.length ? names : listsOnly ? [] : undefined;
      const { loadProject } = await import('../config/load.js');
      const project = await loadProject({
        ...loadOptionsOf(cmd, selected),
        ...(opts.consistency === false ? { noConsistency: true } : {}),
        ...(opts.envResolution === false ? { noEnvResolution: true } : {}),
      }).catch((err: unknown) => {
        throw relativeFiles(err);
      });
      for (const w of project.warnings ?? []) process.stderr.write(`foxdev: warning: ${w}\n`);
      for (const n of selected ?? []) if (!project.services[n]) throw noSuchService(n, Object.keys(project.services));

      if (opts.hash !== undefined) return lines(await serviceHashes(project, hashed ?? Object.keys(project.services)));
      if (opts.services) {
        const { dependencyOrder, graphOf } = await import('../plan/graph.js');
        return lines(dependencyOrder(graphOf(project)));
      }
      if (opts.volumes) return lines(Object.keys(project.volumes));
      if (opts.networks) return lines(Object.keys(project.networks));
      if (opts.images) {
        const { imageName } = await import('../names/labels.js');
        return lines(
          Object.values(project.services)
            .filter((s) => s.kind !== 'process' && (s.image || s.build))
            .sort((a, b) => (a.name < b.name ? -1 : 1))
            .map((s) => (s.build ? imageName(project.name, s) : s.image!)),
        );
      }
      if (opts.environment) {
        const env: Record<string, string | undefined> = { ...project.dotenv, ...process.env };
        return lines(Object.keys(env).sort().filter((k) => env[k] !== undefined).map((k) => `${k}=${env[k]}`));
      }
      const { toCanonical } = await import('../config/canonical.js');
      const shown = names.length ? await withDependencies(project, names) : project;
      out(await render(toCanonical(shown, { showSecrets: opts.showSecrets }), format));
    });
}

async function render(model: Record<string, unknown>, format: string): Promise<string> {
  if (format === 'json') return JSON.stringify(model, null, 2) + '\n';
  // YAML 1.1 quoting, so "no", "on" and "80:80" stay strings for 1.1 readers too.
  const { canonicalYaml } = await import('../config/canonical-yaml.js');
  return canonicalYaml(model);
}

/** compose's shapes: JSON indented by 4, YAML with lower-case keys, else a table. */
async function formatVariables(raw: Record<string, unknown>, format: string, formatGiven: boolean): Promise<string> {
  const { modelVariables, variablesYaml } = await import('../config/variables.js');
  const vars = modelVariables(raw);
  const names = Object.keys(vars).sort();
  const sortedVars = Object.fromEntries(names.map((n) => [n, vars[n]]));
  if (formatGiven && format === 'json') return JSON.stringify(sortedVars, null, 4) + '\n';
  if (formatGiven && format === 'yaml') return variablesYaml(vars);
  const rows = [['NAME', 'REQUIRED', 'DEFAULT VALUE', 'ALTERNATE VALUE'], ...names.map((n) => [n, String(vars[n].Required), vars[n].DefaultValue, vars[n].PresenceValue])];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] + 3))).join('').trimEnd()).join('\n') + '\n';
}

/** `name hash` for each service, sorted by name: the config hash foxdev puts on its containers. */
async function serviceHashes(project: Project, names: string[]): Promise<string[]> {
  const { containerSpec } = await import('../plan/container-spec.js');
  const { imageName } = await import('../names/labels.js');
  const { prepareBuild } = await import('../runtime/build-prepare.js');
  const out: string[] = [];
  for (const n of [...names].sort()) {
    const svc = project.services[n];
    if (svc.kind === 'process') continue;
    const image = svc.build ? imageName(project.name, svc) : (svc.image ?? '');
    const buildHash = svc.build ? (await prepareBuild({ project: project.name, service: n, tag: image, build: svc.build })).hash : undefined;
    out.push(`${n} ${containerSpec(project, svc, image, buildHash).hash}`);
  }
  return out;
}

/** The project cut down to the named services and what they need (compose's `config web`). */
async function withDependencies(project: Project, names: string[]): Promise<Project> {
  const { ancestors, graphOf } = await import('../plan/graph.js');
  const keep = new Set(ancestors(graphOf(project), names));
  return { ...project, services: Object.fromEntries(Object.entries(project.services).filter(([n]) => keep.has(n))) };
}

/** Problems name files relative to where the person is, when that is shorter. */
function relativeFiles(err: unknown): unknown {
  if (!(err instanceof ConfigError)) return err;
  const problems = err.problems.map((p) => {
    if (!p.file) return p;
    const rel = path.relative(process.cwd(), p.file);
    return rel.length < p.file.length ? { ...p, file: rel } : p;
  });
  return new ConfigError(problems, { hint: err.hint, cause: err });
}
