#!/usr/bin/env bash
# Throwaway PostgreSQL 15 cluster for tests, CI and local runs.
#
#   ci/pg.sh start   init + start (or, when already running, just print the URL)
#   ci/pg.sh url     print a libpq URL for the app role
#   ci/pg.sh env     print the path of the env file (source it for DB_HOST ...)
#   ci/pg.sh stop    stop the server and delete the whole state dir
#   ci/pg.sh crash   stop the server as a power cut would (-m immediate) and start it again
#
# State lives in PG_DIR (default: $PWD/.pg, git-ignored): data/ (the cluster),
# sock/ (the only Unix socket), postgres.log, and env (export DB_HOST=... lines).
# The server listens on 127.0.0.1 only, on a free port picked at start; TCP logins
# use scram-sha-256, the socket is trust (used only by this script for setup).
# PG_DEFAULTS=1 leaves out the bulk-load settings (docs/performance.md §PostgreSQL settings).
# Durability stays on: a commit the server acknowledged survives a crash of the server,
# as the ingestor's exactly-once moves assume (docs/warehouse.md §Transactions).
#
# initdb refuses to run as root, so as root the cluster is owned and run by the
# `postgres` system user (created by Debian's postgresql-common, else by us);
# PG_DIR and its parents must then be traversable by that user (/root is not).
#
# Overrides: PG_DIR, PG_BIN, DB_NAME (hospital_db), DB_USER (hospital, the schema's owner),
# DB_PASSWORD (hospital), LOADER_PASSWORD (hospital_loader), READER_PASSWORD
# (hospital_reader), PG_PORT (pick a fixed port instead of a free one).
set -euo pipefail

PG_DIR="$(realpath -m "${PG_DIR:-$PWD/.pg}")"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
DB_NAME="${DB_NAME:-hospital_db}"
DB_USER="${DB_USER:-hospital}"
DB_PASSWORD="${DB_PASSWORD:-hospital}"
LOADER_PASSWORD="${LOADER_PASSWORD:-hospital_loader}"
READER_PASSWORD="${READER_PASSWORD:-hospital_reader}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DATA="$PG_DIR/data"
SOCK="$PG_DIR/sock"
ENV_FILE="$PG_DIR/env"
LOG="$PG_DIR/postgres.log"

say() { echo "pg.sh: $*" >&2; }

# Runs a command as the cluster owner: ourselves, or `postgres` when we are root.
as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        (cd / && runuser -u "$PG_OWNER" -- "$@")
    else
        "$@"
    fi
}

pick_owner() {
    PG_OWNER="$(id -un)"
    if [[ $(id -u) -eq 0 ]]; then
        PG_OWNER=postgres
        if ! id "$PG_OWNER" >/dev/null 2>&1; then
            say "creating system user $PG_OWNER (initdb refuses root)"
            useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin "$PG_OWNER"
        fi
    fi
}

ensure_installed() {
    if [[ ! -x "$PG_BIN/initdb" ]]; then
        say "installing postgresql-15 ($PG_BIN/initdb missing)"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends postgresql-15 >/dev/null
    fi
}

free_port() {
    if [[ -n "${PG_PORT:-}" ]]; then echo "$PG_PORT"; return; fi
    if command -v python3 >/dev/null 2>&1; then
        python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
        return
    fi
    local port
    for _ in $(seq 1 200); do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
    done
    say "no free port found"; return 1
}

urlencode() {
    local s="$1" out="" c i
    for ((i = 0; i < ${#s}; i++)); do
        c="${s:i:1}"
        case "$c" in
            [a-zA-Z0-9._~-]) out+="$c" ;;
            *) out+="$(printf '%%%02X' "'$c")" ;;
        esac
    done
    printf '%s' "$out"
}

is_running() {
    [[ -f "$DATA/postmaster.pid" ]] && as_owner "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

print_url() {
    [[ -f "$ENV_FILE" ]] || { say "not started (no $ENV_FILE)"; return 1; }
    # shellcheck source=/dev/null # an env file ci/pg.sh writes: export KEY=value lines
    (source "$ENV_FILE"
     printf 'postgresql://%s:%s@%s:%s/%s\n' "$(urlencode "$DB_USER")" "$(urlencode "$DB_PASSWORD")" \
         "$DB_HOST" "$DB_PORT" "$(urlencode "$DB_NAME")")
}

start() {
    pick_owner
    if is_running; then
        say "already running in $PG_DIR"
        print_url
        return
    fi
    ensure_installed
    if [[ -e "$PG_DIR" ]]; then
        say "removing stale state in $PG_DIR"
        rm -rf "$PG_DIR"
    fi
    mkdir -p "$PG_DIR"
    chmod 755 "$PG_DIR"
    mkdir -m 700 "$DATA" && mkdir -m 755 "$SOCK"
    touch "$LOG"
    if [[ $(id -u) -eq 0 ]]; then chown "$PG_OWNER:" "$DATA" "$SOCK" "$LOG"; fi
    if ! as_owner test -w "$DATA"; then
        say "$PG_OWNER cannot reach $DATA (a parent dir is private?); set PG_DIR elsewhere, e.g. /tmp/pg"
        return 1
    fi

    say "initdb into $DATA as $PG_OWNER"
    as_owner "$PG_BIN/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 --no-instructions --no-sync >/dev/null

    local port
    port="$(free_port)"
    cat >>"$DATA/postgresql.conf" <<CONF
# --- ci/pg.sh: throwaway cluster ---
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$SOCK'
password_encryption = 'scram-sha-256'
logging_collector = off
# bulk-load settings: the same as docker-compose.yml's postgresDB command (ci/compose-check.sh compares them)
shared_buffers = '1GB'
max_wal_size = '8GB'
checkpoint_timeout = '30min'
wal_compression = 'lz4'
maintenance_work_mem = '512MB'
CONF
    # PG_DEFAULTS=1: PostgreSQL's own defaults instead, to measure what the settings do.
    if [ "${PG_DEFAULTS:-}" = 1 ]; then sed -i '/^# bulk-load settings/,$d' "$DATA/postgresql.conf"; fi

    say "starting on 127.0.0.1:$port (log: $LOG)"
    as_owner "$PG_BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 30 start >/dev/null

    # The large-object functions belong to the bootstrap superuser, so the schema's owner
    # cannot revoke them (db/db_schema.sql says so when they are still granted): revoke them
    # here, in template1, so that every database created from it (this one, the tests') has
    # them revoked. The same functions as the schema's $large_objects$ block.
    as_owner "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCK" -p "$port" -U postgres -d template1 >/dev/null <<'SQL'
SELECT format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', p.oid::regprocedure) FROM pg_catalog.pg_proc p
WHERE p.pronamespace = 'pg_catalog'::regnamespace AND (p.proname LIKE 'lo\_%' OR p.proname IN ('loread', 'lowrite'))
\gexec
SQL

    say "creating role $DB_USER and database $DB_NAME"
    as_owner "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCK" -p "$port" -U postgres -d postgres \
        -v user="$DB_USER" -v pw="$DB_PASSWORD" -v db="$DB_NAME" <<'SQL'
CREATE ROLE :"user" LOGIN CREATEDB CREATEROLE PASSWORD :'pw';
CREATE DATABASE :"db" OWNER :"user";
SQL

    # The schema's owner applies db/db_schema.sql (it creates the login roles); the services
    # then log in as hospital_loader and readers as hospital_reader, each with a password
    # file of its own (docs/warehouse.md §Roles).
    say "applying db/db_schema.sql as $DB_USER; passwords for hospital_loader and hospital_reader"
    PGPASSWORD="$DB_PASSWORD" "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U "$DB_USER" -d "$DB_NAME" \
        -f "$HERE/../db/db_schema.sql" >/dev/null
    PGPASSWORD="$DB_PASSWORD" "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U "$DB_USER" -d "$DB_NAME" \
        -v loader="$LOADER_PASSWORD" -v reader="$READER_PASSWORD" <<'SQL'
ALTER ROLE hospital_loader PASSWORD :'loader';
ALTER ROLE hospital_reader PASSWORD :'reader';
SQL

    umask 077
    {
        printf 'export DB_HOST=%q\n' 127.0.0.1
        printf 'export DB_PORT=%q\n' "$port"
        printf 'export DB_NAME=%q\n' "$DB_NAME"
        printf 'export DB_USER=%q\n' "$DB_USER"
        printf 'export DB_PASSWORD=%q\n' "$DB_PASSWORD"
    } >"$ENV_FILE"
    local role
    for role in loader reader; do
        local password=$LOADER_PASSWORD
        [[ $role == reader ]] && password=$READER_PASSWORD
        printf '%s\n' "$password" >"$PG_DIR/${role}_password"
        {
            printf 'export DB_HOST=%q\n' 127.0.0.1
            printf 'export DB_PORT=%q\n' "$port"
            printf 'export DB_NAME=%q\n' "$DB_NAME"
            printf 'export DB_USER=%q\n' "hospital_$role"
            printf 'export DB_PASSWORD_FILE=%q\n' "$PG_DIR/${role}_password"
        } >"$PG_DIR/$role.env"
    done
    say "connection facts in $ENV_FILE (the owner), $PG_DIR/loader.env and $PG_DIR/reader.env"
    print_url
}

stop() {
    pick_owner
    if [[ ! -e "$PG_DIR" ]]; then
        say "nothing to stop ($PG_DIR absent)"
        return
    fi
    if is_running; then
        say "stopping server in $DATA"
        as_owner "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w -t 30 stop >/dev/null
    fi
    say "removing $PG_DIR"
    rm -rf "$PG_DIR"
}

# An immediate stop skips the checkpoint, so the restart replays the WAL: what a crash of the
# server leaves, and what the ingestor must ride out (docs/architecture.md §Chaos runs).
crash() {
    pick_owner
    is_running || { say "not running in $PG_DIR"; return 1; }
    as_owner "$PG_BIN/pg_ctl" -D "$DATA" -m immediate -w -t 30 stop >/dev/null
    as_owner "$PG_BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start >/dev/null
}

case "${1:-}" in
    start) start ;;
    crash) crash ;;
    stop) stop ;;
    url) print_url ;;
    env) echo "$ENV_FILE" ;;
    *) echo "usage: $0 start|stop|crash|url|env" >&2; exit 2 ;;
esac
