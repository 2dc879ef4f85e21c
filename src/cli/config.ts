// `foxdev config`: print the resolved project in compose's canonical shape (YAML, or JSON), or
// just the service names in dependency order. Thin: everything is in config/ and plan/.
import type { Command } from 'commander';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { loadOptionsOf } from './options.js';

interface ConfigOptions {
  json?: boolean;
  services?: boolean;
  showSecrets?: boolean;
}

export function register(program: Command): void {
  program
    .command('config')
    .description('validate the project and print it in compose canonical form')
    .option('--json', 'print JSON instead of YAML')
    .option('--services', 'print the service names, in dependency order')
    .option('--show-secrets', 'print secret values instead of masking them')
    .action(async (opts: ConfigOptions, cmd: Command) => {
      const { loadProject } = await import('../config/load.js');
      const project = await loadProject(loadOptionsOf(cmd)).catch((err: unknown) => {
        throw relativeFiles(err);
      });
      for (const w of project.warnings ?? []) process.stderr.write(`foxdev: warning: ${w}\n`);
      if (opts.services) {
        const { dependencyOrder, graphOf } = await import('../plan/graph.js');
        const names = dependencyOrder(graphOf(project));
        if (names.length > 0) process.stdout.write(names.join('\n') + '\n');
        return;
      }
      const { toCanonical } = await import('../config/canonical.js');
      const canonical = toCanonical(project, { showSecrets: opts.showSecrets });
      if (opts.json) process.stdout.write(JSON.stringify(canonical, null, 2) + '\n');
      else {
        // YAML 1.1 quoting, so "no", "on" and "80:80" stay strings for 1.1 readers too.
        const { canonicalYaml } = await import('../config/canonical-yaml.js');
        process.stdout.write(canonicalYaml(canonical));
      }
    });
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
