// A layer is one source of configuration (a compose file, foxdev.config.ts) after parsing,
// interpolation, schema validation and normalisation, plus a way back to line:column.
import type { Problem } from '../errors.js';
import { formatPath, type Segment } from './keypath.js';
import type { Position } from './yaml-file.js';

export interface Layer {
  file: string;
  /** Normalised compose-shaped data; foxdev keys of a service live under `x-foxdev`. */
  data: Record<string, unknown>;
  /**
   * Where a key path was written in this file, if it was; `written` when the file spells the
   * path differently (foxdev keys under `x-foxdev` in a compose file).
   */
  locate(segments: Segment[]): (Position & { written?: Segment[] }) | undefined;
}

const FOXDEV_KEYS = new Set(['ready', 'sync', 'seed', 'run', 'oneshot']);

/**
 * Problems name foxdev's keys as a foxdev.config.ts has them (services.api.sync[0]); in a compose
 * file they sit under `x-foxdev`, so look there too.
 */
export function yamlLocator(positionsOf: () => Map<string, Position>): Layer['locate'] {
  return (segments) => {
    const positions = positionsOf();
    const direct = positions.get(formatPath(segments));
    if (direct || segments[0] !== 'services' || !FOXDEV_KEYS.has(String(segments[2]))) return direct;
    const written = [...segments.slice(0, 2), 'x-foxdev', ...segments.slice(2)];
    const pos = positions.get(formatPath(written));
    return pos && { ...pos, written };
  };
}

/** Attach file and line:column to a problem, from the nearest enclosing key that has a position. */
export function placeProblem(p: Problem & { segments?: Segment[] }, layers: Layer[]): Problem {
  const { segments, ...problem } = p;
  if (!segments || problem.file) return problem;
  for (let n = segments.length; n > 0; n--) {
    const prefix = segments.slice(0, n);
    for (let i = layers.length - 1; i >= 0; i--) {
      const pos = layers[i].locate(prefix);
      if (!pos) continue;
      // Name the key the way that file writes it.
      const path = pos.written ? formatPath([...pos.written, ...segments.slice(n)]) : problem.path;
      return { ...problem, ...(path !== undefined ? { path } : {}), file: layers[i].file, line: pos.line, column: pos.column };
    }
  }
  return layers.length === 1 ? { ...problem, file: layers[0].file } : problem;
}
