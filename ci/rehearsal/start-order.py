"""Checks, from `docker events`, that every service turned healthy and started only after the
services it depends on (depends_on of the rendered Compose config) were healthy.

    python3 ci/rehearsal/start-order.py COMPOSE_JSON EVENTS_LOG

COMPOSE_JSON is what `docker compose config --format json` printed; EVENTS_LOG has one line per
container event, `<time in ns> <status> <compose service>` (ci/rehearsal/run.sh records it).
Prints when each service turned healthy (from the first start), or the problems and exits 1.
"""

import json
import sys


def first_times(events_path):
    """(service -> first start, service -> first healthy), in nanoseconds."""
    started, healthy = {}, {}
    with open(events_path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 3:
                continue
            time, status, service = int(parts[0]), " ".join(parts[1:-1]), parts[-1]
            if status == "start":
                started.setdefault(service, time)
            elif status == "health_status: healthy":
                healthy.setdefault(service, time)
    return started, healthy


def main(compose_path, events_path):
    with open(compose_path, encoding="utf-8") as f:
        services = json.load(f)["services"]
    started, healthy = first_times(events_path)
    problems = [f"{s} never healthy" for s in sorted(services) if s not in healthy]
    for service, spec in sorted(services.items()):
        for dependency in sorted(spec.get("depends_on") or {}):
            if service in started and dependency in healthy and started[service] < healthy[dependency]:
                problems.append(f"{service} started before {dependency} was healthy")
    if problems:
        print("; ".join(problems))
        return 1
    t0 = min(started.values())
    print(", ".join(f"{s} {(healthy[s] - t0) / 1e9:.0f}s" for s in sorted(services, key=healthy.get)))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
