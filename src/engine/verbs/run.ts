// `foxdev run SERVICE [CMD…]`: a one-off container from the service's spec. Its dependencies are
// brought up first (a detached `up` of just them) unless noDeps; the command's exit code is the
// result; `rm` removes the container afterwards. `detach` starts it and prints its id, as
// `docker compose run -d` does. Orphans are warned about (or removed) first, as compose's run does.
import { randomBytes } from 'node:crypto';
import type { Project } from '../../config/project.js';
import { FoxdevError } from '../../errors.js';
import { runSpec, type RunOverrides } from '../../plan/run-spec.js';
import { createStore, initialState } from '../../store/index.js';
import { createLinePrinter } from '../../logfmt/index.js';
import { imageName } from '../../names/labels.js';
import { prepareNetworks } from '../networks.js';
import { createServiceContainer } from '../service-container.js';
import { Session } from '../session.js';
import { settledError, waitSettled } from '../up.js';
import { checkServices } from './targets.js';
import { removeOrphansSet } from '../../plan/orphans.js';
import { engineMessage, statusOf, type Runtime } from '../../runtime/runtime.js';
import { buildServices } from '../build.js';

export interface RunOptions extends Omit<RunOverrides, 'id'> {
  rm?: boolean;
  /** --build: build the service's image first (without it, only a missing image is built, as compose does). */
  build?: boolean;
  /** --pull: always pull the image first, pull it when missing (the default), or never. */
  pull?: 'always' | 'missing' | 'never';
  noDeps?: boolean;
  detach?: boolean;
  removeOrphans?: boolean;
  /** Where the container's id goes with `detach` (stdout). */
  onId?: (id: string) => void;
  /** Where dependency start-up lines go (stderr, so stdout is the command's alone). */
  onLine: (chunk: string) => void;
}

export async function runOneOff(runtime: Runtime, project: Project, service: string, o: RunOptions): Promise<number> {
  checkServices(project, [service]);
  const svc = project.services[service];
  if (svc.kind === 'process') throw new FoxdevError('usage', `${service} is a host process; run the command on the host instead`);
  const orphans = await import('./orphans.js');
  if (o.removeOrphans || removeOrphansSet(project)) await orphans.removeOrphans(runtime, project, (l) => o.onLine(`${l}\n`));
  else await orphans.warnOrphans(runtime, project, (l) => o.onLine(`${l}\n`));
  const deps = Object.keys(svc.depends_on);
  if (!o.noDeps && deps.length) await upDependencies(runtime, project, deps, o.onLine);
  await prepareNetworks(runtime, project, [service]);
  const image = svc.build ? imageName(project.name, svc) : (svc.image ?? '');
  await ensureImage(runtime, project, service, image, o);
  const id = randomBytes(6).toString('hex');
  const created = await createServiceContainer(runtime, project, svc, image, {
    say: (l) => o.onLine(`${l}\n`),
    reshape: (spec) => runSpec(project, svc, image, { ...o, id, autoRemove: o.rm === true && o.detach === true }, spec),
  }).catch((err: { statusCode?: number }) => {
    if (err.statusCode === 404) throw new FoxdevError('engine', `image ${image} is not available locally`, { hint: svc.build ? `build it with foxdev build ${service}` : undefined, cause: err });
    throw err;
  });
  if (o.detach) {
    // --rm with -d: the engine removes it when it exits (compose sets AutoRemove the same way).
    await runtime.startContainer(created.id);
    o.onId?.(created.id);
    return 0;
  }
  try {
    return await runtime.runAttached(created.id, { tty: o.tty, interactive: o.interactive });
  } finally {
    if (o.rm) await runtime.removeContainer(created.id, { volumes: true }).catch(() => {});
  }
}

/** compose's run: build a service's image when asked or when it is missing; pull as --pull says. */
async function ensureImage(runtime: Runtime, project: Project, service: string, image: string, o: RunOptions): Promise<void> {
  const present = () => runtime.inspectImage(image).then(() => true, (err) => (statusOf(err) === 404 ? false : Promise.reject(err)));
  if (project.services[service].build) {
    if (o.build || !(await present())) await buildServices(runtime, project, [service], { force: false, onLine: (_s, l) => o.onLine(`${l}\n`) });
    return;
  }
  if (o.pull === 'always' || (o.pull === 'never' && !(await present()))) {
    if (o.pull === 'never') throw new FoxdevError('engine', `image ${image} is not available locally (--pull never)`);
    o.onLine(`pulling image ${image}\n`);
    await runtime.pullImage(image).catch((err) => {
      throw new FoxdevError('engine', `image ${image} could not be pulled: ${engineMessage(err)}`, { cause: err });
    });
  }
}

async function upDependencies(runtime: Runtime, project: Project, deps: string[], write: (chunk: string) => void): Promise<void> {
  const store = createStore(initialState({ logBufferLines: project.logBuffer }));
  const printer = createLinePrinter(store, write, { color: false });
  const session = new Session({ runtime, project, dispatch: store.dispatch, detach: true });
  try {
    await session.start(await session.prepare(deps));
    const result = await waitSettled(session, 300_000);
    await session.detach();
    if (!result.ok) throw settledError(result);
  } finally {
    printer.close();
  }
}
