// compose's view of engine events (`foxdev events`): which events show, their attributes, both
// printed forms, and docker's --since/--until words turned into the API's Unix time.
import { describe, expect, it } from 'vitest';
import { apiTimestamp, composeEvent, eventJson, formatEventLine, parseDuration, rfc3339Nano } from '../../src/engine/verbs/event-format.js';

const raw = (over: Record<string, unknown> = {}, attrs: Record<string, string> = {}) => ({
  Type: 'container',
  Action: 'die',
  Actor: { ID: 'c0ffee', Attributes: { 'com.docker.compose.project': 'p', 'com.docker.compose.service': 'web', 'dev.foxdev.project': 'p', image: 'foxdev/busybox:1', name: 'p-web-1', exitCode: '143', ...attrs } },
  time: 1_700_000_000,
  timeNano: '1700000000123456789',
  ...over,
});

describe('composeEvent', () => {
  it('keeps container events of the selected services, without the orchestrators’ labels', () => {
    const e = composeEvent(raw(), ['web'])!;
    expect(e).toEqual({ timeNs: 1_700_000_000_123_456_789n, service: 'web', id: 'c0ffee', action: 'die', attributes: { image: 'foxdev/busybox:1', name: 'p-web-1', exitCode: '143' } });
    expect(composeEvent(raw(), [])).toBeDefined();
    expect(composeEvent(raw(), ['db'])).toBeUndefined();
    expect(composeEvent(raw({ Type: 'network' }), [])).toBeUndefined();
    expect(composeEvent(raw({}, { 'com.docker.compose.oneoff': 'True' }), [])).toBeUndefined();
    expect(composeEvent(raw({ timeNano: undefined }), [])!.timeNs).toBe(1_700_000_000_000_000_000n);
  });
  it('prints compose’s line and JSON object', () => {
    const e = composeEvent(raw(), [])!;
    expect(formatEventLine(e)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.123456 container die c0ffee \(exitCode=143, image=foxdev\/busybox:1, name=p-web-1\)$/);
    const j = JSON.parse(eventJson(e)) as Record<string, unknown>;
    expect(Object.keys(j)).toEqual(['action', 'attributes', 'id', 'service', 'time', 'type']);
    expect(j).toMatchObject({ action: 'die', id: 'c0ffee', service: 'web', type: 'container' });
    expect(Date.parse(String(j.time))).toBe(1_700_000_000_123);
    expect(String(j.time)).toMatch(/\.123456789(Z|[+-]\d\d:\d\d)$/);
  });
  it('RFC 3339 drops trailing zeros of the fraction, as Go does', () => {
    expect(rfc3339Nano(1_700_000_000_500_000_000n)).toMatch(/:20\.5(Z|[+-]\d\d:\d\d)$/);
    expect(rfc3339Nano(1_700_000_000_000_000_000n)).toMatch(/:20(Z|[+-]\d\d:\d\d)$/);
  });
});

describe('apiTimestamp', () => {
  const now = Date.UTC(2024, 0, 2, 12, 0, 0);
  it('a duration counts back from now', () => {
    expect(parseDuration('1h30m')).toBe(5400e9);
    expect(parseDuration('1.5s')).toBe(1.5e9);
    expect(parseDuration('10')).toBeUndefined();
    expect(apiTimestamp('--since', '10m', now)).toBe(`${now / 1000 - 600}.000000000`);
    expect(apiTimestamp('--since', '0s', now)).toBe(`${now / 1000}.000000000`);
  });
  it('a Unix time passes through; a date with a zone is that instant', () => {
    expect(apiTimestamp('--until', '1700000000', now)).toBe('1700000000');
    expect(apiTimestamp('--until', '1700000000.5', now)).toBe('1700000000.5');
    expect(apiTimestamp('--since', '2024-01-02T12:00:00Z', now)).toBe(`${now / 1000}.000000000`);
    expect(apiTimestamp('--since', '2024-01-02T13:00:00+01:00', now)).toBe(`${now / 1000}.000000000`);
    expect(apiTimestamp('--since', '2024-01-02T12:00:00.25Z', now)).toBe(`${now / 1000}.250000000`);
  });
  it('a date without a zone is local time', () => {
    const local = new Date(2024, 0, 2).getTime() / 1000;
    expect(apiTimestamp('--since', '2024-01-02', now)).toBe(`${local}.000000000`);
  });
  it('anything else is a usage error naming the flag', () => {
    expect(() => apiTimestamp('--since', 'yesterday', now)).toThrow(/invalid --since yesterday/);
  });
});
