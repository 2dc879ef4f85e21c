import stripAnsi from 'strip-ansi';
import { describe, expect, it } from 'vitest';
import { describePhase, formatAgo, formatClock, formatDuration, formatLogLine, formatStatusLine, phaseLabel, phaseTone, prefixWidth, sanitizeLine, serviceColor } from '../../src/logfmt/index.js';

const plain = { width: 5, color: false, timestamps: false };

describe('sanitizeLine', () => {
  it('passes plain text through untouched', () => {
    const s = 'GET /health 200 3ms';
    expect(sanitizeLine(s)).toBe(s);
  });
  it('keeps SGR colours and closes them', () => {
    expect(sanitizeLine('\x1b[31merror\x1b[39m done')).toBe('\x1b[31merror\x1b[39m done\x1b[0m');
    expect(sanitizeLine('\x1b[1mbold\x1b[0m')).toBe('\x1b[1mbold\x1b[0m');
  });
  it('drops cursor moves, clears, OSC titles and stray controls', () => {
    expect(sanitizeLine('a\x1b[2Kb\x1b[1;1Hc\x1b]0;title\x07d\x07e\x00f')).toBe('abcdef');
  });
  it('keeps only the last redraw of a carriage-return progress line and a CRLF ending', () => {
    expect(sanitizeLine('10%\r50%\r100%')).toBe('100%');
    expect(sanitizeLine('windows line\r')).toBe('windows line');
  });
  it('expands tabs to 8-column stops ignoring escapes', () => {
    expect(sanitizeLine('ab\tc')).toBe('ab      c');
    expect(stripAnsi(sanitizeLine('\x1b[32mab\x1b[39m\tc'))).toBe('ab      c');
  });
});

describe('formatLogLine', () => {
  it('pads the service prefix to the widest name', () => {
    expect(formatLogLine({ service: 'db', stream: 'stdout', line: 'ok', at: 0 }, plain)).toBe('db    | ok');
    expect(formatLogLine({ service: 'api', stream: 'stdout', line: 'x', at: 0 }, plain).indexOf('|')).toBe(prefixWidth(plain) - 2);
  });
  it('colours the prefix with a stable per-service colour and keeps service ANSI', () => {
    const out = formatLogLine({ service: 'api', stream: 'stdout', line: '\x1b[31mred\x1b[39m', at: 0 }, { ...plain, color: true });
    expect(out).toContain('\x1b[31mred\x1b[39m');
    expect(out.startsWith('\x1b[')).toBe(true);
    expect(stripAnsi(out)).toBe('api   | red');
    expect(serviceColor('api')).toBe(serviceColor('api'));
    const colours = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(serviceColor));
    expect(colours.size).toBeGreaterThan(2);
  });
  it('prints local timestamps when asked', () => {
    const at = new Date(2026, 0, 2, 3, 4, 5, 6).getTime();
    expect(formatClock(at)).toBe('03:04:05.006');
    const out = formatLogLine({ service: 'db', stream: 'stdout', line: 'x', at }, { ...plain, timestamps: true });
    expect(out).toBe('03:04:05.006 db    | x');
    expect(out.indexOf('|')).toBe(prefixWidth({ width: 5, timestamps: true }) - 2);
  });
});

describe('status wording', () => {
  it('labels and tones phases', () => {
    expect(phaseLabel('exited', 137)).toBe('exited (137)');
    expect(phaseTone('exited', 0)).toBe('idle');
    expect(phaseTone('exited', 1)).toBe('bad');
    expect(phaseTone('ready')).toBe('good');
    expect(phaseTone('waiting')).toBe('busy');
  });
  it('says why: waiting reason, error, crash-loop countdown', () => {
    expect(describePhase({ phase: 'waiting', at: 0, reason: 'waiting for db: healthy — last probe: connection refused' })).toBe(
      'waiting for db: healthy — last probe: connection refused',
    );
    expect(describePhase({ phase: 'failed', at: 0, reason: 'image not found' })).toBe('failed: image not found');
    expect(describePhase({ phase: 'crash-loop', at: 0, nextRetryAt: 5000, exitCode: 1 }, 1000)).toBe('crash-loop — last exit 1 — next try in 4s');
    expect(describePhase({ phase: 'crash-loop', at: 0, nextRetryAt: 5000 }, 6000)).toBe('crash-loop — retrying now');
  });
  it('formats a status line with the same prefix as log lines', () => {
    expect(formatStatusLine('db', 0, 'ready', 'good', plain)).toBe('db    | ◆ ready');
    expect(formatStatusLine('db', 0, 'ready', 'good', { ...plain, color: true })).toContain('\x1b[32m');
  });
  it('formats durations compactly', () => {
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(192_000)).toBe('3m12s');
    expect(formatDuration(2 * 3600_000 + 5 * 60_000)).toBe('2h05m');
    expect(formatDuration(3 * 86400_000 + 4 * 3600_000)).toBe('3d04h');
    expect(formatAgo(1000, 13_000)).toBe('12s ago');
  });
});
