// The numbers `foxdev stats` prints, from hand-made engine samples: docker's CPU % formula over the
// precpu/cpu pair, memory without the inactive page cache, I/O totals, and go-units' sizes.
import { describe, expect, it } from 'vitest';
import { bytesSize, cpuPercent, humanSize3, memoryUsage, statsRow, statsTableRow } from '../../src/engine/verbs/stats-math.js';

const sample = (o: { cpu: number; precpu: number; sys: number; presys: number; online?: number; percpu?: number[] }) => ({
  cpu_stats: { cpu_usage: { total_usage: o.cpu, percpu_usage: o.percpu }, system_cpu_usage: o.sys, online_cpus: o.online },
  precpu_stats: { cpu_usage: { total_usage: o.precpu }, system_cpu_usage: o.presys },
});

describe('cpuPercent', () => {
  it('is the container’s share of the system delta times the CPUs online', () => {
    // 0.5 s of container CPU over 4 s of system time (4 CPUs × 1 s): one CPU half busy = 50 % of one CPU.
    expect(cpuPercent(sample({ cpu: 1_500_000_000, precpu: 1_000_000_000, sys: 20_000_000_000, presys: 16_000_000_000, online: 4 }))).toBeCloseTo(50, 10);
    // One CPU fully busy on a 2-CPU host: 100 %.
    expect(cpuPercent(sample({ cpu: 2e9, precpu: 1e9, sys: 12e9, presys: 10e9, online: 2 }))).toBeCloseTo(100, 10);
  });
  it('counts percpu entries when online_cpus is missing (old engines)', () => {
    expect(cpuPercent(sample({ cpu: 2e9, precpu: 1e9, sys: 12e9, presys: 10e9, percpu: [1, 2] }))).toBeCloseTo(100, 10);
  });
  it('is 0 without a previous reading or when nothing moved', () => {
    expect(cpuPercent({ cpu_stats: { cpu_usage: { total_usage: 5e9 }, system_cpu_usage: 9e9, online_cpus: 2 } })).toBeGreaterThan(0); // precpu zero: the whole life counts
    expect(cpuPercent(sample({ cpu: 1e9, precpu: 1e9, sys: 12e9, presys: 10e9, online: 2 }))).toBe(0);
    expect(cpuPercent(sample({ cpu: 2e9, precpu: 1e9, sys: 10e9, presys: 10e9, online: 2 }))).toBe(0);
    expect(cpuPercent({})).toBe(0);
  });
});

describe('memory and I/O', () => {
  it('takes the inactive page cache out of the usage (cgroup v2 and v1)', () => {
    expect(memoryUsage({ memory_stats: { usage: 10_000, stats: { inactive_file: 4_000 } } })).toBe(6_000);
    expect(memoryUsage({ memory_stats: { usage: 10_000, stats: { total_inactive_file: 1_000 } } })).toBe(9_000);
    expect(memoryUsage({ memory_stats: { usage: 10_000, stats: { inactive_file: 20_000 } } })).toBe(10_000);
    expect(memoryUsage({ memory_stats: { usage: 10_000 } })).toBe(10_000);
  });
  it('sums every network and the read/write block entries, and prints docker’s cells', () => {
    const r = statsRow('0123456789abcdef0123', 'p-web-1', {
      cpu_stats: { cpu_usage: { total_usage: 2e9 }, system_cpu_usage: 12e9, online_cpus: 2 },
      precpu_stats: { cpu_usage: { total_usage: 1e9 }, system_cpu_usage: 10e9 },
      memory_stats: { usage: 1.5 * 1024 * 1024, limit: 64 * 1024 * 1024, stats: { inactive_file: 0 } },
      networks: { eth0: { rx_bytes: 1000, tx_bytes: 10 }, eth1: { rx_bytes: 234, tx_bytes: 0 } },
      blkio_stats: { io_service_bytes_recursive: [{ op: 'read', value: 4096 }, { op: 'write', value: 1_500_000 }, { op: 'Read', value: 4096 }, { op: 'total', value: 9 }] },
      pids_stats: { current: 3 },
    });
    expect(r).toMatchObject({ netRx: 1234, netTx: 10, blockRead: 8192, blockWrite: 1_500_000, pids: 3 });
    expect(r.memoryPercent).toBeCloseTo((1.5 / 64) * 100, 10);
    expect(statsTableRow(r, true)).toEqual(['0123456789ab', 'p-web-1', '100.00%', '1.5MiB / 64MiB', '2.34%', '1.23kB / 10B', '8.19kB / 1.5MB', '3']);
    expect(statsTableRow(r, false)[0]).toBe('0123456789abcdef0123');
  });
  it('a container without a sample (stopped, under --all) shows zeros as docker does', () => {
    expect(statsTableRow(statsRow('abc', 'p-db-1', undefined), true)).toEqual(['abc', 'p-db-1', '0.00%', '0B / 0B', '0.00%', '0B / 0B', '0B / 0B', '0']);
  });
});

describe('sizes', () => {
  it('binary with four significant digits (BytesSize), decimal with three (HumanSizeWithPrecision)', () => {
    expect(bytesSize(0)).toBe('0B');
    expect(bytesSize(1023)).toBe('1023B');
    expect(bytesSize(1024)).toBe('1KiB');
    expect(bytesSize(812 * 1024)).toBe('812KiB');
    expect(bytesSize(23.5391 * 1024 ** 3)).toBe('23.54GiB');
    expect(humanSize3(999)).toBe('999B');
    expect(humanSize3(1040)).toBe('1.04kB');
    expect(humanSize3(12_345_678)).toBe('12.3MB');
  });
});
