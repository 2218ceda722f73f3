// @ts-check
/**
 * Keeps FerretDB's equality lookups on indexes (see ferretdb-gin-indexes.sql for why and what):
 * installs the GIN companion trigger in FerretDB's PostgreSQL database and catches up on the
 * collections that already exist. Run by the launcher at every start; MongoDB needs none of it.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'ferretdb-gin-indexes.sql');

/**
 * Applies ferretdb-gin-indexes.sql with `psql` to the database at `postgresUrl`
 * (e.g. postgres://postgres@127.0.0.1:27018/ferretdb; a superuser, as event triggers need one).
 * A failure is logged, not thrown: FerretDB still answers every query, only without these indexes.
 *
 * @param {{ psql: string, postgresUrl: string, log: (line: string) => void }} options
 * @returns {boolean} whether the script ran without error
 */
export function ensureFerretDbGinIndexes({ psql, postgresUrl, log }) {
  const started = Date.now();
  const result = spawnSync(psql, ['-X', '-q', '-t', '-A', '-o', '/dev/null', '-d', postgresUrl, '-f', SCRIPT], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const problems = `${result.stderr ?? ''}${result.error ? String(result.error) : ''}`.trim();
  if (result.status !== 0 || problems) {
    log(
      `WARNING: FerretDB's GIN companion indexes are not (all) in place, so equality lookups may scan whole tables: ` +
        `${problems || `psql exited with ${result.status}`}`,
    );
    return false;
  }
  log(`FerretDB equality lookups indexed: GIN companion trigger and indexes in place (${Date.now() - started} ms)`);
  return true;
}

/** Whether the MongoDB-wire server at `mongoUrl` is FerretDB (its buildInfo names its version). */
export async function isFerretDb(mongoUrl) {
  const { MongoClient } = await import('mongodb');
  const client = new MongoClient(mongoUrl, { serverSelectionTimeoutMS: 3000 });
  try {
    const info = await client.db('admin').command({ buildInfo: 1 });
    return typeof info.ferretdbVersion === 'string';
  } finally {
    await client.close().catch(() => undefined);
  }
}
