#!/usr/bin/env bash
# Run once by the postgres image's entrypoint, after 01_schema.sql created the login roles
# (docs/warehouse.md §Roles): each gets its password from its Compose secret, passed to
# psql as a variable so that it appears in no command line and no log.
#
# The entrypoint runs this as its postgres user (uid 999), and Compose mounts a file secret
# with the host file's own owner and mode. A secret it cannot read, or an empty one, stops
# init here with one line, rather than leaving the role LOGIN without a password; the
# postgresDB healthcheck then never passes, since init is not retried on a cluster that
# exists (SECURITY.md §Secret files).
set -euo pipefail
read_secret() { # path
    if [ ! -r "$1" ]; then
        echo "20_role_passwords.sh: cannot read $1 as uid $(id -u) (mode $(stat -L -c %a "$1" 2>/dev/null || echo missing)): make the secret file readable (chmod 0644, SECURITY.md §Secret files), then docker compose down -v" >&2
        exit 1
    fi
    local value
    value="$(< "$1")"
    if [ -z "$value" ]; then
        echo "20_role_passwords.sh: $1 is empty: a login role needs a password" >&2
        exit 1
    fi
    printf '%s' "$value"
}
loader="$(read_secret /run/secrets/db_loader_password)"
reader="$(read_secret /run/secrets/db_reader_password)"
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v loader="$loader" -v reader="$reader" <<'SQL'
ALTER ROLE hospital_loader PASSWORD :'loader';
ALTER ROLE hospital_reader PASSWORD :'reader';
SQL
