// `foxdev generate k8s|helm`: the loaded project as Kubernetes manifests or a Helm chart. A file in
// --out that differs from what would be written (a hand edit, or an older generation) is kept and
// listed unless --force; --dry-run prints the diff. What could not be carried over is printed as
// notes on stderr. Options are checked against Kubernetes' own rules before anything is generated.
import type { Command } from 'commander';
import { join, relative, resolve } from 'node:path';
import { FoxdevError } from '../errors.js';
import type { K8sOptions } from '../generate/k8s/options.js';
import { globalOptions, type GlobalOptions } from './options.js';

export interface GenerateFlags {
  out?: string;
  env?: string;
  namespace?: string;
  imagePrefix?: string;
  tag?: string;
  replicas?: string;
  requests?: string;
  limits?: string;
  volumeSize?: string;
  waitImage?: string;
  force?: boolean;
  dryRun?: boolean;
}

// Kubernetes' rules for the values these options end up in (RFC 1123 label, quantity, image tag).
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const QUANTITY = /^[0-9]+(\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const IMAGE = /^[a-z0-9]+([._\/:@-][a-zA-Z0-9_.-]+)*$/;

function check(value: string | undefined, rule: RegExp, flag: string, what: string): void {
  if (value !== undefined && !rule.test(value)) throw new FoxdevError('usage', `${flag} "${value}" is not ${what}`);
}

/** "cpu=100m,memory=128Mi" → { cpu, memory }. */
function parseResources(s: string | undefined, flag: string): { cpu?: string; memory?: string } | undefined {
  if (!s) return undefined;
  const out: { cpu?: string; memory?: string } = {};
  for (const part of s.split(',')) {
    const [k, v] = part.split('=').map((x) => x.trim());
    if ((k !== 'cpu' && k !== 'memory') || !v) throw new FoxdevError('usage', `${flag} takes cpu=…,memory=…, not "${part}"`);
    check(v, QUANTITY, flag, `a Kubernetes quantity for ${k} (e.g. ${k === 'cpu' ? '250m' : '128Mi'})`);
    out[k] = v;
  }
  return out;
}

export function generateOptions(f: GenerateFlags): Partial<K8sOptions> {
  if (f.env !== undefined && f.env !== 'dev' && f.env !== 'prod') throw new FoxdevError('usage', `--env must be dev or prod, not "${f.env}"`);
  const replicas = f.replicas === undefined ? undefined : Number(f.replicas);
  if (replicas !== undefined && !(Number.isInteger(replicas) && replicas >= 1)) throw new FoxdevError('usage', `--replicas must be a whole number ≥ 1`);
  check(f.namespace, DNS_LABEL, '--namespace', 'a Kubernetes namespace (lowercase letters, digits and -, at most 63)');
  check(f.volumeSize, QUANTITY, '--volume-size', 'a Kubernetes quantity (e.g. 1Gi, 500Mi)');
  check(f.tag, TAG, '--tag', 'an image tag (letters, digits, _ . -, at most 128)');
  check(f.imagePrefix?.replace(/\/+$/, ''), IMAGE, '--image-prefix', 'a registry path (e.g. registry.example.com/team)');
  check(f.waitImage, IMAGE, '--wait-image', 'an image reference');
  const requests = parseResources(f.requests, '--requests');
  const limits = parseResources(f.limits, '--limits');
  return {
    env: f.env as K8sOptions['env'] | undefined,
    namespace: f.namespace,
    imagePrefix: f.imagePrefix,
    tag: f.tag,
    replicas,
    resources: requests || limits ? { requests, limits } : undefined,
    volumeSize: f.volumeSize,
    waitImage: f.waitImage,
  };
}

export async function runGenerate(what: 'k8s' | 'helm', g: GlobalOptions, flags: GenerateFlags, io: { out(s: string): void; err(s: string): void }): Promise<number> {
  const options = generateOptions(flags);
  const cwd = resolve(g.projectDir ?? process.cwd());
  const { loadProject } = await import('../config/load.js');
  const project = await loadProject({ cwd, files: g.file, profiles: g.profile, projectName: g.projectName, projectDirectory: g.projectDirectory, envFiles: g.envFile });
  const { planWrite, writeFiles } = await import('../generate/write.js');
  const result =
    what === 'k8s'
      ? (await import('../generate/k8s/index.js')).generateK8s(project, options)
      : (await import('../generate/helm/index.js')).generateHelm(project, options);
  const out = resolve(cwd, flags.out ?? join('deploy', what === 'k8s' ? `k8s-${options.env ?? 'dev'}` : 'helm'));
  const where = relative(process.cwd(), out) || '.';
  if (flags.dryRun) {
    const changes = planWrite(out, result.files);
    for (const c of changes) io.out(c.kind === 'differs' ? c.diff : `${c.kind === 'create' ? 'create' : 'unchanged'} ${join(where, c.path)}\n`);
    return 0;
  }
  const written = writeFiles(out, result.files, { force: flags.force });
  io.out(`foxdev: wrote ${written.written.length} files to ${where}${written.unchanged.length ? ` (${written.unchanged.length} unchanged)` : ''}\n`);
  for (const p of written.kept) io.err(`  kept ${join(where, p)}: it differs from what generate writes (--dry-run shows the diff, --force overwrites)\n`);
  for (const n of result.notes) io.err(`  note: ${n}\n`);
  return written.kept.length > 0 ? 1 : 0;
}

export function register(program: Command): void {
  const generate = program.command('generate').description('write Kubernetes manifests or a Helm chart for the project');
  for (const what of ['k8s', 'helm'] as const) {
    generate
      .command(what)
      .description(what === 'k8s' ? 'Kubernetes manifests, one file per service' : 'a Helm chart whose default values render the same objects as `generate k8s`')
      .option('-o, --out <dir>', `output folder (default: deploy/${what === 'k8s' ? 'k8s-<env>' : 'helm'})`)
      .option('--env <env>', 'dev or prod: replicas, resources, autoscaling (default: dev)')
      .option('-n, --namespace <ns>', 'namespace of every object (default: default)')
      .option('--image-prefix <prefix>', 'registry/path for images foxdev builds, e.g. registry.example.com/team')
      .option('--tag <tag>', 'tag for images foxdev builds (default: the config image tag, else foxdev)')
      .option('--replicas <n>', 'replicas of each stateless service')
      .option('--requests <spec>', 'resource requests, e.g. cpu=100m,memory=128Mi')
      .option('--limits <spec>', 'resource limits, e.g. cpu=1,memory=512Mi')
      .option('--volume-size <size>', 'size of each PersistentVolumeClaim (default: 1Gi)')
      .option('--wait-image <image>', 'image of the init containers waiting for dependencies (default: busybox:1.36)')
      .option('--force', 'overwrite files that differ from what would be written')
      .option('--dry-run', 'print what would change (a diff per differing file) and write nothing')
      .action(async (flags: GenerateFlags, cmd: Command) => {
        process.exitCode = await runGenerate(what, globalOptions(cmd), flags, { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) });
      });
  }
}
