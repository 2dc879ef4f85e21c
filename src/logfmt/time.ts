// Short human times for narrow columns: "45s", "3m12s", "2h05m", "3d04h".

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h${String(m % 60).padStart(2, '0')}m`;
  return `${Math.floor(h / 24)}d${String(h % 24).padStart(2, '0')}h`;
}

/**
 * Coarse ages, as `docker ps` shows them: seconds only in the first minute ("45s", "12m",
 * "3h05m", "2d04h"). A dashboard whose times change once a minute redraws once a minute when idle.
 */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  return formatDuration(ms);
}

/** Milliseconds until formatAge(age) shows something else. */
export function ageChangesIn(age: number): number {
  const a = Math.max(0, age);
  const unit = a < 60_000 ? 1000 : a < 86_400_000 ? 60_000 : 3_600_000;
  return unit - (a % unit);
}

export function formatAgo(at: number, now: number): string {
  return `${formatAge(now - at)} ago`;
}

/** Wall-clock time of day in the local zone, with milliseconds: "14:03:07.123". */
export function formatClock(at: number): string {
  const d = new Date(at);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}
