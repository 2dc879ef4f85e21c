// Requests and limits: the environment's defaults, then compose's deploy.resources for the service
// (cpus "0.5" → "500m", memory "512M" → "512Mi"), then what the command line says.
import type { Service } from '../../config/project.js';
import type { K8sOptions } from './options.js';
import { ENV_DEFAULTS } from './options.js';
import type { Resources } from './types.js';

interface ComposeLimits {
  cpus?: string | number;
  memory?: string;
}

function cpu(v: string | number | undefined): string | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? `${Math.round(n * 1000)}m` : undefined;
}

function memory(v: string | undefined): string | undefined {
  const m = v && /^(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?$/i.exec(v.trim());
  if (!m) return undefined;
  const unit = m[2].toUpperCase();
  return unit ? `${m[1]}${unit === 'K' ? 'Ki' : `${unit}i`}` : m[1];
}

function fromCompose(l: ComposeLimits | undefined): Partial<Resources['limits']> {
  const out: Partial<Resources['limits']> = {};
  const c = cpu(l?.cpus);
  const m = memory(l?.memory);
  if (c) out.cpu = c;
  if (m) out.memory = m;
  return out;
}

export function resourcesFor(service: Service, o: K8sOptions): Resources {
  const base = ENV_DEFAULTS[o.env].resources;
  const deploy = (service.extra.deploy ?? {}) as { resources?: { limits?: ComposeLimits; reservations?: ComposeLimits } };
  return {
    requests: { ...base.requests, ...fromCompose(deploy.resources?.reservations), ...o.resources?.requests },
    limits: { ...base.limits, ...fromCompose(deploy.resources?.limits), ...o.resources?.limits },
  };
}
