#!/usr/bin/env python3
"""Checks the rendered Compose config and the Dockerfile template against docs/architecture.md §Compose.

Reads the JSON that `docker-compose config --format json` wrote (ci/compose-check.sh makes
it), plus docker-compose.yml, .env.example, docker/pgadmin/servers.json,
docker/Dockerfile.template and .dockerignore from the repository; the same rendered with
every tunable of .env.example changed (--changed-rendered); and the secret files a rendering
names (each --secrets-rendered). The dependency graph is read from the rendering, not
restated. Standard library only. Prints one PASS/FAIL line per check, then
`N passed, N failed`, and exits 1 if any check failed.
"""

import argparse
import fnmatch
import json
import os
import re
import sys

INFRA_IMAGES = {
    "zookeeper": "bitnamilegacy/zookeeper:3.8.1",
    "kafka": "bitnamilegacy/kafka:3.5.1",
    "postgresDB": "postgres:15",
    "pgadmin": "dpage/pgadmin4:7",
}
# Compose service -> the `hospital` subcommand it runs (also its healthcheck name).
SWIFT_SERVICES = {
    "producer": "producer",
    "stream_processor": "stream-processor",
    "batch_ingestor": "batch-ingestor",
    "scheduler": "scheduler",
}
ALL_SERVICES = set(INFRA_IMAGES) | set(SWIFT_SERVICES)
# The dependency graph is docker-compose.yml's: each service waits until what it talks to is
# healthy. These environment keys name the services a container talks to (host:port lists).
TALKS_TO = ("KAFKA_BOOTSTRAP_SERVERS", "KAFKA_CFG_ZOOKEEPER_CONNECT", "DB_HOST")
# A design rule, not a connection: the scheduler only writes files, and starts once something
# will drain them, so that a day's files never pile up in batch/ with nobody to move them.
SCHEDULER_WAITS_FOR = {"producer": "drains the outbox the scheduler writes",
                       "batch_ingestor": "drains every other batch file the scheduler writes"}
COMMON_ENV = {
    "LAKE_PATH": "/app/shared_data",
    "CONFIG_DIR": "/app/configs",
    "SIM_PROFILE": None,
    "SIM_SEED": None,
    "STREAM_INTERVAL_SECONDS": None,
    "BATCH_INTERVAL_SECONDS": None,
    "MAX_INGEST_LAG_DAYS": None,
}
EXTRA_ENV = {
    "producer": {"KAFKA_BOOTSTRAP_SERVERS": "kafka:9092"},
    "stream_processor": {"KAFKA_BOOTSTRAP_SERVERS": "kafka:9092"},
    "batch_ingestor": {"DB_HOST": "postgresDB", "DB_PORT": "5432", "DB_NAME": None, "DB_USER": "hospital_loader",
                       "DB_PASSWORD_FILE": "/run/secrets/db_loader_password"},
    "scheduler": {},
}
# Where the upstream images keep state (a VOLUME in their Dockerfile, or their data folder):
# each needs a named volume, or `down` then `up` starts it from nothing.
STATE_VOLUMES = {
    "lake": ("producer", "/app/shared_data", "the lake"),
    "pgdata": ("postgresDB", "/var/lib/postgresql/data", "the warehouse"),
    "kafka_data": ("kafka", "/bitnami/kafka", "the topics and the group's offsets"),
    "zookeeper_data": ("zookeeper", "/bitnami/zookeeper", "the broker's metadata"),
    "pgadmin_data": ("pgadmin", "/var/lib/pgadmin", "pgAdmin's logins and servers (its image declares VOLUME)"),
}
# Offsets of a group with no member expire after offsets.retention.minutes (Kafka's default:
# 7 days): `down` for longer must not lose them.
MIN_OFFSETS_RETENTION_MINUTES = 365 * 24 * 60
# Laptop-sized JVM heaps, MiB (Bitnami's defaults are 1024 for both).
MAX_KAFKA_HEAP_MIB = 768
MAX_ZOOKEEPER_HEAP_MIB = 512
# The Kafka healthcheck: the JVM client until the broker first answered, then a TCP connect.
KAFKA_HEALTHCHECK = re.compile(r"if \[ -e (\S+) \]; then exec 3<>/dev/tcp/127\.0\.0\.1/9092; "
                               r"else kafka-broker-api-versions\.sh --bootstrap-server localhost:9092 >/dev/null "
                               r"&& touch \1; fi")
# Run by postgres' init as uid 999, read by the ingestor as uid 10001 (SECURITY.md §Secret files).
INIT_PASSWORDS_SCRIPT = "docker/postgres/20_role_passwords.sh"
SECRET_NAME = re.compile(r"PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL", re.IGNORECASE)


class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, problems):
        """problems: a list of strings (empty = pass) or a bool."""
        if isinstance(problems, bool):
            problems = [] if problems else ["check failed"]
        if problems:
            self.failed += 1
            print(f"FAIL compose: {name}: " + "; ".join(problems))
        else:
            self.passed += 1
            print(f"PASS compose: {name}")


# ---------------------------------------------------------------- Compose config


def check_compose(report, cfg, root, compose_text):
    services = cfg.get("services", {})

    first = next((ln for ln in compose_text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")), "")
    report.check("compose file format 3.8 (`version: \"3.8\"` first)",
                 [] if re.fullmatch(r"""version:\s*["']3\.8["']\s*""", first) else [f"first line is {first!r}"])

    names = set(services)
    report.check("exactly the 8 services", [] if names == ALL_SERVICES else
                 [f"missing {sorted(ALL_SERVICES - names)}", f"unexpected {sorted(names - ALL_SERVICES)}"])

    problems = []
    for svc, image in INFRA_IMAGES.items():
        got = services.get(svc, {}).get("image")
        if got != image:
            problems.append(f"{svc}: image {got!r}, want {image!r}")
    for svc in SWIFT_SERVICES:
        build = services.get(svc, {}).get("build") or {}
        want = f"docker/{svc}/Dockerfile"
        if build.get("dockerfile") != want:
            problems.append(f"{svc}: dockerfile {build.get('dockerfile')!r}, want {want!r}")
        if os.path.realpath(build.get("context", "")) != os.path.realpath(root):
            problems.append(f"{svc}: build context {build.get('context')!r} is not the repository root")
    report.check("images pinned to the versions of docs/architecture.md §Compose; Swift services built from docker/<service>",
                 problems)

    problems = []
    for svc in sorted(names & ALL_SERVICES):
        hc = services[svc].get("healthcheck") or {}
        test = hc.get("test") or []
        if hc.get("disable") or not test or test[0] == "NONE":
            problems.append(f"{svc}: no healthcheck")
            continue
        text = " ".join(test)
        if svc in SWIFT_SERVICES:
            want = ["CMD", "hospital", "healthcheck", SWIFT_SERVICES[svc]]
            if test != want:
                problems.append(f"{svc}: test {test}, want {want}")
        elif svc == "postgresDB" and not ("pg_isready" in text and "-h 127.0.0.1" in text):
            problems.append(f"{svc}: want pg_isready -h 127.0.0.1, got {text!r}")
        elif svc == "kafka" and not (test[:3] == ["CMD", "bash", "-c"] and KAFKA_HEALTHCHECK.fullmatch(test[-1])):
            problems.append(f"{svc}: want kafka-broker-api-versions.sh until it first answers, then bash's "
                            f"/dev/tcp/127.0.0.1/9092 (no JVM every interval), got {text!r}")
        elif svc == "zookeeper":
            allowed = (services[svc].get("environment") or {}).get("ZOO_4LW_COMMANDS_WHITELIST") or ""
            if "srvr" not in text or "srvr" not in [w.strip() for w in allowed.split(",")]:
                problems.append(f"{svc}: want the srvr four-letter word, whitelisted (got {text!r}, {allowed!r})")
    report.check("a healthcheck on every service (hospital healthcheck / pg_isready -h 127.0.0.1 / "
                 "kafka-broker-api-versions.sh once, then /dev/tcp / srvr)", problems)

    problems = []
    for svc in SWIFT_SERVICES:
        vols = services.get(svc, {}).get("volumes") or []
        lake = [v for v in vols if v.get("target") == "/app/shared_data"]
        if not (len(lake) == 1 and lake[0].get("type") == "volume" and lake[0].get("source") == "lake"
                and not lake[0].get("read_only")):
            problems.append(f"{svc}: /app/shared_data is {lake}, want the writable named volume lake")
        conf = [v for v in vols if v.get("target") == "/app/configs"]
        want_src = os.path.realpath(os.path.join(root, "configs"))
        if not (len(conf) == 1 and conf[0].get("type") == "bind" and conf[0].get("read_only") is True
                and os.path.realpath(conf[0].get("source", "")) == want_src):
            problems.append(f"{svc}: /app/configs is {conf}, want ./configs bound read-only")
    report.check("lake volume at /app/shared_data and ./configs read-only at /app/configs on the 4 Swift services",
                 problems)

    problems = []
    top_volumes = set(cfg.get("volumes") or {})
    if top_volumes != set(STATE_VOLUMES):
        problems.append(f"named volumes {sorted(top_volumes)}, want {sorted(STATE_VOLUMES)}")
    for volume, (svc, target, what) in STATE_VOLUMES.items():
        if not any(v.get("type") == "volume" and v.get("source") == volume and v.get("target") == target
                   for v in services.get(svc, {}).get("volumes") or []):
            problems.append(f"{svc}: {volume} not at {target} ({what} would be lost on down/up)")
    pg_vols = services.get("postgresDB", {}).get("volumes") or []
    schema = os.path.realpath(os.path.join(root, "db", "db_schema.sql"))
    if not any(v.get("type") == "bind" and os.path.realpath(v.get("source", "")) == schema
               and v.get("target", "").startswith("/docker-entrypoint-initdb.d/")
               and v.get("target", "").endswith(".sql") and v.get("read_only") for v in pg_vols):
        problems.append("postgresDB: ./db/db_schema.sql not mounted read-only into /docker-entrypoint-initdb.d/")
    for svc in sorted(names):
        for v in services[svc].get("volumes") or []:
            if v.get("type") == "bind" and not v.get("read_only"):
                problems.append(f"{svc}: bind mount {v.get('source')} -> {v.get('target')} is writable")
            if v.get("type") == "volume" and v.get("source") not in top_volumes:
                problems.append(f"{svc}: anonymous or undeclared volume at {v.get('target')}")
    report.check("a named volume wherever an image keeps state (lake, pgdata, kafka_data, zookeeper_data, "
                 "pgadmin_data); db_schema.sql on postgresDB; no host writes",
                 problems)

    problems = []
    for svc in sorted(names):
        for v in services[svc].get("volumes") or []:
            if v.get("type") == "bind" and not os.path.exists(v.get("source", "")):
                problems.append(f"{svc}: {os.path.relpath(v.get('source', ''), root)} does not exist")
    report.check("every bind-mounted file or folder exists in the repository", problems)

    problems = []
    nets = set(cfg.get("networks") or {})
    if len(nets) != 1:
        problems.append(f"networks {sorted(nets)}, want exactly one")
    for svc in sorted(names):
        if set(services[svc].get("networks") or {}) != nets:
            problems.append(f"{svc} is on {sorted(services[svc].get('networks') or {})}")
    report.check("one network, every service on it", problems)

    problems = []
    for svc in sorted(names):
        for p in services[svc].get("ports") or []:
            if svc != "pgadmin":
                problems.append(f"{svc} publishes {p}")
    ports = services.get("pgadmin", {}).get("ports") or []
    if not (len(ports) == 1 and ports[0].get("host_ip") == "127.0.0.1" and str(ports[0].get("published")) == "5050"
            and int(ports[0].get("target", 0)) == 80):
        problems.append(f"pgadmin ports {ports}, want 127.0.0.1:5050:80 only")
    report.check("pgAdmin on 127.0.0.1:5050 only; nothing else published on the host", problems)

    problems = []
    for svc in sorted(names):
        if services[svc].get("restart") != "unless-stopped":
            problems.append(f"{svc}: restart {services[svc].get('restart')!r}")
    report.check("restart: unless-stopped everywhere", problems)

    def env(svc):
        return services.get(svc, {}).get("environment") or {}

    problems = []
    for svc in SWIFT_SERVICES:
        want = dict(COMMON_ENV, **EXTRA_ENV[svc])
        for key, value in want.items():
            got = env(svc).get(key)
            if got in (None, ""):
                problems.append(f"{svc}: {key} unset")
            elif value is not None and got != value:
                problems.append(f"{svc}: {key}={got!r}, want {value!r}")
    z, k, pg, pa, bi = env("zookeeper"), env("kafka"), env("postgresDB"), env("pgadmin"), env("batch_ingestor")
    if z.get("ALLOW_ANONYMOUS_LOGIN") != "yes":
        problems.append("zookeeper: ALLOW_ANONYMOUS_LOGIN is not yes")
    if k.get("KAFKA_CFG_ZOOKEEPER_CONNECT") != "zookeeper:2181":
        problems.append("kafka: KAFKA_CFG_ZOOKEEPER_CONNECT is not zookeeper:2181")
    if "kafka:9092" not in (k.get("KAFKA_CFG_ADVERTISED_LISTENERS") or "") or "PLAINTEXT" not in (
            k.get("KAFKA_CFG_ADVERTISED_LISTENERS") or ""):
        problems.append("kafka: no PLAINTEXT listener advertised as kafka:9092")
    if (k.get("KAFKA_CFG_AUTO_CREATE_TOPICS_ENABLE") or "").lower() != "false":
        problems.append("kafka: topic auto-creation is not off")
    for key in ("POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD_FILE"):
        if not pg.get(key):
            problems.append(f"postgresDB: {key} unset")
    if pg.get("POSTGRES_DB") != bi.get("DB_NAME"):
        problems.append("batch_ingestor DB_NAME differs from postgresDB POSTGRES_DB")
    if bi.get("DB_USER") == pg.get("POSTGRES_USER"):
        problems.append("batch_ingestor logs in as the schema's owner")
    email = pa.get("PGADMIN_DEFAULT_EMAIL") or ""
    if "@" not in email or email.lower().endswith(".local"):
        problems.append(f"pgadmin: PGADMIN_DEFAULT_EMAIL {email!r} (must be an address not ending in .local)")
    if not pa.get("PGADMIN_DEFAULT_PASSWORD"):
        problems.append("pgadmin: PGADMIN_DEFAULT_PASSWORD unset")
    report.check("the environment each service needs", problems)

    hc = " ".join((services.get("pgadmin", {}).get("healthcheck") or {}).get("test") or [])
    report.check("pgAdmin binds IPv4 (PGADMIN_LISTEN_ADDRESS 0.0.0.0; the image's default [::] fails where IPv6 "
                 "is disabled) and its healthcheck asks 127.0.0.1",
                 [] if pa.get("PGADMIN_LISTEN_ADDRESS") == "0.0.0.0" and "//127.0.0.1:" in hc else
                 [f"PGADMIN_LISTEN_ADDRESS {pa.get('PGADMIN_LISTEN_ADDRESS')!r}, healthcheck {hc!r}"])

    problems = []
    retention = k.get("KAFKA_CFG_OFFSETS_RETENTION_MINUTES") or ""
    if not retention.isdigit() or int(retention) < MIN_OFFSETS_RETENTION_MINUTES:
        problems.append(f"KAFKA_CFG_OFFSETS_RETENTION_MINUTES {retention or 'unset'!r} (Kafka's default is 7 days), "
                        f"want at least {MIN_OFFSETS_RETENTION_MINUTES}")
    if k.get("KAFKA_CFG_LOG_RETENTION_MS") != "-1":
        problems.append(f"KAFKA_CFG_LOG_RETENTION_MS {k.get('KAFKA_CFG_LOG_RETENTION_MS')!r} (Bitnami keeps 168 h), "
                        "want -1 (no time limit)")
    report.check("Kafka keeps the group's offsets and the log across a long `down` (offsets.retention.minutes, "
                 "log.retention.ms)", problems)

    problems = []
    heap = re.fullmatch(r"-Xmx(\d+)m -Xms(\d+)m", k.get("KAFKA_HEAP_OPTS") or "")
    if not heap or int(heap.group(1)) > MAX_KAFKA_HEAP_MIB or int(heap.group(2)) > int(heap.group(1)):
        problems.append(f"kafka: KAFKA_HEAP_OPTS {k.get('KAFKA_HEAP_OPTS')!r} (Bitnami's default -Xmx1024m -Xms1024m), "
                        f"want -Xmx at most {MAX_KAFKA_HEAP_MIB}m, -Xms at most -Xmx")
    zoo_heap = z.get("ZOO_HEAP_SIZE") or ""
    if not zoo_heap.isdigit() or int(zoo_heap) > MAX_ZOOKEEPER_HEAP_MIB:
        problems.append(f"zookeeper: ZOO_HEAP_SIZE {zoo_heap or 'unset'!r} (Bitnami's default 1024), "
                        f"want <= {MAX_ZOOKEEPER_HEAP_MIB}")
    report.check("JVM heaps set for a laptop (KAFKA_HEAP_OPTS, ZOO_HEAP_SIZE)", problems)

    problems = []
    hc = " ".join((services.get("postgresDB", {}).get("healthcheck") or {}).get("test") or [])
    if "rolpassword IS NOT NULL" not in hc or "hospital_loader" not in hc or "hospital_reader" not in hc:
        problems.append("the postgresDB healthcheck does not require hospital_loader and hospital_reader "
                        "to have a password (an init that stopped half-way is not retried)")
    script = os.path.join(root, INIT_PASSWORDS_SCRIPT)
    if not any(os.path.realpath(v.get("source", "")) == os.path.realpath(script)
               and v.get("target", "").startswith("/docker-entrypoint-initdb.d/")
               for v in services.get("postgresDB", {}).get("volumes") or []):
        problems.append(f"{INIT_PASSWORDS_SCRIPT} is not in the init folder")
    elif not os.access(script, os.X_OK):
        problems.append(f"{INIT_PASSWORDS_SCRIPT} is not executable: the entrypoint would source it into its own shell")
    report.check("an init that cannot set the login roles' passwords stops, and postgresDB is then never healthy",
                 problems)

    problems = []
    defaults = {}
    for line in compose_text.splitlines():
        if line.lstrip().startswith("#"):
            continue
        for var, default in re.findall(r"(?<!\$)\$\{(\w+):-([^}]*)\}", line):
            if defaults.setdefault(var, default) != default:
                problems.append(f"{var} has two defaults: {defaults[var]!r} and {default!r}")
        for var in re.findall(r"(?<!\$)\$\{(\w+)\}", line):
            problems.append(f"${{{var}}} has no default")
    example = {}
    with open(os.path.join(root, ".env.example"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                key, _, value = line.partition("=")
                example[key.strip()] = value.strip()
    for var, default in sorted(defaults.items()):
        if var not in example:
            problems.append(f".env.example lacks {var}")
        elif example[var] != default:
            problems.append(f".env.example {var}={example[var]!r}, compose default {default!r}")
    for var in sorted(set(example) - set(defaults)):
        problems.append(f".env.example has {var}, which docker-compose.yml does not use")
    report.check("credentials and tunables as ${VAR:-default}, each default listed in .env.example", problems)

    servers, error = registered_servers(root)
    problems = [error] if error else []
    if len(servers) != 1:
        problems.append(f"{len(servers)} servers registered, want 1")
    for s in servers:
        want = {"Name": "postgresDB", "Group": "Hospital", "Host": "postgresDB", "Port": 5432,
                "MaintenanceDB": pg.get("POSTGRES_DB"), "Username": "hospital_reader", "SSLMode": "prefer"}
        for key, value in want.items():
            if s.get(key) != value:
                problems.append(f"servers.json {key}={s.get(key)!r}, want {value!r}")
        if any("password" in key.lower() for key in s):
            problems.append("servers.json holds a password field")
    report.check("pgAdmin's servers.json registers postgresDB with the compose database, as hospital_reader", problems)

    # Least privilege (SECURITY.md): database passwords only as Compose secrets, never as
    # environment values; our four services without capabilities or privilege gain.
    problems = []
    secrets = cfg.get("secrets") or {}
    for name in ("db_owner_password", "db_loader_password", "db_reader_password"):
        if not (secrets.get(name) or {}).get("file"):
            problems.append(f"secret {name} is not defined from a file")
    wanted = {"postgresDB": {"db_owner_password", "db_loader_password", "db_reader_password"},
              "batch_ingestor": {"db_loader_password"}}
    for svc in sorted(names):
        used = {(x.get("source") if isinstance(x, dict) else x) for x in services[svc].get("secrets") or []}
        if used != wanted.get(svc, set()):
            problems.append(f"{svc}: secrets {sorted(used)}, want {sorted(wanted.get(svc, set()))}")
        for key in env(svc):
            if svc != "pgadmin" and SECRET_NAME.search(key) and not key.endswith("_FILE"):
                problems.append(f"{svc}: {key} is given as a value; use a secret and {key}_FILE")
        options = services[svc].get("security_opt") or []
        if svc != "pgadmin" and "no-new-privileges:true" not in options:
            problems.append(f"{svc}: no no-new-privileges")
        if (svc in SWIFT_SERVICES or svc in ("zookeeper", "kafka")) and "ALL" not in (services[svc].get("cap_drop") or []):
            problems.append(f"{svc}: capabilities not dropped")
    report.check("passwords as secrets only; no-new-privileges everywhere but pgAdmin; our services, ZooKeeper and "
                 "Kafka drop every capability",
                 problems)

    problems = []
    for svc in sorted(names):
        hc = services[svc].get("healthcheck") or {}
        if svc in SWIFT_SERVICES and hc.get("test") and services[svc].get("command"):
            want = ["hospital", SWIFT_SERVICES[svc]]
            if services[svc]["command"] != want:
                problems.append(f"{svc}: command {services[svc]['command']}, want {want}")
    report.check("Swift services run their own subcommand (no conflicting command override)", problems)


def check_bulk_settings(report, cfg, root):
    """The warehouse's settings are the same in Compose and in ci/pg.sh's throwaway clusters."""
    command = cfg.get("services", {}).get("postgresDB", {}).get("command") or []
    compose = dict(arg.split("=", 1) for flag, arg in zip(command, command[1:], strict=False) if flag == "-c")
    with open(os.path.join(root, "ci", "pg.sh"), encoding="utf-8") as f:
        text = f.read()
    block = text.split("# bulk-load settings:", 1)[-1].split("CONF", 1)[0]
    local = dict(re.findall(r"^(\w+) = '([^']*)'$", block, re.MULTILINE))
    problems = [] if compose and compose == local else [f"compose {compose}", f"ci/pg.sh {local}"]
    report.check("postgresDB's -c settings equal ci/pg.sh's bulk-load settings", problems)


def check_secret_files(report, cfg, label):
    """Each file secret must be readable inside the containers (SECURITY.md §Secret files).

    Compose mounts it with its host owner and mode, and postgres' init (uid 999) and the
    ingestor (uid 10001) read it: readable by others, or granted by an ACL.
    """
    problems = []
    for name, spec in sorted((cfg.get("secrets") or {}).items()):
        path = (spec or {}).get("file") or ""
        try:
            mode = os.stat(path).st_mode & 0o777
        except OSError as error:
            problems.append(f"{name}: {path}: {error.strerror}")
            continue
        try:
            has_acl = bool(os.getxattr(path, "system.posix_acl_access"))
        except OSError:
            has_acl = False
        if not mode & 0o004 and not has_acl:
            problems.append(f"{name}: {path} is mode {mode:04o}: uid 999 (postgres' init) and 10001 (the ingestor) "
                            "cannot read it; chmod 0644 or setfacl -m u:999:r,u:10001:r")
    report.check(f"secret files readable inside the containers ({label})", problems)


def check_changed_tunables(report, changed, root):
    """With every tunable of .env.example changed, pgAdmin still names the database that exists."""
    services = changed.get("services", {})
    created = ((services.get("postgresDB") or {}).get("environment") or {}).get("POSTGRES_DB")
    loaded = ((services.get("batch_ingestor") or {}).get("environment") or {}).get("DB_NAME")
    servers, error = registered_servers(root)
    registered = [error] if error else [s.get("MaintenanceDB") for s in servers]
    report.check("with every tunable of .env.example changed, servers.json still names the database postgresDB "
                 "creates and the ingestor loads",
                 [] if registered == [created] and loaded == created else
                 [f"POSTGRES_DB {created!r}, batch_ingestor DB_NAME {loaded!r}, servers.json MaintenanceDB {registered}"])


def registered_servers(root):
    """(the servers docker/pgadmin/servers.json registers, None), or ([], what is wrong with it)."""
    try:
        with open(os.path.join(root, "docker", "pgadmin", "servers.json"), encoding="utf-8") as f:
            return list((json.load(f).get("Servers") or {}).values()), None
    except (OSError, ValueError) as error:
        return [], f"docker/pgadmin/servers.json: {error}"


# ---------------------------------------------------------------- dependency graph


def hosts(value):
    """The host names of a `host:port[,host:port...]` list (a ZooKeeper chroot aside)."""
    return [part.split("/", 1)[0].rsplit(":", 1)[0].strip() for part in value.split(",") if part.strip()]


def needed_dependencies(services, servers):
    """service -> {service it must wait for: why}: what its environment says it talks to,
    the database pgAdmin's servers.json registers, and the scheduler's rule."""
    needed = {svc: {} for svc in services}
    for svc, spec in services.items():
        for key in TALKS_TO:
            for host in hosts((spec.get("environment") or {}).get(key) or ""):
                needed[svc][host] = f"its {key}"
    for server in servers:
        needed.setdefault("pgadmin", {})[server.get("Host")] = "servers.json's Host"
    needed.setdefault("scheduler", {}).update(SCHEDULER_WAITS_FOR)
    return needed


def check_dependencies(report, cfg, root):
    """depends_on as rendered. A cycle needs no check here: `docker-compose config` refuses to
    render one ("dependency cycle detected"), so ci/compose-check.sh fails before this runs."""
    services = cfg.get("services", {})
    graph = {svc: spec.get("depends_on") or {} for svc, spec in services.items()}

    report.check("every depends_on edge waits for condition: service_healthy",
                 [f"{svc} -> {dep}: condition {(spec or {}).get('condition')!r}"
                  for svc, deps in sorted(graph.items()) for dep, spec in sorted(deps.items())
                  if (spec or {}).get("condition") != "service_healthy"])

    problems = []
    for svc, needed in sorted(needed_dependencies(services, registered_servers(root)[0]).items()):
        for dep, why in sorted(needed.items()):
            if dep not in services:
                problems.append(f"{svc} talks to {dep!r} ({why}), which is not a service")
            elif dep not in graph.get(svc, {}):
                problems.append(f"{svc} does not wait for {dep} ({why})")
        for dep in sorted(set(graph.get(svc, {})) - set(needed)):
            problems.append(f"{svc} waits for {dep}, which nothing it talks to explains")
    report.check("each service waits for what it talks to (" + ", ".join(TALKS_TO) + ", pgAdmin's servers.json), "
                 "the scheduler for the producer and the ingestor (they drain what it writes), nothing else",
                 problems)


# ---------------------------------------------------------------- Dockerfile template

# The four docker/<service>/Dockerfile are ci/dockerfiles.sh's rendering of this template
# (`ci/dockerfiles.sh --check`, which ci/compose-check.sh runs first), and hadolint lints
# them: what is checked here is what the template must say for any service.
TEMPLATE = "docker/Dockerfile.template"


def template_stages(text):
    """The template's stages, each a list of instructions one a line (comments dropped,
    continuation lines joined), the first being its FROM."""
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    stages = []
    for line in re.sub(r"\\\n\s*", " ", code).splitlines():
        if line.upper().startswith("FROM "):
            stages.append([])
        if stages and line.strip():
            stages[-1].append(line.strip())
    return stages


def last(stage, instruction):
    """The arguments of the stage's last `instruction`, or None."""
    found = [line.split(None, 1)[1] for line in stage if line.upper().startswith(instruction + " ")]
    return found[-1] if found else None


def check_template(report, root):
    try:
        with open(os.path.join(root, TEMPLATE), encoding="utf-8") as f:
            stages = template_stages(f.read())
    except OSError as error:
        report.check(f"{TEMPLATE} readable", [str(error)])
        return
    builder, runtime = (stages[0], stages[-1]) if stages else ([""], [""])

    swift = re.fullmatch(r"FROM swift:6\.\d+(?:\.\d+)?-([a-z]+) AS \w+", builder[0], re.IGNORECASE)
    slim = re.fullmatch(r"FROM [\w./-]+:([a-z]+)-slim(?: AS \w+)?", runtime[0], re.IGNORECASE)
    report.check(f"{TEMPLATE}: multi-stage, a pinned swift:6.x-<distribution> builder and a slim runtime "
                 "on the same distribution",
                 [] if len(stages) >= 2 and swift and slim and swift.group(1) == slim.group(1) else
                 [f"{len(stages)} stages, builder {builder[0]!r}, runtime {runtime[0]!r}"])

    problems = []
    if not any("swift build -c release --static-swift-stdlib --product hospital" in line for line in builder):
        problems.append("the builder has no `swift build -c release --static-swift-stdlib --product hospital`")
    problems += [f"the runtime installs -dev packages: {line}" for line in runtime
                 if "apt-get install" in line and re.search(r"\s[\w.+-]+-dev(\s|$)", line)]
    report.check(f"{TEMPLATE}: a static-stdlib release build; runtime libraries only in the runtime", problems)

    user = (last(runtime, "USER") or "").split(":", 1)[0]
    report.check(f"{TEMPLATE}: the runtime runs as a non-root USER",
                 [] if user not in ("", "root", "0") else [f"USER is {user or 'unset'}"])

    workdir = last(runtime, "WORKDIR")
    report.check(f"{TEMPLATE}: WORKDIR /app in the runtime", [] if workdir == "/app" else [f"WORKDIR {workdir}"])

    problems = []
    for line in (line for stage in stages for line in stage):
        instruction, _, args = line.partition(" ")
        keys = [word.split("=", 1)[0] for word in args.split()]
        if instruction.upper() in ("ENV", "ARG") and any(SECRET_NAME.search(key) for key in keys):
            problems.append(line)
        if instruction.upper() in ("COPY", "ADD") and re.search(r"(^|\s)\S*(\.env|id_rsa|\.pem|\.key)(\s|$)", args):
            problems.append(f"{line} copies a secret-looking file")
    report.check(f"{TEMPLATE}: no secret-looking ENV/ARG (PASSWORD, SECRET, TOKEN, ...) or secret files", problems)

    problems = []
    if last(runtime, "CMD") != '["hospital", "@COMMAND@"]':
        problems.append(f"CMD {last(runtime, 'CMD')}")
    if not (last(runtime, "HEALTHCHECK") or "").endswith(' CMD ["hospital", "healthcheck", "@COMMAND@"]'):
        problems.append(f"HEALTHCHECK {last(runtime, 'HEALTHCHECK')}")
    with open(os.path.join(root, "ci", "dockerfiles.sh"), encoding="utf-8") as f:
        commands = dict(re.findall(r'^\s*"(\w+)\|([\w-]+)\|', f.read(), re.MULTILINE))
    if commands != SWIFT_SERVICES:
        problems.append(f"ci/dockerfiles.sh sets @COMMAND@ to {commands}, want {SWIFT_SERVICES}")
    report.check(f"{TEMPLATE}: CMD [\"hospital\", \"@COMMAND@\"] and HEALTHCHECK hospital healthcheck @COMMAND@, "
                 "ci/dockerfiles.sh setting @COMMAND@ to each service's subcommand", problems)


def check_dockerignore(report, root):
    problems = []
    try:
        with open(os.path.join(root, ".dockerignore"), encoding="utf-8") as f:
            patterns = [ln.strip() for ln in f if ln.strip() and not ln.strip().startswith("#")]
    except OSError:
        patterns = None
        problems.append(".dockerignore missing")
    if patterns is not None:
        def ignored(name):
            result = False
            for pattern in patterns:
                negate = pattern.startswith("!")
                if fnmatch.fnmatchcase(name, pattern.lstrip("!").rstrip("/")):
                    result = not negate
            return result
        for name in (".env", ".build", "Package.resolved", ".git", "shared_data"):
            if not ignored(name):
                problems.append(f"{name} is sent to the build context")
        for name in ("Package.swift", "Sources", "Tests"):
            if ignored(name):
                problems.append(f"{name} is not in the build context")
    report.check(".dockerignore keeps .env, .build, Package.resolved and the lake out of the build context",
                 problems)


# ---------------------------------------------------------------- rehearsal override

# What ci/rehearsal/compose.rehearsal.yml may change (docs/architecture.md §Compose rehearsal):
# the four images that cannot be pulled, the configs the Kafka stand-in reads, and the
# network namespace of the two Kafka clients. Everything else must render as without it.
REHEARSAL_MAY_CHANGE = {
    "zookeeper": {"image"},
    "kafka": {"image", "volumes"},
    "postgresDB": {"image"},
    "pgadmin": {"image"},
    "producer": {"network_mode", "networks"},
    "stream_processor": {"network_mode", "networks"},
}


def check_rehearsal(report, cfg, rehearsal):
    services, changed = cfg.get("services", {}), rehearsal.get("services", {})
    problems = []
    if set(services) != set(changed):
        problems.append(f"services {sorted(changed)}, want {sorted(services)}")
    for svc in sorted(set(services) & set(changed)):
        allowed = REHEARSAL_MAY_CHANGE.get(svc, set())
        for key in sorted(set(services[svc]) | set(changed[svc])):
            if key not in allowed and services[svc].get(key) != changed[svc].get(key):
                problems.append(f"{svc}: {key} changed")
        for key in sorted(allowed):
            if key == "image" and not str(changed[svc].get(key, "")).startswith("hospital-rehearsal/"):
                problems.append(f"{svc}: image {changed[svc].get(key)!r} is not a hospital-rehearsal/ stand-in")
            if key == "network_mode" and changed[svc].get(key) != "service:kafka":
                problems.append(f"{svc}: network_mode {changed[svc].get(key)!r}, want service:kafka")
        if svc == "kafka":
            extra = [v for v in changed[svc].get("volumes") or [] if v not in (services[svc].get("volumes") or [])]
            if any(v.get("target") != "/app/configs" or not v.get("read_only") for v in extra):
                problems.append(f"kafka: volumes added beyond ./configs read-only at /app/configs: {extra}")
    for key in sorted(set(cfg) | set(rehearsal)):
        if key != "services" and cfg.get(key) != rehearsal.get(key):
            problems.append(f"top-level {key} changed")
    report.check("the rehearsal override changes only the four pulled images, the Kafka stand-in's configs and "
                 "the Kafka clients' network namespace", problems)


def read_rendered(report, path, label):
    """The JSON a `docker-compose config --format json` wrote, or None after a FAIL line."""
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as error:
        report.check(f"{label} readable", [str(error)])
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rendered", default=".build-ci/compose.json",
                        help="output of `docker-compose config --format json`")
    parser.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."),
                        help="repository root (default: the parent of ci/)")
    parser.add_argument("--rehearsal-rendered",
                        help="the same for docker-compose.yml with ci/rehearsal/compose.rehearsal.yml")
    parser.add_argument("--changed-rendered",
                        help="the same rendered with every tunable of .env.example changed")
    parser.add_argument("--secrets-rendered", action="append", default=[], metavar="LABEL=FILE",
                        help="a rendering whose secret files must be readable inside the containers")
    args = parser.parse_args()
    root = os.path.realpath(args.root)
    report = Report()
    cfg = read_rendered(report, args.rendered, "rendered Compose config")
    if cfg is not None:
        with open(os.path.join(root, "docker-compose.yml"), encoding="utf-8") as f:
            check_compose(report, cfg, root, f.read())
        check_dependencies(report, cfg, root)
        check_bulk_settings(report, cfg, root)
        check_secret_files(report, cfg, "the file's defaults")
        for extra in args.secrets_rendered:
            label, _, path = extra.partition("=")
            rendered = read_rendered(report, path, f"rendered config {label}")
            if rendered is not None:
                check_secret_files(report, rendered, label)
        changed = args.changed_rendered and read_rendered(report, args.changed_rendered,
                                                          "rendered config with the tunables changed")
        if changed:
            check_changed_tunables(report, changed, root)
        rehearsal = args.rehearsal_rendered and read_rendered(report, args.rehearsal_rendered,
                                                              "rendered rehearsal config")
        if rehearsal:
            check_rehearsal(report, cfg, rehearsal)
    check_template(report, root)
    check_dockerignore(report, root)
    print(f"{report.passed} passed, {report.failed} failed")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
