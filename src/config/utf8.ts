// Compose files are UTF-8. Node's 'utf8' decoding turns a stray Latin-1 byte into U+FFFD without
// a word, which would change a password or a path silently; this decodes strictly and says where.
export class NotUtf8 extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
  ) {
    super('the file is not valid UTF-8 here (save it as UTF-8)');
  }
}

const strict = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    throw badByteAt(bytes);
  }
}

function badByteAt(bytes: Uint8Array): NotUtf8 {
  // The longest valid prefix: grow while decoding succeeds; the bad byte follows it.
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  const prefix = new TextDecoder().decode(bytes.subarray(0, lo));
  const lines = prefix.split('\n');
  return new NotUtf8(lines.length, lines[lines.length - 1].length + 1);
}
