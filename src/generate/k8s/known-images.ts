// Facts about common images that a generator cannot see from the outside: the uid they run as
// (runAsNonRoot needs a numeric user the kubelet can check) and whether they write to their root
// filesystem. Matched on the image's repository name without registry or tag.
export interface ImageFacts {
  uid: number;
  /** Writes outside its volumes (sockets, pid files), so the root filesystem stays writable. */
  writableRoot: boolean;
  stateful: boolean;
  /** What a person must still do for it to run under these settings. */
  note?: string;
}

const FACTS: Array<[RegExp, ImageFacts]> = [
  [/(^|\/)(postgres|postgis)$/, { uid: 999, writableRoot: true, stateful: true, note: 'set PGDATA to a subdirectory of its volume (e.g. /var/lib/postgresql/data/pgdata): a fresh claim holds lost+found, and initdb wants an empty folder' }],
  [/(^|\/)(mysql|mariadb)$/, { uid: 999, writableRoot: true, stateful: true }],
  [/(^|\/)mongo$/, { uid: 999, writableRoot: true, stateful: true }],
  [/(^|\/)(redis|valkey)$/, { uid: 999, writableRoot: true, stateful: true }],
  [/(^|\/)(rabbitmq)$/, { uid: 999, writableRoot: true, stateful: true }],
];

export function imageFacts(image: string | undefined): ImageFacts | undefined {
  if (!image) return undefined;
  const repo = splitImage(image).repository;
  return FACTS.find(([re]) => re.test(repo))?.[1];
}

/** "reg:5000/a/b:1.2" → { repository: "reg:5000/a/b", tag: "1.2" }; a digest stays in repository. */
export function splitImage(image: string): { repository: string; tag: string } {
  if (image.includes('@')) return { repository: image, tag: '' };
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon > slash ? { repository: image.slice(0, colon), tag: image.slice(colon + 1) } : { repository: image, tag: '' };
}
