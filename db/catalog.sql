-- The warehouse catalog as deterministic TSV lines (kind, then fields), for Golden/schema/catalog.tsv.
-- Used by the SchemaGoldenTests; no OIDs, owners, sizes or times.
WITH
sch AS (
  SELECT n.oid, n.nspname
  FROM pg_catalog.pg_namespace AS n
  WHERE n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'
),
rel AS (
  SELECT c.oid, s.nspname, c.relname, s.nspname || '.' || c.relname AS qname, c.relkind, c.relacl
  FROM pg_catalog.pg_class AS c
  JOIN sch AS s ON s.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
),
groups AS (
  SELECT unnest(ARRAY['hospital_loader', 'hospital_reader']) AS rolname
),
facts (kind_order, kind, sort_key, line) AS (
  SELECT 1, 'schema'::text, s.nspname::text, s.nspname::text
  FROM sch AS s
  UNION ALL
  SELECT 2, 'relation', r.qname,
         concat_ws(E'\t', r.qname,
                   CASE r.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned table'
                                  WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'
                                  ELSE 'foreign table' END,
                   coalesce(obj_description(r.oid, 'pg_class'), ''))
  FROM rel AS r
  UNION ALL
  SELECT 3, 'column', r.qname || E'\t' || lpad(a.attnum::text, 4, '0'),
         concat_ws(E'\t', r.qname, a.attnum, a.attname,
                   format_type(a.atttypid, a.atttypmod),
                   CASE WHEN a.attnotnull THEN 'not null' ELSE 'null' END,
                   CASE WHEN a.attgenerated = 's' THEN 'generated always as ' || pg_get_expr(d.adbin, d.adrelid) || ' stored'
                        ELSE coalesce(pg_get_expr(d.adbin, d.adrelid), '') END)
  FROM rel AS r
  JOIN pg_catalog.pg_attribute AS a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
  LEFT JOIN pg_catalog.pg_attrdef AS d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  UNION ALL
  SELECT 4, 'constraint', r.qname || E'\t' || k.contype::text || E'\t' || k.conname,
         concat_ws(E'\t', r.qname, k.contype::text, k.conname, pg_get_constraintdef(k.oid, true))
  FROM rel AS r
  JOIN pg_catalog.pg_constraint AS k ON k.conrelid = r.oid
  UNION ALL
  SELECT 5, 'index', r.qname || E'\t' || i.relname,
         concat_ws(E'\t', r.qname, i.relname, pg_get_indexdef(x.indexrelid))
  FROM rel AS r
  JOIN pg_catalog.pg_index AS x ON x.indrelid = r.oid
  JOIN pg_catalog.pg_class AS i ON i.oid = x.indexrelid
  UNION ALL
  SELECT 6, 'schema_acl', s.nspname || E'\t' || g.rolname || E'\t' || e.privilege_type,
         concat_ws(E'\t', s.nspname, g.rolname, e.privilege_type)
  FROM sch AS s
  JOIN pg_catalog.pg_namespace AS n ON n.oid = s.oid
  CROSS JOIN LATERAL aclexplode(n.nspacl) AS e
  JOIN pg_catalog.pg_roles AS ro ON ro.oid = e.grantee
  JOIN groups AS g ON g.rolname = ro.rolname
  UNION ALL
  SELECT 7, 'table_acl', r.qname || E'\t' || g.rolname || E'\t' || e.privilege_type,
         concat_ws(E'\t', r.qname, g.rolname, e.privilege_type)
  FROM rel AS r
  CROSS JOIN LATERAL aclexplode(r.relacl) AS e
  JOIN pg_catalog.pg_roles AS ro ON ro.oid = e.grantee
  JOIN groups AS g ON g.rolname = ro.rolname
  UNION ALL
  SELECT 8, 'default_acl',
         coalesce(n.nspname, '*') || E'\t' || da.defaclobjtype::text || E'\t' || g.rolname || E'\t' || e.privilege_type,
         concat_ws(E'\t', coalesce(n.nspname, '*'),
                   CASE da.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences'
                                         WHEN 'f' THEN 'functions' WHEN 'T' THEN 'types'
                                         ELSE 'schemas' END,
                   g.rolname, e.privilege_type)
  FROM pg_catalog.pg_default_acl AS da
  LEFT JOIN pg_catalog.pg_namespace AS n ON n.oid = da.defaclnamespace
  CROSS JOIN LATERAL aclexplode(da.defaclacl) AS e
  JOIN pg_catalog.pg_roles AS ro ON ro.oid = e.grantee
  JOIN groups AS g ON g.rolname = ro.rolname
  UNION ALL
  SELECT 9, 'role', ro.rolname,
         concat_ws(E'\t', ro.rolname, CASE WHEN ro.rolcanlogin THEN 'login' ELSE 'nologin' END,
                   CASE WHEN ro.rolinherit THEN 'inherit' ELSE 'noinherit' END)
  FROM pg_catalog.pg_roles AS ro
  JOIN groups AS g ON g.rolname = ro.rolname
)
SELECT kind || E'\t' || line
FROM facts
ORDER BY kind_order, sort_key COLLATE "C", line COLLATE "C";
