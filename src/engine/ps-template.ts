// `ps --format` with a Go template, as `docker compose ps --format '{{.Name}}\t{{.Status}}'`
// and `table {{.Name}}`, and the psFormat of the Docker CLI's config.json. Hand-written because
// only this subset of text/template is in use for ps (field references, `json`, `.Label "k"`,
// literal text); there is no maintained Go-template engine for Node, and anything outside the
// subset is refused with one line rather than printed wrong.
import { FoxdevError } from '../errors.js';
import type { Project } from '../config/project.js';
import { composePsRow } from './ps-compose.js';
import { displayPorts, ellipsis, humanDuration, tabwrite } from './ps-table.js';
import type { PsEntry } from './ps.js';

type Getter = (e: PsEntry, ctx: Ctx) => unknown;
interface Ctx { project: Project; trunc: boolean; now: number }

/** compose's ContainerContext fields and their table headers. */
const FIELDS: Record<string, { header: string; get: Getter }> = {
  ID: { header: 'CONTAINER ID', get: (e, c) => (c.trunc ? (e.info?.Id ?? '').slice(0, 12) : (e.info?.Id ?? '')) },
  Name: { header: 'NAME', get: (e) => e.row.name },
  Names: { header: 'NAMES', get: (e) => e.row.name },
  Project: { header: 'PROJECT', get: (_e, c) => c.project.name },
  Service: { header: 'SERVICE', get: (e) => e.row.service },
  Image: { header: 'IMAGE', get: (e) => e.info?.Config.Image ?? '' },
  Command: { header: 'COMMAND', get: (e, c) => JSON.stringify(c.trunc ? ellipsis(row(e, c).Command, 20) : row(e, c).Command) },
  CreatedAt: { header: 'CREATED AT', get: (e) => (e.info ? new Date(e.info.Created).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' +0000 UTC') : '') },
  RunningFor: { header: 'CREATED', get: (e, c) => (e.info ? `${humanDuration(c.now - Date.parse(e.info.Created))} ago` : '') },
  ExitCode: { header: 'EXIT CODE', get: (e, c) => row(e, c).ExitCode },
  State: { header: 'STATE', get: (e, c) => row(e, c).State },
  Status: { header: 'STATUS', get: (e, c) => row(e, c).Status },
  Health: { header: 'HEALTH', get: (e, c) => row(e, c).Health },
  Publishers: { header: 'PUBLISHERS', get: (e, c) => row(e, c).Publishers },
  Ports: { header: 'PORTS', get: (e) => displayPorts(e.container?.ports ?? []) },
  Labels: { header: 'LABELS', get: (e, c) => row(e, c).Labels },
  Mounts: { header: 'MOUNTS', get: (e, c) => (e.info?.Mounts ?? []).map((m) => (m.Name ?? m.Source) as string).map((n) => (c.trunc ? ellipsis(n, 15) : n)).join(',') },
  LocalVolumes: { header: 'LOCAL VOLUMES', get: (e) => String((e.info?.Mounts ?? []).filter((m) => m.Driver === 'local').length) },
  Networks: { header: 'NETWORKS', get: (e) => (e.container?.networks ?? []).join(',') },
  Size: { header: 'SIZE', get: () => '0B' },
};

const row = (e: PsEntry, c: Ctx) => composePsRow(c.project, e);

type Part = { text: string } | { field: string | null; json: boolean; label?: string };

/** Parse once; every `{{…}}` action must be one this subset knows. */
function parse(format: string): Part[] {
  const parts: Part[] = [];
  const re = /\{\{-?\s*(.*?)\s*-?\}\}/g;
  let last = 0;
  for (let m = re.exec(format); m; m = re.exec(format)) {
    if (m.index > last) parts.push({ text: format.slice(last, m.index) });
    last = re.lastIndex;
    const action = m[1];
    const json = /^json\s+/.test(action);
    const body = json ? action.replace(/^json\s+/, '') : action;
    const label = /^\.Label\s+"([^"]*)"$/.exec(body);
    if (label) {
      parts.push({ field: 'Label', json, label: label[1] });
      continue;
    }
    if (body === '.') {
      parts.push({ field: null, json: true });
      continue;
    }
    const field = /^\.([A-Za-z]+)$/.exec(body)?.[1];
    if (!field || !FIELDS[field]) {
      throw new FoxdevError('usage', `--format: cannot use {{${action}}}: a field of ${Object.keys(FIELDS).join(', ')}, .Label "KEY", or json of one of them`);
    }
    parts.push({ field, json });
  }
  if (last < format.length) parts.push({ text: format.slice(last) });
  return parts;
}

function value(p: Exclude<Part, { text: string }>, e: PsEntry, c: Ctx): string {
  if (p.field === null) return JSON.stringify(row(e, c));
  const v = p.field === 'Label' ? (e.container?.labels[p.label!] ?? '') : FIELDS[p.field].get(e, c);
  if (p.json) return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map((x) => (typeof x === 'object' ? `{${Object.values(x as object).join(' ')}}` : String(x))).join(' ')}]`;
  return String(v);
}

const header = (p: Exclude<Part, { text: string }>): string => (p.field === null ? '' : p.field === 'Label' ? (p.label ?? '').toUpperCase() : FIELDS[p.field].header);

/** Entries printed through `format` (compose's rules: `table` adds a header and aligns on tabs). */
export function formatPsTemplate(format: string, entries: PsEntry[], project: Project, o: { trunc?: boolean; now?: number } = {}): string {
  const table = /^table(\s|$)/.test(format);
  const body = (table ? format.slice('table'.length) : format).trim().replace(/\\t/g, '\t').replace(/\\n/g, '\n');
  const parts = parse(body);
  const ctx: Ctx = { project, trunc: o.trunc ?? true, now: o.now ?? Date.now() };
  const render = (f: (p: Exclude<Part, { text: string }>) => string) => parts.map((p) => ('text' in p ? p.text : f(p))).join('');
  const sorted = [...entries].sort((a, b) => a.row.name.localeCompare(b.row.name));
  const lines = sorted.map((e) => render((p) => value(p, e, ctx)));
  if (!table) return lines.join('\n');
  return tabwrite([render(header), ...lines].map((l) => l.split('\t')));
}
