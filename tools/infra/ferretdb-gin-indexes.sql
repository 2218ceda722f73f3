-- GIN companions for FerretDB 1.24's PostgreSQL backend (run by tools/infra/launcher.mjs at every
-- start, in FerretDB's PostgreSQL database; safe to run again and from several launchers at once).
--
-- Why: FerretDB compiles an equality filter such as {_id: "x"} to
--   (_jsonb -> '_id') @> '"x"'::jsonb
-- and creates a B-tree expression index btree ((_jsonb -> 'field')) for every declared index.
-- A B-tree cannot serve @>, so every equality lookup, update and delete scans the whole table.
-- A GIN index on the same expression serves @> (jsonb_path_ops supports exactly @> and is the
-- smaller of the two jsonb operator classes; a scalar inside an array field matches too, as in MongoDB).
-- fastupdate is off: FerretDB rewrites a whole document on every update, so with the pending list
-- every lookup would also scan up to 4 MB of pending entries until a vacuum merged them.
--
-- What: for every top-level field that a B-tree index of a FerretDB collection covers (the `_id`
-- primary key and each field of every declared index), one GIN index on (_jsonb -> 'field'),
-- named <table>_<hash>_gin (FerretDB's own index names end in _idx, so they never collide) and
-- marked with the comment 'itsm-ferretdb-gin'. An event trigger adds them when FerretDB creates an
-- index (a new collection creates its _id index at once) and drops them when the last B-tree index
-- on that field is dropped; a pass over every existing collection catches up at each start.
-- Dotted fields are left out: FerretDB does not push their equality down from a find.
-- Nothing here changes what a query returns; it changes how PostgreSQL finds the rows.

\set ON_ERROR_STOP on
SET client_min_messages = warning;
-- One installer at a time (launchers of several checkouts may share a server); released at disconnect.
SELECT pg_advisory_lock(hashtext('itsm-ferretdb-gin')) \g /dev/null

-- The top-level field expressions, as (_jsonb -> 'field'::text), that B-tree indexes of `tbl` cover.
CREATE OR REPLACE FUNCTION public.itsm_ferretdb_indexed_fields(tbl oid)
RETURNS SETOF text
LANGUAGE sql STABLE AS $fn$
  SELECT DISTINCT pg_get_indexdef(i.indexrelid, k.n, false)
  FROM pg_index i
  JOIN pg_class ic ON ic.oid = i.indexrelid
  JOIN pg_am am ON am.oid = ic.relam AND am.amname = 'btree'
  CROSS JOIN LATERAL generate_series(1, i.indnkeyatts) AS k(n)
  WHERE i.indrelid = tbl
    AND pg_get_indexdef(i.indexrelid, k.n, false) ~ $re$^\(\(_jsonb -> '([^']|'')*'::text\)\)$$re$
$fn$;

-- Brings the GIN companions of one FerretDB collection's table in line with its B-tree indexes.
CREATE OR REPLACE FUNCTION public.itsm_ferretdb_sync_gin(tbl oid)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  schema_name text;
  table_name text;
  field text;
  companion record;
  companion_name text;
BEGIN
  SELECT n.nspname, c.relname INTO schema_name, table_name
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.oid = tbl AND c.relkind = 'r';
  -- Only FerretDB collections: tables of a schema that holds FerretDB's metadata table, but not that table.
  IF NOT FOUND
     OR table_name = '_ferretdb_database_metadata'
     OR to_regclass(format('%I._ferretdb_database_metadata', schema_name)) IS NULL THEN
    RETURN;
  END IF;

  FOR field IN SELECT public.itsm_ferretdb_indexed_fields(tbl) LOOP
    IF NOT EXISTS (
      SELECT 1 FROM pg_index i
      JOIN pg_class ic ON ic.oid = i.indexrelid
      JOIN pg_am am ON am.oid = ic.relam AND am.amname = 'gin'
      WHERE i.indrelid = tbl AND i.indnkeyatts = 1 AND pg_get_indexdef(i.indexrelid, 1, false) = field
    ) THEN
      companion_name := format('%s_%s_gin', left(table_name, 50), left(md5(table_name || field), 8));
      EXECUTE format('CREATE INDEX %I ON %I.%I USING gin (%s jsonb_path_ops) WITH (fastupdate = off)', companion_name, schema_name, table_name, field);
      EXECUTE format('COMMENT ON INDEX %I.%I IS %L', schema_name, companion_name, 'itsm-ferretdb-gin');
    END IF;
  END LOOP;

  -- Companions whose field no B-tree index covers any more (FerretDB dropped the declared index).
  FOR companion IN
    SELECT ic.relname FROM pg_index i
    JOIN pg_class ic ON ic.oid = i.indexrelid
    WHERE i.indrelid = tbl
      AND obj_description(i.indexrelid, 'pg_class') = 'itsm-ferretdb-gin'
      AND pg_get_indexdef(i.indexrelid, 1, false) NOT IN (SELECT public.itsm_ferretdb_indexed_fields(tbl))
  LOOP
    EXECUTE format('DROP INDEX %I.%I', schema_name, companion.relname);
  END LOOP;
END $$;

-- ddl_command_end of CREATE INDEX: FerretDB created a collection's _id index or a declared index.
-- A failure is reported as a warning and never fails FerretDB's own statement.
CREATE OR REPLACE FUNCTION public.itsm_ferretdb_gin_on_create_index()
RETURNS event_trigger
LANGUAGE plpgsql AS $$
DECLARE
  created record;
BEGIN
  FOR created IN
    SELECT DISTINCT i.indrelid
    FROM pg_event_trigger_ddl_commands() c
    JOIN pg_index i ON i.indexrelid = c.objid
    JOIN pg_class ic ON ic.oid = c.objid
    JOIN pg_am am ON am.oid = ic.relam
    WHERE c.object_type = 'index' AND am.amname = 'btree' -- our own GIN indexes end here
  LOOP
    BEGIN
      PERFORM public.itsm_ferretdb_sync_gin(created.indrelid);
    EXCEPTION WHEN OTHERS THEN
      RAISE WARNING 'itsm: no GIN companion index for %: %', created.indrelid::regclass, SQLERRM;
    END;
  END LOOP;
END $$;

-- sql_drop of DROP INDEX: FerretDB dropped a declared index (its names end in _idx); the table is
-- not reported, so every collection of that schema is brought in line (a catalog read each).
CREATE OR REPLACE FUNCTION public.itsm_ferretdb_gin_on_drop_index()
RETURNS event_trigger
LANGUAGE plpgsql AS $$
DECLARE
  affected record;
BEGIN
  FOR affected IN
    SELECT c.oid
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'r' AND n.nspname IN (
      SELECT d.schema_name FROM pg_event_trigger_dropped_objects() d
      WHERE d.object_type = 'index' AND d.original AND d.object_name LIKE '%\_idx'
    )
  LOOP
    BEGIN
      PERFORM public.itsm_ferretdb_sync_gin(affected.oid);
    EXCEPTION WHEN OTHERS THEN
      RAISE WARNING 'itsm: GIN companion indexes of % not brought in line: %', affected.oid::regclass, SQLERRM;
    END;
  END LOOP;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_event_trigger WHERE evtname = 'itsm_ferretdb_gin_on_create_index') THEN
    CREATE EVENT TRIGGER itsm_ferretdb_gin_on_create_index ON ddl_command_end
      WHEN TAG IN ('CREATE INDEX') EXECUTE FUNCTION public.itsm_ferretdb_gin_on_create_index();
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_event_trigger WHERE evtname = 'itsm_ferretdb_gin_on_drop_index') THEN
    CREATE EVENT TRIGGER itsm_ferretdb_gin_on_drop_index ON sql_drop
      WHEN TAG IN ('DROP INDEX') EXECUTE FUNCTION public.itsm_ferretdb_gin_on_drop_index();
  END IF;
END $$;

-- Catch up on collections created before the trigger existed (or while it was missing), one table
-- per transaction so no lock is held across tables; a table busy for 10 s is left for the next start.
\set ON_ERROR_STOP off
SET lock_timeout = '10s';
SELECT format('SELECT public.itsm_ferretdb_sync_gin(%s)', c.oid)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r' AND c.relname <> '_ferretdb_database_metadata'
  AND to_regclass(format('%I._ferretdb_database_metadata', n.nspname)) IS NOT NULL
\gexec
