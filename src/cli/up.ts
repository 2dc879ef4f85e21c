import { Option, type Command } from 'commander';
import { FoxdevError, noSuchService } from '../errors.js';
import { loadFromOptions } from './options.js';
import { parseScaleFlags } from '../plan/replicas.js';

interface UpFlags {
  detach?: boolean;
  tui?: boolean;
  waitTimeout: string;
  dryRun?: boolean;
  color?: boolean;
  timestamps?: boolean;
  build?: boolean;
  noBuild?: boolean;
  forceRecreate?: boolean;
  recreate?: boolean;
  deps?: boolean;
  abortOnContainerExit?: boolean;
  abortOnContainerFailure?: boolean;
  exitCodeFrom?: string;
  removeOrphans?: boolean;
  wait?: boolean;
  timeout?: string;
  start?: boolean;
  scale?: string[];
  attach?: string[];
  noAttach?: string[];
  attachDependencies?: boolean;
  watch?: boolean;
  web?: boolean;
  webPort?: string;
  pull?: string;
  renewAnonVolumes?: boolean;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

export function register(program: Command): void {
  program
    .command('up')
    .description('build and start services in dependency order (all, or the named ones and what they need)')
    .argument('[services...]', 'services to start, with their dependencies')
    .option('-d, --detach', 'return once everything is ready (exit 0) or something failed (exit 1)')
    .option('--wait', 'as compose: wait until services are running/healthy, then return (same as --detach)')
    .option('--no-tui', 'print prefixed log lines instead of the dashboard')
    .option('--wait-timeout <seconds>', 'with --detach/--wait: give up after this many seconds', '300')
    .option('--dry-run', 'print the plan and change nothing')
    .option('--no-color', 'plain output')
    .option('--timestamps', 'show timestamps in log lines')
    .option('--build', 'build images even when the cached one matches')
    .option('--no-build', 'do not build; use the images there are')
    .option('--force-recreate', 'recreate containers even if their config is unchanged')
    .option('--no-recreate', 'keep existing containers even if their config changed')
    .option('--no-deps', 'start only the named services, not what they depend on')
    .option('--abort-on-container-exit', 'stop everything when any container exits (a job completing counts too, as in compose)')
    .option('--abort-on-container-failure', 'stop everything when any container exits with a non-zero code')
    .option('--exit-code-from <service>', 'exit with this service’s exit code (implies --abort-on-container-exit)')
    .option('--remove-orphans', 'remove containers of services no longer in the config')
    .option('-t, --timeout <seconds>', 'grace period when stopping, instead of each service’s stop_grace_period')
    .option('--no-start', 'do not start the services after creating them (as foxdev create)')
    .option('--scale <service=n>', 'run n containers of a service, over its scale / deploy.replicas (repeatable)', collect)
    .option('--attach <service>', 'show logs of this service only (repeatable)', collect)
    .addOption(noAttachOption())
    .option('--attach-dependencies', 'also show the logs of the services the named ones depend on')
    .option('-w, --watch', 'watch source code and sync, restart or rebuild containers when files change (every foreground up does; this also prints "Watch enabled")')
    .option('--web-port <port>', 'serve the web dashboard on this port of 127.0.0.1 (default: a free one)')
    .option('--no-web', 'do not serve the web dashboard')
    .option('-V, --renew-anon-volumes', 'recreate anonymous volumes instead of keeping the data of the previous containers')
    .option('--pull <policy>', 'pull images before running: always, missing, never, or policy (default: each service’s pull_policy)')
    .option('--quiet-pull', 'pull without progress (accepted: foxdev prints one line per pull)')
    .option('-y, --yes', 'assume "yes" as answer to all prompts (accepted: up asks nothing)')
    .option('--menu [enabled]', 'accepted for compose compatibility (compose’s navigation menu); foxdev’s dashboard is --tui/--no-tui')
    .action(async (services: string[], flags: UpFlags, cmd: Command) => {
      // Load the engine code while the config loads: both sit on the path to the first container.
      const engine = import('./up-run.js');
      // commander stores --no-build as build=false, which collides with --build: read the raw words.
      const words = process.argv;
      const wantBuild = words.includes('--build');
      const noBuild = words.includes('--no-build');
      if (wantBuild && noBuild) throw new FoxdevError('usage', '--build and --no-build are incompatible');
      if (flags.forceRecreate && flags.recreate === false) throw new FoxdevError('usage', '--force-recreate and --no-recreate are incompatible');
      const abort = flags.abortOnContainerExit === true || flags.exitCodeFrom !== undefined || flags.abortOnContainerFailure === true;
      if (flags.abortOnContainerExit && flags.abortOnContainerFailure) throw new FoxdevError('usage', '--abort-on-container-failure cannot be combined with --abort-on-container-exit');
      const detach = flags.detach === true || flags.wait === true;
      if (detach && (flags.watch || flags.attach?.length || flags.attachDependencies))
        throw new FoxdevError('usage', `${flags.wait ? '--wait' : '--detach'} cannot be combined with --abort-on-container-exit, --abort-on-container-failure, --attach, --attach-dependencies or --watch`);
      if (abort && detach) throw new FoxdevError('usage', '--abort-on-container-exit, --abort-on-container-failure and --exit-code-from cannot be used with --detach/--wait');
      const webPort = flags.webPort === undefined ? undefined : Number(flags.webPort);
      if (webPort !== undefined && !(Number.isInteger(webPort) && webPort >= 1 && webPort <= 65535)) throw new FoxdevError('usage', `--web-port: expected a port number from 1 to 65535, got ${flags.webPort}`);
      const timeout = flags.timeout === undefined ? undefined : Number(flags.timeout);
      if (timeout !== undefined && !(timeout >= 0)) throw new FoxdevError('usage', `invalid --timeout ${flags.timeout}`);
      const { checkPull, withPull } = await import('./pull-flag.js');
      checkPull(flags.pull);
      // Naming a profiled service enables its profiles, as compose does.
      const load = async () => withPull(await loadFromOptions(cmd, services.length ? services : undefined), flags.pull);
      const project = await load();
      const daemon = await import('./sync-daemon.js');
      // The background live sync an earlier `up -d` started: same arguments, only syncing.
      if (daemon.isSyncDaemon()) return void (process.exitCode = await daemon.runSyncDaemon(project, services));
      if (flags.exitCodeFrom && !project.services[flags.exitCodeFrom]) throw noSuchService(flags.exitCodeFrom, Object.keys(project.services), { prefix: '--exit-code-from: ' });
      const { attachedServices } = await import('./up-attach.js');
      const attach = attachedServices(project, services, flags);
      if (flags.watch) {
        const { selectForUp } = await import('../engine/verbs/create.js');
        if (!selectForUp(project, services, flags.deps === false).some((n) => project.services[n].sync.length))
          throw new FoxdevError('usage', 'none of the selected services is configured for watch, see https://docs.docker.com/compose/how-tos/file-watch/');
      }
      if (flags.start === false) {
        const { createOnly } = await import('./create.js');
        const plan = { build: wantBuild ? 'always' : noBuild ? 'never' : 'auto', forceRecreate: flags.forceRecreate, noRecreate: flags.recreate === false, noDeps: flags.deps === false, renewAnonVolumes: flags.renewAnonVolumes === true } as const;
        return createOnly(project, services, { ...plan, scale: parseScaleFlags(project, flags.scale ?? []) }, flags.removeOrphans === true);
      }
      const { runUp } = await engine;
      process.exitCode = await runUp(project, services, {
        detach,
        reload: load,
        tui: flags.tui !== false && process.stdout.isTTY === true && !detach && !abort,
        waitTimeoutMs: Number(flags.waitTimeout) * 1000,
        dryRun: flags.dryRun === true,
        color: flags.color !== false && process.stdout.isTTY === true,
        timestamps: flags.timestamps === true,
        plan: {
          build: wantBuild ? 'always' : noBuild ? 'never' : 'auto',
          forceRecreate: flags.forceRecreate,
          noRecreate: flags.recreate === false,
          noDeps: flags.deps === false,
          renewAnonVolumes: flags.renewAnonVolumes === true,
          scale: parseScaleFlags(project, flags.scale ?? []),
        },
        abortOnExit: flags.abortOnContainerExit === true || (flags.exitCodeFrom !== undefined && flags.abortOnContainerFailure !== true),
        abortOnFailure: flags.abortOnContainerFailure === true,
        exitCodeFrom: flags.exitCodeFrom,
        removeOrphans: flags.removeOrphans === true,
        stopTimeoutMs: timeout === undefined ? undefined : timeout * 1000,
        attach,
        watch: flags.watch === true,
        web: { web: flags.web, webPort },
      });
    });
}

/** `--no-attach <service>`: its own option, not the negation of --attach (commander reads `--no-x` as one). */
function noAttachOption(): Option {
  const o = new Option('--no-attach <service>', 'do not show this service’s logs (repeatable)').argParser(collect);
  o.negate = false;
  return o;
}
