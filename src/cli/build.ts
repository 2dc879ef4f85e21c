import { type Command, Option } from 'commander';
import { FoxdevError } from '../errors.js';
import { parseBytes } from '../config/bytes.js';
import { resolveBareEnv } from './bare-env.js';
import { loadFromOptions } from './options.js';

const collect = (v: string, prev: string[] = []) => [...prev, v];

// compose build flags that need BuildKit or buildx, which foxdev's engine builds do not use.
const REFUSED: Array<[string, string]> = [
  ['builder', 'foxdev builds with the engine’s own builder; there is no buildx builder to choose'],
  ['check', 'build checks need BuildKit, and foxdev builds with the engine’s classic builder'],
  ['print', 'foxdev does not build through buildx bake, so there is no bake definition to print'],
  ['provenance', 'attestations need BuildKit, and foxdev builds with the engine’s classic builder'],
  ['sbom', 'attestations need BuildKit, and foxdev builds with the engine’s classic builder'],
  ['ssh', 'ssh forwarding needs BuildKit, and foxdev builds with the engine’s classic builder'],
];

interface Flags {
  force?: boolean;
  buildArg?: string[];
  cache?: boolean;
  pull?: boolean;
  push?: boolean;
  quiet?: boolean;
  memory?: string;
  withDependencies?: boolean;
  [k: string]: unknown;
}

export function register(program: Command): void {
  const cmd = program
    .command('build')
    .description('build the images of services with a build section (unchanged contexts are skipped)')
    .argument('[services...]')
    .option('--force', 'build even when the context and config are unchanged')
    .option('--build-arg <KEY[=VALUE]>', 'set a build argument for every service (KEY alone: from the shell, then .env)', collect)
    .option('--no-cache', 'do not use the build cache')
    .option('--pull', 'always pull a newer version of the base images')
    .option('--push', 'push the images that have an `image:` name after building')
    .option('-q, --quiet', 'print nothing but errors')
    .option('-m, --memory <bytes>', 'memory limit of the build container (e.g. 512m)')
    .option('--with-dependencies', 'also build the services the named ones depend on');
  for (const [flag] of REFUSED) cmd.addOption(new Option(`--${flag} [value]`).hideHelp());
  cmd.action(async (services: string[], flags: Flags, c: Command) => {
    for (const [flag, why] of REFUSED) {
      const key = flag.replace(/-(.)/g, (_, ch: string) => ch.toUpperCase());
      if (flags[key] !== undefined) throw new FoxdevError('usage', `build --${flag}: ${why}`);
    }
    let memory: number | undefined;
    if (flags.memory !== undefined) {
      memory = parseBytes(flags.memory);
      if (memory === undefined) throw new FoxdevError('usage', `build --memory: expected a size such as 512m or 1g, got "${flags.memory}"`);
    }
    const project = await loadFromOptions(c, services.length ? services : undefined);
    const args: Record<string, string> = {};
    for (const w of resolveBareEnv(flags.buildArg ?? [], project.dotenv ?? {})) {
      const i = w.indexOf('=');
      args[w.slice(0, i)] = w.slice(i + 1);
    }
    const { connectRuntime } = await import('../runtime/engine-runtime.js');
    const { buildServices } = await import('../engine/build.js');
    const runtime = await connectRuntime();
    await buildServices(runtime, project, services, {
      force: flags.force === true,
      args,
      // commander's --no-cache sets `cache: false`.
      flags: { noCache: flags.cache === false, pull: flags.pull === true, ...(memory !== undefined ? { memory } : {}) },
      push: flags.push === true,
      withDependencies: flags.withDependencies === true,
      onLine: flags.quiet ? () => {} : (s, l) => process.stdout.write(`${s} | ${l}\n`),
    });
  });
}
