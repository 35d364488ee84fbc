#!/usr/bin/env bash
# Entrypoint of the postgres:15 STAND-IN (ci/rehearsal/postgres/Dockerfile, used only by
# ci/rehearsal/run.sh). It follows the official image's contract as docker-compose.yml
# uses it: POSTGRES_PASSWORD, POSTGRES_USER (default postgres) and POSTGRES_DB (default the
# user), each also as a *_FILE (e.g. a Compose secret); on an empty PGDATA: initdb with that
# superuser, a server on the Unix socket only, POSTGRES_DB created, then every file of
# /docker-entrypoint-initdb.d in name order (*.sql through psql, *.sh run if executable and
# sourced otherwise), then the normal server on every address with scram-sha-256 logins.
# As the official one: started as root, it reads the *_FILE values (so a secret only root
# can read serves POSTGRES_PASSWORD_FILE), then re-executes itself as the postgres user
# (uid 999, as in the official image), which runs initdb and every init script: a secret
# that uid cannot read fails there as it would in the real image.
set -euo pipefail

export PGDATA="${PGDATA:-/var/lib/postgresql/data}"

# VAR or VAR_FILE (not both), else the default.
file_env() {
    local var=$1 file_var="${1}_FILE" value=${2:-}
    if [ -n "${!var:-}" ] && [ -n "${!file_var:-}" ]; then
        echo "docker-entrypoint.sh: both $var and $file_var are set" >&2
        exit 1
    fi
    if [ -n "${!var:-}" ]; then
        value=${!var}
    elif [ -n "${!file_var:-}" ]; then
        value=$(<"${!file_var}")
    fi
    export "$var=$value"
    unset "$file_var"
}

file_env POSTGRES_PASSWORD
file_env POSTGRES_USER postgres
file_env POSTGRES_DB "$POSTGRES_USER"

if [ "$(id -u)" = 0 ]; then
    mkdir -p "$PGDATA" /var/run/postgresql
    chown postgres:postgres "$PGDATA" /var/run/postgresql
    chmod 700 "$PGDATA"
    exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
    if [ -z "$POSTGRES_PASSWORD" ]; then
        echo "docker-entrypoint.sh: POSTGRES_PASSWORD (or POSTGRES_PASSWORD_FILE) is required" >&2
        exit 1
    fi
    pwfile=$(mktemp)
    printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
    initdb -D "$PGDATA" --username="$POSTGRES_USER" --pwfile="$pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8
    rm -f "$pwfile"
    echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"

    # The init-time server listens on the socket only, so a TCP healthcheck
    # (pg_isready -h 127.0.0.1) turns healthy only after the init scripts.
    pg_ctl -D "$PGDATA" -w -o "-c listen_addresses='' -c unix_socket_directories=/var/run/postgresql" start
    psql=(psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc)
    if [ "$POSTGRES_DB" != postgres ]; then
        "${psql[@]}" --dbname postgres --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
    fi
    for f in /docker-entrypoint-initdb.d/*; do
        case "$f" in
            *.sh)
                if [ -x "$f" ]; then
                    echo "docker-entrypoint.sh: running $f"
                    "$f"
                else
                    echo "docker-entrypoint.sh: sourcing $f"
                    # shellcheck disable=SC1090
                    . "$f"
                fi
                ;;
            *.sql)
                echo "docker-entrypoint.sh: running $f"
                "${psql[@]}" --dbname "$POSTGRES_DB" -f "$f"
                ;;
            */\*) ;;
            *) echo "docker-entrypoint.sh: ignoring $f" ;;
        esac
    done
    pg_ctl -D "$PGDATA" -m fast -w stop
    echo "docker-entrypoint.sh: init complete; ready for start up"
fi

if [ "${1:-postgres}" = postgres ]; then
    [ $# -gt 0 ] && shift
    exec postgres -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories=/var/run/postgresql "$@"
fi
exec "$@"
