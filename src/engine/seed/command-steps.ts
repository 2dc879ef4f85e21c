// Steps of the generic form: a command run in the container with the seed files copied in, or on
// the host (execa) with the files where they are. The command learns its files from
// FOXDEV_SEED_FILES (newline-separated, in order) and FOXDEV_SEED_DIR; on the host it also gets
// FOXDEV_CONTAINER so it can reach the store. Whether a failure leaves the old data depends on the
// command (e.g. a script wrapped in BEGIN … COMMIT); foxdev cannot make an opaque command atomic.
import type { ContainerHandle } from '../../runtime/container-handle.js';
import { FoxdevError } from '../../errors.js';
import type { SeedFile } from '../../plan/seed.js';
import { putSeedDir, readEntries, removeSeedDir } from './archive.js';
import { execIn } from '../../runtime/container-io.js';
import { writeCommandRecord } from './command-record.js';
import type { StepRunner } from './run-plan.js';

export interface CommandStepContext {
  container: ContainerHandle;
  projectDir: string;
  seedHash: string;
  onLog: (line: string) => void;
}

export function commandStepRunner(ctx: CommandStepContext): StepRunner {
  return async (step) => {
    if (step.op === 'record-hash') return writeCommandRecord(ctx.container, ctx.seedHash);
    if (step.op !== 'run-command') throw new FoxdevError('internal', `step ${step.op} does not apply to a command seed`);
    ctx.onLog(`running ${step.purpose} command ${JSON.stringify(step.command)} on the ${step.where}`);
    const r = step.where === 'host' ? await onHost(ctx, step.command, step.files) : await inContainer(ctx, step.command, step.files);
    if (r.exitCode !== 0) {
      const tail = (r.stderr || r.stdout).trim().split('\n').slice(-5).join('\n');
      throw new FoxdevError('seed', `${step.purpose} command ${JSON.stringify(step.command)} exited with ${r.exitCode}${tail ? `: ${tail}` : ''}`);
    }
  };
}

async function inContainer(ctx: CommandStepContext, command: string[], files: SeedFile[]) {
  const dir = await putSeedDir(ctx.container, await readEntries(files));
  try {
    return await execIn(ctx.container, command, {
      workdir: dir,
      env: { FOXDEV_SEED_DIR: dir, FOXDEV_SEED_FILES: files.map((f) => `${dir}/${f.inContainer}`).join('\n') },
      onStderr: ctx.onLog,
    });
  } finally {
    await removeSeedDir(ctx.container, dir);
  }
}

async function onHost(ctx: CommandStepContext, command: string[], files: SeedFile[]) {
  const { execa } = await import('execa'); // lazily: loading it costs every `foxdev up` ~150 ms
  const r = await execa(command[0], command.slice(1), {
    cwd: ctx.projectDir,
    reject: false,
    env: { FOXDEV_SEED_DIR: ctx.projectDir, FOXDEV_SEED_FILES: files.map((f) => f.path).join('\n'), FOXDEV_CONTAINER: ctx.container.id },
    stdin: 'ignore',
  });
  if (r.failed && r.exitCode === undefined) throw new FoxdevError('seed', `cannot run ${command[0]} on the host: ${r.message}`, { cause: r });
  return { exitCode: r.exitCode ?? 1, stdout: String(r.stdout), stderr: String(r.stderr) };
}
