import { describe, expect, it } from 'vitest';
import { displayPorts, ellipsis, formatComposePs, humanDuration } from '../../src/engine/ps-table.js';
import type { PsEntry } from '../../src/engine/ps.js';

const NOW = Date.parse('2026-12-03T12:00:00Z');
function entry(name: string, service: string, cmd: string[], status: string, ports: PsEntry['container'] extends infer C ? C extends { ports: infer P } ? P : never : never): PsEntry {
  return {
    row: { service, kind: 'container', name, state: 'running', health: 'none', ports: [], restarts: 0 },
    container: { id: 'x', name, service, hash: '', running: true, state: 'running', status, labels: {}, ports, number: 1, networks: [] },
    info: { Created: '2026-12-03T11:59:55Z', Config: { Image: 'busybox', Cmd: cmd, Entrypoint: null } } as unknown as PsEntry['info'],
  };
}

describe("ps in compose's columns", () => {
  it("compose's TestPs: names sorted, the command quoted and cut, docker's ports", () => {
    const text = formatComposePs(
      [
        entry('e2e-ps-nginx-1', 'nginx', ['nginx', '-g', 'daemon off;'], 'Up 4 seconds', [{ target: 443, protocol: 'tcp' }, { target: 80, protocol: 'tcp' }, { target: 8080, protocol: 'tcp' }]),
        entry('e2e-ps-busybox-1', 'busybox', ['busybox', 'httpd', '-f', '-p', '8000'], 'Up 4 seconds', [{ target: 8000, published: 8001, protocol: 'tcp', ip: '127.0.0.1' }]),
      ],
      NOW,
    );
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^NAME +IMAGE +COMMAND +SERVICE +CREATED +STATUS +PORTS$/);
    expect(lines[1]).toMatch(/^e2e-ps-busybox-1 +busybox +"busybox httpd -f -p…" +busybox +5 seconds ago +Up 4 seconds +127\.0\.0\.1:8001->8000\/tcp$/);
    expect(lines[2]).toContain('80/tcp, 443/tcp, 8080/tcp');
    // Columns line up: each starts where its header does.
    expect(lines[1].indexOf('busybox ')).toBe(lines[0].indexOf('IMAGE'));
  });
  it("docker's words and shapes", () => {
    expect(ellipsis('short', 20)).toBe('short');
    expect(ellipsis('docker-entrypoint.sh postgres', 20)).toBe('docker-entrypoint.s…');
    expect([0.5, 1, 42, 61, 600, 3600, 7200, 3 * 86400].map((s) => humanDuration(s * 1000))).toEqual([
      'Less than a second', '1 second', '42 seconds', 'About a minute', '10 minutes', 'About an hour', '2 hours', '3 days',
    ]);
    expect(displayPorts([{ target: 80, published: 8080, protocol: 'tcp', ip: '::' }, { target: 80, published: 8080, protocol: 'tcp', ip: '0.0.0.0' }])).toBe('0.0.0.0:8080->80/tcp, [::]:8080->80/tcp');
  });
});
