#!/usr/bin/env bash
# ci/schema-catalog.sh: apply db/db_schema.sql twice (proving it is idempotent) and print a
# deterministic TSV catalog of the warehouse on stdout.
#
#   ci/schema-catalog.sh [PG_ENV_FILE]
#
# Connection: DB_HOST DB_PORT DB_NAME DB_USER DB_PASSWORD (or DB_PASSWORD_FILE) from the
# environment, or from PG_ENV_FILE (first argument or $PG_ENV_FILE; e.g. the env file that
# ci/pg.sh writes). SCHEMA_SQL overrides the schema file (default: db/db_schema.sql).
#
# Output: one row per catalog fact, first field the kind, ordered by kind then key with
# COLLATE "C". No OIDs, owners, sizes or times, so two fresh clusters give identical bytes:
#   schema      <schema>
#   relation    <schema.name>  <kind: table|view>  <comment>
#   column      <schema.table> <ordinal> <name> <type> <null|not null> <default or generated>
#   constraint  <schema.table> <type: p|u|f|c> <name> <definition>
#   index       <schema.table> <name> <definition>
#   schema_acl  <schema> <grantee> <privilege>
#   table_acl   <schema.table> <grantee> <privilege>
#   default_acl <schema> <object type> <grantee> <privilege>
#   role        <name> <login> <inherit>
# Only the two group roles of the schema are listed in the ACL and role sections (the
# owner's own role name depends on the deployment).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCHEMA_SQL="${SCHEMA_SQL:-$here/db/db_schema.sql}"
env_file="${1:-${PG_ENV_FILE:-}}"
if [[ -n "$env_file" ]]; then
  # shellcheck disable=SC1090
  source "$env_file"
fi
if [[ -z "${DB_PASSWORD:-}" && -n "${DB_PASSWORD_FILE:-}" ]]; then
  DB_PASSWORD="$(<"$DB_PASSWORD_FILE")"
fi
: "${DB_HOST:?DB_HOST is not set (export it or pass a PG env file)}"
: "${DB_PORT:?DB_PORT is not set}"
: "${DB_NAME:?DB_NAME is not set}"
: "${DB_USER:?DB_USER is not set}"
export PGHOST="$DB_HOST" PGPORT="$DB_PORT" PGDATABASE="$DB_NAME" PGUSER="$DB_USER"
export PGPASSWORD="${DB_PASSWORD:-}" PGAPPNAME=schema-catalog PGOPTIONS="-c client_min_messages=warning"

psql_() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

for pass in 1 2; do
  if ! psql_ -1 -f "$SCHEMA_SQL" >/dev/null; then
    echo "schema-catalog: applying $SCHEMA_SQL failed on pass $pass" >&2
    exit 1
  fi
done

psql_ -A -t -F $'\t' -f "$here/db/catalog.sql"

