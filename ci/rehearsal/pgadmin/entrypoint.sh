#!/usr/bin/env bash
# Entrypoint of the dpage/pgadmin4:7 STAND-IN (ci/rehearsal/pgadmin/Dockerfile, used only by
# ci/rehearsal/run.sh). On first start (no /var/lib/pgadmin/pgadmin4.db), as the
# official image: the configuration database is created with PGADMIN_DEFAULT_EMAIL /
# PGADMIN_DEFAULT_PASSWORD as its first user, and /pgadmin4/servers.json (if present) is
# loaded for that user by pgAdmin's own `setup.py --load-servers`. Then gunicorn serves
# pgAdmin on ${PGADMIN_LISTEN_ADDRESS:-[::]}:${PGADMIN_LISTEN_PORT:-80} (one worker,
# threads), the official entrypoint's bind: without PGADMIN_LISTEN_ADDRESS it needs IPv6
# in the container and fails where IPv6 is disabled, as the official image does.
set -euo pipefail
web=/venv/pgadmin4-web
servers=${PGADMIN_SERVER_JSON_FILE:-/pgadmin4/servers.json}
cd "$web"
if [ ! -f /var/lib/pgadmin/pgadmin4.db ]; then
    if [ -z "${PGADMIN_DEFAULT_EMAIL:-}" ] || [ -z "${PGADMIN_DEFAULT_PASSWORD:-}" ]; then
        echo "entrypoint.sh: PGADMIN_DEFAULT_EMAIL and PGADMIN_DEFAULT_PASSWORD are required" >&2
        exit 1
    fi
    export PGADMIN_SETUP_EMAIL=$PGADMIN_DEFAULT_EMAIL PGADMIN_SETUP_PASSWORD=$PGADMIN_DEFAULT_PASSWORD
    # Importing the application creates the configuration database and the first user.
    /venv/bin/python3 -c 'import pgAdmin4'
    if [ -f "$servers" ]; then
        /venv/bin/python3 setup.py --load-servers "$servers" --user "$PGADMIN_DEFAULT_EMAIL"
    fi
fi
exec /venv/bin/gunicorn --bind "${PGADMIN_LISTEN_ADDRESS:-[::]}:${PGADMIN_LISTEN_PORT:-80}" -w 1 --threads 25 --access-logfile - --chdir "$web" pgAdmin4:app
