// What every generator returns: files as data. Generators never touch the disk; the CLI (through
// write.ts) decides where and whether to write, so a generator's whole behaviour is testable as
// plain values.
export interface GeneratedFile {
  /** Relative to the output directory, '/'-separated. */
  path: string;
  content: string;
}
