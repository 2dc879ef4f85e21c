// `foxdev ps --format json` in compose's shape (the keys `docker compose ps --format json`
// prints), so scripts written against compose read foxdev's output unchanged.
import type { Project } from '../config/project.js';
import type { PsEntry } from './ps.js';

export interface ComposePsPublisher {
  URL: string;
  TargetPort: number;
  PublishedPort: number;
  Protocol: string;
}

export interface ComposePsRow {
  ID: string;
  Name: string;
  Image: string;
  Command: string;
  Project: string;
  Service: string;
  Created: number;
  State: string;
  Status: string;
  Health: string;
  ExitCode: number;
  Publishers: ComposePsPublisher[];
  Labels: string;
}

export function composePsRow(project: Project, e: PsEntry): ComposePsRow {
  const info = e.info;
  const labels = e.container?.labels ?? {};
  return {
    ID: info?.Id ?? '',
    Name: e.row.name,
    Image: info?.Config.Image ?? '',
    Command: info ? commandOf(info) : '',
    Project: project.name,
    Service: e.row.service,
    Created: info ? Math.floor(Date.parse(info.Created) / 1000) : 0,
    State: e.row.state,
    Status: e.container?.status ?? e.row.state,
    // Compose prints "" where foxdev's table says "none".
    Health: e.row.health === 'none' ? '' : e.row.health,
    ExitCode: e.row.exitCode ?? 0,
    Publishers: publishers(e),
    Labels: Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(','),
  };
}

/** compose's Publishers: every port the engine lists (exposed ones with no URL), in port order. */
function publishers(e: PsEntry): ComposePsPublisher[] {
  return (e.container?.ports ?? [])
    .map((p) => ({ URL: p.published ? (p.ip ?? '0.0.0.0') : '', TargetPort: p.target, PublishedPort: p.published ?? 0, Protocol: p.protocol }))
    .sort((a, b) => a.TargetPort - b.TargetPort || a.PublishedPort - b.PublishedPort || a.URL.localeCompare(b.URL) || a.Protocol.localeCompare(b.Protocol));
}

/** The command a container runs, as compose shows it: entrypoint and command, joined. */
export function commandOf(info: NonNullable<PsEntry['info']>): string {
  return [...list(info.Config.Entrypoint), ...list(info.Config.Cmd)].join(' ');
}

const list = (v: string | string[] | undefined | null): string[] => (v == null ? [] : Array.isArray(v) ? v : [v]);
