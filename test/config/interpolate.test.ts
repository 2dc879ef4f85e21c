import { describe, expect, it } from 'vitest';
import { InterpolationError, interpolate } from '../../src/config/interpolate.js';

const env: Record<string, string> = { SET: 'value', EMPTY: '', PORT: '8080', INNER: 'inner' };
const lookup = (name: string) => env[name];
const run = (text: string) => interpolate(text, lookup);

describe('interpolate', () => {
  it('substitutes ${VAR} and $VAR', () => {
    expect(run('${SET}')).toBe('value');
    expect(run('$SET/x')).toBe('value/x');
    expect(run('a-${PORT}-b')).toBe('a-8080-b');
    expect(run('${UNSET}')).toBe('');
  });

  it('${VAR:-default} uses the default when unset or empty', () => {
    expect(run('${SET:-d}')).toBe('value');
    expect(run('${UNSET:-d}')).toBe('d');
    expect(run('${EMPTY:-d}')).toBe('d');
  });

  it('${VAR-default} uses the default only when unset', () => {
    expect(run('${SET-d}')).toBe('value');
    expect(run('${UNSET-d}')).toBe('d');
    expect(run('${EMPTY-d}')).toBe('');
  });

  it('${VAR:?err} fails when unset or empty, with the message', () => {
    expect(run('${SET:?need it}')).toBe('value');
    expect(() => run('${UNSET:?need it}')).toThrow(new InterpolationError('required variable UNSET is missing a value: need it'));
    expect(() => run('${EMPTY:?need it}')).toThrow('required variable EMPTY is missing a value: need it');
  });

  it('${VAR?err} fails only when unset', () => {
    expect(run('${EMPTY?need it}')).toBe('');
    expect(() => run('${UNSET?need it}')).toThrow('required variable UNSET is missing a value: need it');
    expect(() => run('${UNSET?}')).toThrow(/^required variable UNSET is missing a value$/);
  });

  it('${VAR:+alt} uses the alternative when set and not empty', () => {
    expect(run('${SET:+alt}')).toBe('alt');
    expect(run('${EMPTY:+alt}')).toBe('');
    expect(run('${UNSET:+alt}')).toBe('');
  });

  it('${VAR+alt} uses the alternative when set, even empty', () => {
    expect(run('${SET+alt}')).toBe('alt');
    expect(run('${EMPTY+alt}')).toBe('alt');
    expect(run('${UNSET+alt}')).toBe('');
  });

  it('nests defaults and alternatives', () => {
    expect(run('${UNSET:-${INNER}}')).toBe('inner');
    expect(run('${UNSET:-${ALSO_UNSET:-deep}}')).toBe('deep');
    expect(run('${SET:+${PORT}:80}')).toBe('8080:80');
    expect(run('${UNSET:-${SET}-${PORT}}')).toBe('value-8080');
  });

  it('$$ is a literal dollar and is not expanded', () => {
    expect(run('$$')).toBe('$');
    expect(run('$${SET}')).toBe('${SET}');
    expect(run('price $$5 and $${PORT:-x}')).toBe('price $5 and ${PORT:-x}');
    expect(run('cost 5$')).toBe('cost 5$');
  });

  it('tells about plain variables that are not set, not about ones with a default', () => {
    const unset: string[] = [];
    expect(interpolate('$A ${B} ${C:-x} ${D-x} ${E:+x} ${SET} $$F ${G:-${H}}', lookup, (n) => unset.push(n))).toBe('  x x  value $F ');
    expect(unset).toEqual(['A', 'B', 'H']);
  });

  it('reports malformed expressions', () => {
    expect(() => run('${SET')).toThrow(/missing "}"/);
    expect(() => run('${1BAD}')).toThrow(/invalid interpolation format/);
    expect(() => run('${SET!x}')).toThrow(/invalid interpolation format/);
  });
});
