// PURE: a service's volumes as the engine wants them. Binds that may create their host path
// (the short syntax `./data:/data`, or `bind.create_host_path: true`) go in HostConfig.Binds,
// because only that form makes a missing host directory, as docker compose does on this engine
// (API 1.41 has no BindOptions.CreateMountpoint); everything else is a Mounts entry with its
// per-type options. File-based secrets and configs are read-only binds; `use_api_socket` binds
// the engine's socket.
import type { Project, ResolvedMount, Service } from '../config/project.js';
import { parseBytes } from '../config/bytes.js';

type Dict = Record<string, unknown>;

export interface MountParts {
  mounts: Dict[];
  binds: string[];
  /** Key path and reason for each mount this engine cannot make. */
  refused: Array<{ path: string; message: string }>;
}

export function mountParts(project: Project, svc: Service, apiAtLeast: (v: string) => boolean): MountParts {
  const out: MountParts = { mounts: [], binds: [], refused: [] };
  svc.volumes.forEach((m, i) => {
    const at = `services.${svc.name}.volumes[${i}]`;
    if (m.type === 'bind' && m.bind?.create_host_path === true) out.binds.push(bindString(m));
    else if (m.type === 'npipe') out.refused.push({ path: at, message: 'npipe mounts are for Windows engines' });
    else {
      // Kept in the body even when refused, so the config hash does not depend on the engine.
      out.mounts.push(mountEntry(project, m));
      if (m.type === 'image' && !apiAtLeast('1.47')) out.refused.push({ path: at, message: 'image mounts need Docker Engine API 1.47 (Docker 28); this engine is older' });
      if (m.volume?.subpath !== undefined && !apiAtLeast('1.45')) out.refused.push({ path: `${at}.volume.subpath`, message: 'volume subpath needs Docker Engine API 1.45 (Docker 26); this engine is older' });
    }
  });
  if (svc.extra.use_api_socket === true) out.binds.push('/var/run/docker.sock:/var/run/docker.sock');
  return out;
}

function bindString(m: ResolvedMount): string {
  const opts = [m.read_only ? 'ro' : 'rw'];
  if (typeof m.bind?.selinux === 'string') opts.push(m.bind.selinux);
  if (typeof m.bind?.propagation === 'string') opts.push(m.bind.propagation);
  return `${m.source}:${m.target}:${opts.join(',')}`;
}

function mountEntry(project: Project, m: ResolvedMount): Dict {
  const e: Dict = { Type: m.type, Target: m.target, ReadOnly: m.read_only };
  if (m.type === 'volume') e.Source = m.source ? (project.volumes[m.source]?.name ?? m.source) : undefined;
  else if (m.source !== undefined) e.Source = m.source;
  if (m.type === 'bind' && typeof m.bind?.propagation === 'string') e.BindOptions = { Propagation: m.bind.propagation };
  if (m.type === 'volume' && m.volume) {
    const o: Dict = {};
    if (m.volume.nocopy === true) o.NoCopy = true;
    if (typeof m.volume.subpath === 'string') o.Subpath = m.volume.subpath;
    if (Object.keys(o).length) e.VolumeOptions = o;
  }
  if (m.type === 'tmpfs' && m.tmpfs) {
    const o: Dict = {};
    const size = parseBytes(m.tmpfs.size);
    if (size !== undefined) o.SizeBytes = size;
    if (m.tmpfs.mode !== undefined) o.Mode = Number(m.tmpfs.mode);
    if (Object.keys(o).length) e.TmpfsOptions = o;
  }
  if (m.type === 'image' && typeof m.image?.subpath === 'string') e.ImageOptions = { Subpath: m.image.subpath };
  return e;
}
