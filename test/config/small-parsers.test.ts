import { describe, expect, it } from 'vitest';
import { parseDotenv } from '../../src/config/dotenv.js';
import { formatDuration, parseDuration } from '../../src/config/duration.js';
import { parsePort } from '../../src/config/ports.js';
import { shellWords } from '../../src/config/shell-words.js';
import { parseVolume } from '../../src/config/volumes.js';

describe('parseDuration', () => {
  it('reads compose durations and milliseconds', () => {
    expect(parseDuration('1m30s')).toBe(90_000);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('2s')).toBe(2000);
    expect(parseDuration('1h')).toBe(3_600_000);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('10')).toBe(10_000);
    expect(parseDuration(250)).toBe(250);
    expect(parseDuration('soon')).toBeUndefined();
    expect(parseDuration('5 s')).toBeUndefined();
  });
  it('formats back to the shortest text', () => {
    expect(formatDuration(90_000)).toBe('1m30s');
    expect(formatDuration(1500)).toBe('1s500ms');
    expect(formatDuration(0)).toBe('0s');
  });
});

describe('parsePort', () => {
  it('reads short syntax', () => {
    expect(parsePort(80)).toEqual([{ target: 80, protocol: 'tcp' }]);
    expect(parsePort('80')).toEqual([{ target: 80, protocol: 'tcp' }]);
    expect(parsePort('8080:80')).toEqual([{ target: 80, published: 8080, protocol: 'tcp' }]);
    expect(parsePort('127.0.0.1:8080:80/udp')).toEqual([{ target: 80, published: 8080, protocol: 'udp', host_ip: '127.0.0.1' }]);
    expect(parsePort('127.0.0.1::80')).toEqual([{ target: 80, protocol: 'tcp', host_ip: '127.0.0.1' }]);
    expect(parsePort('[::1]:8080:80')).toEqual([{ target: 80, published: 8080, protocol: 'tcp', host_ip: '::1' }]);
  });
  it('expands ranges', () => {
    expect(parsePort('3000-3002:4000-4002')).toEqual([
      { target: 4000, published: 3000, protocol: 'tcp' },
      { target: 4001, published: 3001, protocol: 'tcp' },
      { target: 4002, published: 3002, protocol: 'tcp' },
    ]);
    expect(parsePort('8000-8010:80')).toEqual([{ target: 80, published: 8000, publishedEnd: 8010, protocol: 'tcp' }]);
    expect(parsePort('3000-3001:4000-4005')).toMatch(/ranges differ/);
  });
  it('reads long syntax with a string published port', () => {
    expect(parsePort({ target: 80, published: '8080', host_ip: '0.0.0.0', mode: 'host' })).toEqual([
      { target: 80, published: 8080, protocol: 'tcp', host_ip: '0.0.0.0', mode: 'host' },
    ]);
  });
  it('rejects nonsense', () => {
    expect(parsePort('80:http')).toMatch(/not a port/);
    expect(parsePort('80/icmp')).toMatch(/protocol/);
  });
});

describe('parseVolume', () => {
  const ctx = { baseDir: '/proj', home: '/home/me' };
  it('reads short syntax', () => {
    expect(parseVolume('./src:/app/src:ro', ctx)).toEqual({ type: 'bind', source: '/proj/src', target: '/app/src', read_only: true, bind: { create_host_path: true } });
    expect(parseVolume('~/cache:/cache', ctx)).toMatchObject({ type: 'bind', source: '/home/me/cache' });
    expect(parseVolume('data:/var/lib/data/', ctx)).toEqual({ type: 'volume', source: 'data', target: '/var/lib/data' });
    expect(parseVolume('/node_modules', ctx)).toEqual({ type: 'volume', target: '/node_modules' });
    expect(parseVolume('data:/x:nocopy', ctx)).toEqual({ type: 'volume', source: 'data', target: '/x', volume: { nocopy: true } });
  });
  it('resolves long-syntax bind sources', () => {
    expect(parseVolume({ type: 'bind', source: 'conf/nginx.conf', target: '/etc/nginx.conf', read_only: true }, ctx)).toEqual({
      type: 'bind',
      source: '/proj/conf/nginx.conf',
      target: '/etc/nginx.conf',
      read_only: true,
    });
  });
  it('rejects unknown modes', () => {
    expect(parseVolume('./a:/b:sideways', ctx)).toMatch(/unknown mode "sideways"/);
  });
});

describe('shellWords', () => {
  it('splits like a POSIX shell without expanding', () => {
    expect(shellWords('npm run start-watch')).toEqual(['npm', 'run', 'start-watch']);
    expect(shellWords(`/bin/sh -c "echo 'hi there' && exit 0"`)).toEqual(['/bin/sh', '-c', "echo 'hi there' && exit 0"]);
    expect(shellWords(`a 'b c' "" d\\ e`)).toEqual(['a', 'b c', '', 'd e']);
  });
});

describe('parseDotenv', () => {
  it('reads the compose .env format', () => {
    const text = [
      '# comment',
      'A=1',
      'export B = two words # trailing comment',
      "C='literal ${A}'",
      'D="line\\nbreak ${A}"',
      'E=${A}-${OUTER:-d}',
      'F',
      'G="multi',
      'line"',
      'not a line',
    ].join('\n');
    const { values, errors } = parseDotenv(text, (n) => (n === 'OUTER' ? 'o' : undefined));
    expect(values).toEqual({ A: '1', B: 'two words', C: 'literal ${A}', D: 'line\nbreak 1', E: '1-o', G: 'multi\nline' });
    expect(errors).toEqual([{ line: 10, message: 'expected KEY=VALUE, got "not a line"' }]);
  });
});
