// Log and status formatting shared by the dashboard, --no-tui and `foxdev logs`.

export { sanitizeLine } from './sanitize.js';
export { serviceColor, colors, noColors, type ServiceColor } from './palette.js';
export { formatDuration, formatAge, ageChangesIn, formatAgo, formatClock } from './time.js';
export { phaseLabel, phaseTone, healthTone, seedTone, describePhase, type Tone, type PhaseEvent } from './status.js';
export { formatLogLine, formatPrefix, formatStatusLine, prefixWidth, toneColor, widestName, type LineFormat } from './line.js';
export { createLinePrinter, immediateScheduler, type LinePrinter, type PrinterOptions } from './printer.js';
export { plainText, wrapRows } from './wrap.js';
