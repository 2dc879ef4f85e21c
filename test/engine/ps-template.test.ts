// ps --format with a Go template: compose's fields, `table` headers aligned on tabs, json, labels.
import { describe, expect, it } from 'vitest';
import { formatPsTemplate } from '../../src/engine/ps-template.js';
import type { PsEntry } from '../../src/engine/ps.js';
import { project } from '../helpers/project.js';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const ID = 'a'.repeat(64);
function entry(name: string, service: string, status: string): PsEntry {
  return {
    row: { service, kind: 'container', name, state: 'running', health: 'none', ports: [], restarts: 0 },
    container: { id: ID, name, service, hash: '', running: true, state: 'running', status, labels: { 'com.example.team': 'web' }, ports: [{ target: 80, published: 8080, protocol: 'tcp', ip: '0.0.0.0' }], number: 1, networks: ['demo_default'] },
    info: { Id: ID, Created: '2026-12-03T11:59:55Z', Config: { Image: 'busybox', Cmd: ['sleep', 'infinity', 'and', 'a', 'long', 'tail'], Entrypoint: null }, Mounts: [] } as unknown as PsEntry['info'],
  };
}
const p = project({ web: {}, api: {} });
const two = [entry('demo-web-1', 'web', 'Up 5 seconds'), entry('demo-api-1', 'api', 'Up 1 second')];

describe('ps --format templates', () => {
  it('prints one line per container, sorted by name, fields replaced and text kept', () => {
    expect(formatPsTemplate('{{.Name}} is {{.Status}} ({{.Service}})', two, p, { now: NOW })).toBe('demo-api-1 is Up 1 second (api)\ndemo-web-1 is Up 5 seconds (web)');
  });
  it('table: the headers compose gives, columns aligned on \\t', () => {
    const lines = formatPsTemplate('table {{.Name}}\\t{{.Ports}}\\t{{.ID}}', two, p, { now: NOW }).split('\n');
    expect(lines[0]).toMatch(/^NAME +PORTS +CONTAINER ID$/);
    expect(lines[1]).toMatch(/^demo-api-1 +0\.0\.0\.0:8080->80\/tcp +aaaaaaaaaaaa$/);
    expect(lines[1].indexOf('0.0.0.0')).toBe(lines[0].indexOf('PORTS'));
    expect(formatPsTemplate('table {{.Name}}', two, p).split('\n')[0]).toBe('NAME');
  });
  it('truncates ids and commands unless told not to; json, .Label and networks', () => {
    expect(formatPsTemplate('{{.Command}}', two.slice(0, 1), p)).toBe('"sleep infinity and …"');
    expect(formatPsTemplate('{{.ID}}', two.slice(0, 1), p, { trunc: false })).toBe(ID);
    expect(formatPsTemplate('{{.Label "com.example.team"}} {{.Networks}} {{.RunningFor}}', two.slice(0, 1), p, { now: NOW })).toBe('web demo_default 5 seconds ago');
    expect(JSON.parse(formatPsTemplate('{{json .}}', two.slice(0, 1), p))).toMatchObject({ Name: 'demo-web-1', Service: 'web', Publishers: [{ PublishedPort: 8080, TargetPort: 80 }] });
    expect(formatPsTemplate('{{json .Name}}', two.slice(0, 1), p)).toBe('"demo-web-1"');
  });
  it('refuses what it cannot do in one line naming the action', () => {
    expect(() => formatPsTemplate('{{.Nope}}', two, p)).toThrow(/--format: cannot use \{\{\.Nope\}\}/);
    expect(() => formatPsTemplate('{{range .Publishers}}x{{end}}', two, p)).toThrow(/cannot use \{\{range \.Publishers\}\}/);
  });
});
