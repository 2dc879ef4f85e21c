// The Runtime (runtime/runtime.ts) over the Docker Engine API: each method is one of the small
// call files beside it (containers, inspect, images, archives, objects, build, exec, logs, events,
// stats) bound to one dockerode client,
// and host processes through runtime/process.ts. Nothing is decided here.
import type Docker from 'dockerode';
import type { Runtime } from '../runtime.js';
import { processAlive, runOnHost, spawnHostProcess, stopGroup } from '../process.js';
import { buildImage, imageBuildHash } from './build.js';
import { connectNetwork, disconnectNetwork, createContainer, listContainersByLabel, listProjectContainers, putFile, removeContainer, setRestartPolicy, signalContainer, stopContainer } from './containers.js';
import { containerLinkTarget, containerPathIsDir, copyFromContainer, copyIntoContainer } from './archives.js';
import { streamEvents } from './events.js';
import { execIn } from './exec.js';
import { execInteractive } from './exec-interactive.js';
import { handleOf } from './handle.js';
import { inspectImage, removeImage } from './images.js';
import { engineVersion, inspectContainer, topContainer } from './inspect.js';
import { runAttached } from './run-attached.js';
import { sampleStats } from './stats.js';
import { containerLogs } from './logs.js';
import { createNetworkIfMissing, createVolume, missingVolumes, networkExists, networkLabels, removeNetwork, removeProjectNetworks, removeProjectVolumes } from './objects.js';
import { pullImage } from './pull.js';
import { pushImage } from './push.js';
import { engineHealthcheck } from './engine-healthcheck.js';

const runtimes = new WeakMap<Docker, Runtime>();

/** One Runtime per client, so the API version is asked once however many callers wrap it. */
export function dockerRuntime(docker: Docker): Runtime {
  let r = runtimes.get(docker);
  if (!r) {
    r = makeRuntime(docker);
    runtimes.set(docker, r);
  }
  return r;
}

function makeRuntime(docker: Docker): Runtime {
  let api: Promise<string | undefined> | undefined;
  const c = (id: string) => docker.getContainer(id);
  return {
    ping: async () => void (await docker.ping()),
    apiVersion: () => (api ??= docker.version().then((v) => v.ApiVersion, () => undefined)),
    engineVersion: () => engineVersion(docker),
    listProjectContainers: (project) => listProjectContainers(docker, project),
    listContainersByLabel: (labels, opts) => listContainersByLabel(docker, labels, opts),
    inspectContainer: (id) => inspectContainer(docker, id),
    createContainer: async (name, body) => (await createContainer(docker, name, body)).id,
    async startContainer(id) {
      // Start straight away instead of inspecting first: the engine answers 304 when it already runs.
      try {
        await c(id).start();
      } catch (err) {
        if ((err as { statusCode?: number }).statusCode !== 304) throw err;
      }
    },
    stopContainer: (id, graceMs) => stopContainer(docker, id, graceMs),
    async killContainer(id) {
      await c(id)
        .kill()
        .catch(() => {});
    },
    signalContainer: (id, signal) => signalContainer(docker, id, signal),
    removeContainer: (id, opts) => removeContainer(docker, id, opts),
    restartContainer: async (id, graceMs) => void (await c(id).restart({ t: Math.max(0, Math.ceil(graceMs / 1000)) })),
    pauseContainer: async (id) => void (await c(id).pause()),
    unpauseContainer: async (id) => void (await c(id).unpause()),
    async waitContainer(id, signal) {
      const r = (await c(id).wait({ abortSignal: signal })) as { StatusCode: number };
      return r.StatusCode;
    },
    async exitInfo(id) {
      const info = await c(id)
        .inspect()
        .catch(() => undefined);
      if (!info) return undefined;
      return { oomKilled: info.State?.OOMKilled === true, memoryLimit: info.HostConfig?.Memory || undefined };
    },
    async containerState(id) {
      const s = (await c(id).inspect()).State;
      return { status: s.Status, exitCode: s.ExitCode, health: s.Health?.Status ?? '' };
    },
    async containerHealthcheck(id) {
      const info = await c(id)
        .inspect()
        .catch(() => undefined);
      return engineHealthcheck(info?.Config?.Healthcheck);
    },
    setRestartPolicy: (id, policy) => setRestartPolicy(docker, id, policy),
    connectNetwork: (id, network, endpoint) => connectNetwork(docker, id, network, endpoint),
    disconnectNetwork: (id, network) => disconnectNetwork(docker, id, network),
    putFile: (id, file) => putFile(docker, id, file),
    containerLogs: (id, opts, onLine) => containerLogs(docker, id, opts, onLine),
    exec: (id, cmd, opts) => execIn(c(id), cmd, opts),
    execInteractive: (id, cmd, opts) => execInteractive(docker, id, cmd, opts),
    runAttached: (id, opts) => runAttached(docker, id, opts),
    topContainer: (id) => topContainer(docker, id),
    containerStats: (id) => sampleStats(docker, id),
    copyFromContainer: (id, path) => copyFromContainer(docker, id, path),
    copyIntoContainer: (id, dir, tar, o) => copyIntoContainer(docker, id, dir, tar, o),
    containerLinkTarget: (id, path) => containerLinkTarget(docker, id, path),
    containerPathIsDir: (id, path) => containerPathIsDir(docker, id, path),
    handle: (id) => handleOf(c(id)),
    streamEvents: (q, onEvent, signal) => streamEvents(docker, q, onEvent, signal),
    imageBuildHash: (tag) => imageBuildHash(docker, tag),
    buildImage: (build, onLine, signal) => buildImage(docker, build, onLine, signal),
    pullImage: (image) => pullImage(docker, image),
    pushImage: (image, onLine) => pushImage(docker, image, onLine),
    inspectImage: (ref) => inspectImage(docker, ref),
    removeImage: (ref) => removeImage(docker, ref),
    networkExists: (name) => networkExists(docker, name),
    networkLabels: (name) => networkLabels(docker, name),
    removeNetwork: (name) => removeNetwork(docker, name),
    createNetworkIfMissing: (body) => createNetworkIfMissing(docker, body),
    missingVolumes: (names) => missingVolumes(docker, names),
    createVolume: (project, name, labels) => createVolume(docker, project, name, labels),
    removeProjectNetworks: (project) => removeProjectNetworks(docker, project),
    removeProjectVolumes: (project) => removeProjectVolumes(docker, project),
    spawnProcess: spawnHostProcess,
    stopProcessGroup: stopGroup,
    execOnHost: runOnHost,
    processAlive,
  };
}
