#!/usr/bin/env bash
# Run once by the postgres image's entrypoint, after 01_schema.sql created the login roles
# (docs/warehouse.md §Roles): each gets its password from its Compose secret, passed to
# psql as a variable so that it appears in no command line and no log.
set -euo pipefail
loader="$(< /run/secrets/db_loader_password)"
reader="$(< /run/secrets/db_reader_password)"
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v loader="$loader" -v reader="$reader" <<'SQL'
ALTER ROLE hospital_loader PASSWORD :'loader';
ALTER ROLE hospital_reader PASSWORD :'reader';
SQL
