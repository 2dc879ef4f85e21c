// Where foxdev remembers what it seeded: a small table in the server's `postgres` maintenance
// database, so the record outlives a recreate of the seeded database and vanishes with the volume
// (a new volume is "unseeded", which is what makes `foxdev up` seed it). The database's OID is
// kept too: a database dropped and made again by someone else reads as unseeded, not seeded.
import { FoxdevError } from '../../errors.js';
import { literal, psql, type PgConn } from './psql.js';

export type SeedStatus = 'unseeded' | 'seeded' | 'changed';
export const METADATA_DB = 'postgres';

const ENSURE = `SET client_min_messages = warning;
CREATE TABLE IF NOT EXISTS public.foxdev_seed (
  database name PRIMARY KEY,
  hash text NOT NULL,
  database_oid oid NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);
`;

export interface SeedRecord {
  /** OID of the database now carrying the name, or undefined when it does not exist. */
  currentOid?: string;
  hash?: string;
  recordedOid?: string;
}

export async function readSeedRecord(conn: PgConn, database: string): Promise<SeedRecord> {
  const r = await psql(
    conn,
    METADATA_DB,
    `${ENSURE}SELECT coalesce(d.oid::text, '') || '|' || coalesce(s.hash, '') || '|' || coalesce(s.database_oid::text, '')
  FROM (SELECT 1) AS one
  LEFT JOIN pg_database d ON d.datname = ${literal(database)}
  LEFT JOIN public.foxdev_seed s ON s.database = ${literal(database)};\n`,
  );
  if (r.exitCode !== 0) throw new FoxdevError('seed', `cannot read the seed record of "${database}": ${r.stderr.trim()}`);
  const [currentOid, hash, recordedOid] = r.stdout.trim().split('|');
  return { currentOid: currentOid || undefined, hash: hash || undefined, recordedOid: recordedOid || undefined };
}

export function statusOf(record: SeedRecord, hash: string): SeedStatus {
  if (!record.currentOid || !record.hash || record.recordedOid !== record.currentOid) return 'unseeded';
  return record.hash === hash ? 'seeded' : 'changed';
}

export async function writeSeedRecord(conn: PgConn, database: string, hash: string): Promise<void> {
  const r = await psql(
    conn,
    METADATA_DB,
    `${ENSURE}INSERT INTO public.foxdev_seed (database, hash, database_oid, applied_at)
  SELECT datname, ${literal(hash)}, oid, now() FROM pg_database WHERE datname = ${literal(database)}
  ON CONFLICT (database) DO UPDATE SET hash = excluded.hash, database_oid = excluded.database_oid, applied_at = excluded.applied_at;\n`,
  );
  if (r.exitCode !== 0) throw new FoxdevError('seed', `cannot record the seed hash of "${database}": ${r.stderr.trim()}`);
}
