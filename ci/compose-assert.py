#!/usr/bin/env python3
"""Checks the rendered Compose config and the four Dockerfiles against docs/architecture.md §Compose.

Reads the JSON that `docker-compose config --format json` wrote (ci/compose-check.sh makes
it), plus docker-compose.yml, .env.example, docker/pgadmin/servers.json and
docker/<service>/Dockerfile from the repository. Standard library only. Prints one
PASS/FAIL line per check, then `N passed, N failed`, and exits 1 if any check failed.
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
DEPENDS_ON = {
    "zookeeper": set(),
    "kafka": {"zookeeper"},
    "postgresDB": set(),
    "pgadmin": {"postgresDB"},
    "producer": {"kafka"},
    "stream_processor": {"kafka"},
    "batch_ingestor": {"postgresDB"},
    "scheduler": {"producer", "batch_ingestor"},
}
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
SECRET_NAME = re.compile(r"PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL", re.I)
DISTRIBUTIONS = ("bookworm", "bullseye", "trixie", "focal", "jammy", "noble")


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
            print(f"FAIL: {name}: " + "; ".join(problems))
        else:
            self.passed += 1
            print(f"PASS: {name}")


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
    for svc, want in DEPENDS_ON.items():
        deps = services.get(svc, {}).get("depends_on") or {}
        if set(deps) != want:
            problems.append(f"{svc} depends on {sorted(deps)}, want {sorted(want)}")
        for dep, spec in deps.items():
            if (spec or {}).get("condition") != "service_healthy":
                problems.append(f"{svc} -> {dep}: condition {(spec or {}).get('condition')!r}")
    report.check("depends_on graph, every edge with condition service_healthy", problems)

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
        elif svc == "kafka" and "kafka-broker-api-versions.sh" not in text:
            problems.append(f"{svc}: want kafka-broker-api-versions.sh, got {text!r}")
        elif svc == "zookeeper":
            allowed = (services[svc].get("environment") or {}).get("ZOO_4LW_COMMANDS_WHITELIST") or ""
            if "srvr" not in text or "srvr" not in [w.strip() for w in allowed.split(",")]:
                problems.append(f"{svc}: want the srvr four-letter word, whitelisted (got {text!r}, {allowed!r})")
    report.check("a healthcheck on every service (hospital healthcheck / pg_isready -h 127.0.0.1 / "
                 "kafka-broker-api-versions.sh / srvr)", problems)

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
    want_volumes = {"lake": None, "pgdata": None, "kafka_data": ("kafka", "/bitnami/kafka"),
                    "zookeeper_data": ("zookeeper", "/bitnami/zookeeper")}
    if top_volumes != set(want_volumes):
        problems.append(f"named volumes {sorted(top_volumes)}, want {sorted(want_volumes)}")
    for volume, place in want_volumes.items():
        if place and not any(v.get("type") == "volume" and v.get("source") == volume and v.get("target") == place[1]
                             for v in services.get(place[0], {}).get("volumes") or []):
            problems.append(f"{place[0]}: {volume} not at {place[1]} (offsets would restart at 0 after down/up)")
    pg_vols = services.get("postgresDB", {}).get("volumes") or []
    if not any(v.get("type") == "volume" and v.get("source") == "pgdata"
               and v.get("target") == "/var/lib/postgresql/data" for v in pg_vols):
        problems.append("postgresDB: pgdata not at /var/lib/postgresql/data")
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
    report.check("named volumes lake, pgdata, kafka_data, zookeeper_data; pgdata and db_schema.sql on postgresDB; "
                 "the broker's data on its volumes; no host writes",
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

    problems = []
    try:
        with open(os.path.join(root, "docker", "pgadmin", "servers.json"), encoding="utf-8") as f:
            servers = list((json.load(f).get("Servers") or {}).values())
    except (OSError, ValueError) as error:
        servers, problems = [], [f"docker/pgadmin/servers.json: {error}"]
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
        for key, value in env(svc).items():
            if svc != "pgadmin" and SECRET_NAME.search(key) and not key.endswith("_FILE"):
                problems.append(f"{svc}: {key} is given as a value; use a secret and {key}_FILE")
        options = services[svc].get("security_opt") or []
        if svc != "pgadmin" and "no-new-privileges:true" not in options:
            problems.append(f"{svc}: no no-new-privileges")
        if svc in SWIFT_SERVICES and "ALL" not in (services[svc].get("cap_drop") or []):
            problems.append(f"{svc}: capabilities not dropped")
    report.check("passwords as secrets only; no-new-privileges everywhere but pgAdmin; our services drop every capability",
                 problems)

    problems = []
    for svc in sorted(names):
        hc = services[svc].get("healthcheck") or {}
        if svc in SWIFT_SERVICES and hc.get("test") and services[svc].get("command"):
            want = ["hospital", SWIFT_SERVICES[svc]]
            if services[svc]["command"] != want:
                problems.append(f"{svc}: command {services[svc]['command']}, want {want}")
    report.check("Swift services run their own subcommand (no conflicting command override)", problems)


# ---------------------------------------------------------------- Dockerfiles


def dockerfile_instructions(text):
    """(line number, INSTRUCTION, arguments) with continuations joined and comments dropped."""
    out, buf, start = [], [], None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not buf and (not line or line.startswith("#")):
            continue
        if buf and line.startswith("#"):
            continue
        if start is None:
            start = number
        if line.endswith("\\"):
            buf.append(line[:-1].strip())
            continue
        buf.append(line)
        joined = " ".join(part for part in buf if part)
        word, _, rest = joined.partition(" ")
        out.append((start, word.upper(), rest.strip()))
        buf, start = [], None
    return out


def stages(instructions):
    result = []
    for ins in instructions:
        if ins[1] == "FROM":
            result.append([ins])
        elif result:
            result[-1].append(ins)
    return result


def from_parts(args):
    words = [w for w in args.split() if not w.startswith("--")]
    image = words[0] if words else ""
    name = words[2] if len(words) >= 3 and words[1].upper() == "AS" else None
    return image, name


def image_pinned(image):
    if "@sha256:" in image:
        return True
    last = image.rsplit("/", 1)[-1]
    if ":" not in last:
        return False
    tag = last.split(":", 1)[1]
    return bool(tag) and tag != "latest" and "$" not in tag


def env_keys(instruction, args):
    if instruction == "ARG":
        return [args.split("=", 1)[0].strip()]
    if "=" not in args.split(" ", 1)[0]:
        return [args.split(" ", 1)[0]]  # legacy `ENV KEY value`
    return re.findall(r"(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=", args)


def exec_form(args):
    try:
        value = json.loads(args)
    except ValueError:
        return None
    return value if isinstance(value, list) else None


def raw_first_stage(text):
    """The lines of the first stage, from its FROM up to the next FROM, as written."""
    lines = text.splitlines()
    froms = [i for i, ln in enumerate(lines) if re.match(r"\s*FROM\s", ln, re.I)]
    if len(froms) < 2:
        return None
    return lines[froms[0]:froms[1]]


def check_dockerfiles(report, root):
    builder_texts, runtime_shapes = {}, {}
    for svc, sub in SWIFT_SERVICES.items():
        path = os.path.join("docker", svc, "Dockerfile")
        try:
            with open(os.path.join(root, path), encoding="utf-8") as f:
                text = f.read()
        except OSError as error:
            report.check(f"{path}: readable", [str(error)])
            continue
        inst = dockerfile_instructions(text)
        st = stages(inst)
        problems = []

        names = set()
        for stage in st:
            image, name = from_parts(stage[0][2])
            if image not in names and not image_pinned(image):
                problems.append(f"line {stage[0][0]}: base image {image!r} has no explicit tag (or is latest)")
            if name:
                names.add(name)
        if len(st) < 2:
            problems.append("not multi-stage")
        report.check(f"{path}: multi-stage, base images pinned (explicit tag, not latest)", problems)

        problems = []
        if len(st) >= 2:
            builder_image, _ = from_parts(st[0][0][2])
            runtime_image, _ = from_parts(st[-1][0][2])
            if not re.fullmatch(r"swift:6\.\d+(\.\d+)?-[a-z]+", builder_image):
                problems.append(f"builder {builder_image!r} is not an official swift:6.x-<distribution> image")
            b = [d for d in DISTRIBUTIONS if d in builder_image]
            r = [d for d in DISTRIBUTIONS if d in runtime_image]
            if not b or b != r:
                problems.append(f"builder {builder_image!r} and runtime {runtime_image!r} differ in distribution")
            if "slim" not in runtime_image:
                problems.append(f"runtime {runtime_image!r} is not a slim image")
            if not any(i[1] == "RUN" and "swift build" in i[2] and "-c release" in i[2]
                       and "--static-swift-stdlib" in i[2] and "--product hospital" in i[2] for i in st[0]):
                problems.append("builder has no `swift build -c release --static-swift-stdlib --product hospital`")
            for line, ins, args in st[-1]:
                if ins == "RUN" and re.search(r"apt-get install.*\s[\w.+-]+-dev(\s|$)", args):
                    problems.append(f"line {line}: runtime stage installs -dev packages")
        report.check(f"{path}: Swift 6 builder and slim runtime on one distribution, static-stdlib release build",
                     problems)

        final = st[-1] if st else []
        users = [args for _, ins, args in final if ins == "USER"]
        user = users[-1].split(":", 1)[0].strip() if users else ""
        report.check(f"{path}: final stage runs as a non-root USER",
                     [] if user and user not in ("root", "0") else [f"USER is {users[-1] if users else 'unset'}"])

        workdirs = [args for _, ins, args in final if ins == "WORKDIR"]
        report.check(f"{path}: WORKDIR /app in the final stage",
                     [] if workdirs and workdirs[-1] == "/app" else [f"WORKDIR {workdirs[-1] if workdirs else 'unset'}"])

        problems = []
        for line, ins, args in inst:
            if ins in ("ENV", "ARG"):
                for key in env_keys(ins, args):
                    if SECRET_NAME.search(key):
                        problems.append(f"line {line}: {ins} {key}")
            if ins in ("COPY", "ADD") and re.search(r"(^|\s)\S*(\.env|id_rsa|\.pem|\.key)(\s|$)", args):
                problems.append(f"line {line}: {ins} copies a secret-looking file")
        report.check(f"{path}: no secret-looking ENV/ARG (PASSWORD, SECRET, TOKEN, ...) or secret files", problems)

        problems = []
        cmds = [exec_form(args) for _, ins, args in final if ins == "CMD"]
        if not cmds or cmds[-1] != ["hospital", sub]:
            problems.append(f"CMD {cmds[-1] if cmds else None}, want {['hospital', sub]}")
        hcs = [args for _, ins, args in final if ins == "HEALTHCHECK"]
        hc_cmd = exec_form(hcs[-1].split("CMD", 1)[1].strip()) if hcs and "CMD" in hcs[-1] else None
        if hc_cmd != ["hospital", "healthcheck", sub]:
            problems.append(f"HEALTHCHECK {hc_cmd}, want {['hospital', 'healthcheck', sub]}")
        report.check(f"{path}: CMD [\"hospital\", \"{sub}\"] and HEALTHCHECK hospital healthcheck {sub}", problems)

        builder_texts[path] = raw_first_stage(text)
        runtime_shapes[path] = [(ins, args) for _, ins, args in final if ins not in ("LABEL", "HEALTHCHECK", "CMD")]

    paths = sorted(builder_texts)
    problems = []
    if any(builder_texts[p] is None for p in paths):
        problems.append("a Dockerfile has no separate builder stage")
    elif len({tuple(builder_texts[p]) for p in paths}) != 1:
        base = builder_texts[paths[0]]
        for p in paths[1:]:
            if builder_texts[p] != base:
                diff = next((i for i, (a, b) in enumerate(zip(base, builder_texts[p])) if a != b),
                            min(len(base), len(builder_texts[p])))
                problems.append(f"{p} differs from {paths[0]} at builder line {diff + 1}")
    report.check("the four builder stages are byte-identical (BuildKit builds once)", problems)

    problems = []
    if len({json.dumps(runtime_shapes[p]) for p in paths}) != 1:
        problems.append("runtime stages differ in more than LABEL/HEALTHCHECK/CMD")
    report.check("the four runtime stages differ only in LABEL, HEALTHCHECK and CMD", problems)

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


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rendered", default=".build-ci/compose.json",
                        help="output of `docker-compose config --format json`")
    parser.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."),
                        help="repository root (default: the parent of ci/)")
    parser.add_argument("--rehearsal-rendered",
                        help="the same for docker-compose.yml with ci/rehearsal/compose.rehearsal.yml")
    args = parser.parse_args()
    root = os.path.realpath(args.root)
    report = Report()
    try:
        with open(args.rendered, encoding="utf-8") as f:
            cfg = json.load(f)
        with open(os.path.join(root, "docker-compose.yml"), encoding="utf-8") as f:
            compose_text = f.read()
    except (OSError, ValueError) as error:
        report.check("rendered Compose config readable", [str(error)])
    else:
        check_compose(report, cfg, root, compose_text)
        if args.rehearsal_rendered:
            try:
                with open(args.rehearsal_rendered, encoding="utf-8") as f:
                    check_rehearsal(report, cfg, json.load(f))
            except (OSError, ValueError) as error:
                report.check("rendered rehearsal config readable", [str(error)])
    check_dockerfiles(report, root)
    print(f"{report.passed} passed, {report.failed} failed")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
