// Load average when a bench starts and when it prints: its wall times mean little without them
// on a shared machine. Importing this module takes the "before" reading.
import os from 'node:os';

const read = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const before = read();

/** One line for the end of a bench's table. */
export const loadLine = () => `load average before: ${before} · after: ${read()}`;
