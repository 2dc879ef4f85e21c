// PURE: compose's lifecycle hooks of a service (`post_start`, `pre_stop`) as exec requests.
// A string command is split as compose splits it (shell words), not run through a shell.
import type { Service } from '../config/project.js';
import { shellWords } from '../config/shell-words.js';

type Dict = Record<string, unknown>;

export interface Hook {
  command: string[];
  user?: string;
  workdir?: string;
  env: Record<string, string>;
}

export interface Hooks {
  postStart: Hook[];
  preStop: Hook[];
}

export function hooksOf(svc: Service): Hooks {
  return { postStart: list(svc.extra.post_start), preStop: list(svc.extra.pre_stop) };
}

function list(v: unknown): Hook[] {
  return (Array.isArray(v) ? (v as Dict[]) : []).map((h) => ({
    command: typeof h.command === 'string' ? shellWords(h.command) : ((h.command ?? []) as unknown[]).map(String),
    ...(typeof h.user === 'string' ? { user: h.user } : {}),
    ...(typeof h.working_dir === 'string' ? { workdir: h.working_dir } : {}),
    env: envOf(h.environment),
  }));
}

function envOf(e: unknown): Record<string, string> {
  if (Array.isArray(e))
    return Object.fromEntries(e.map(String).map((kv) => (kv.includes('=') ? [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)] : [kv, ''])));
  if (e && typeof e === 'object') return Object.fromEntries(Object.entries(e as Dict).map(([k, v]) => [k, v === null ? '' : String(v)]));
  return {};
}
