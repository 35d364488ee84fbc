#!/usr/bin/env python3
"""Runs a command and reports where the CPU went while it ran: seconds per `hospital`
subcommand and per PostgreSQL process group, as a markdown table (ci/bench.sh prints it
under the section it measures).

    python3 ci/cpu-breakdown.py [--table FILE] [--root PID ...] [--interval S] -- COMMAND...

Counted: the `hospital` and `postgres` processes below the command, and below each --root
(a postmaster started before the command, say). This process makes itself a child
subreaper, so a daemon the command starts (pg_ctl's postmaster) stays below it.
/proc is read every --interval seconds (default 1); each process counts once, by its last
sample, as utime + stime (fields 14 and 15 of /proc/PID/stat), less what it had already
used at the first sample if it was running then. A process that starts and ends between
two samples is missed, and one that ends loses up to an interval: the postmaster's cutime +
cstime (its reaped children) is printed beside the backends that ended, as a cross-check.
Exits with the command's status.
"""

import argparse
import ctypes
import os
import signal
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36
TICKS = os.sysconf("SC_CLK_TCK")
# PostgreSQL's own processes, by the start of their title; anything else titled
# `postgres: ...` is a backend, `postgres: USER DATABASE HOST ...`.
AUXILIARY = (
    "checkpointer",
    "background writer",
    "walwriter",
    "autovacuum launcher",
    "autovacuum worker",
    "logical replication launcher",
    "logical replication worker",
    "parallel worker",
    "startup",
    "archiver",
    "logger",
    "stats collector",
    "walsender",
    "walreceiver",
)


def read_stat(pid: int) -> tuple[int, int, int, int] | None:
    """(parent, start time, own ticks, reaped children's ticks), or None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            text = f.read()
    except OSError:
        return None
    # The name (field 2) may hold spaces and parentheses; the fields after it are plain.
    fields = text[text.rindex(")") + 2 :].split()
    return int(fields[1]), int(fields[19]), int(fields[11]) + int(fields[12]), int(fields[13]) + int(fields[14])


def label(pid: int) -> str | None:
    """The group a process is counted in, or None for a process that is neither."""
    try:
        with open(f"/proc/{pid}/comm") as f:
            comm = f.read().strip()
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            argv = [a.decode(errors="replace") for a in f.read().split(b"\0") if a]
    except OSError:
        return None
    # By the program's name, not comm: a copy of the binary (HOSPITAL_BIN=/tmp/hospital-new)
    # has another comm, and the comm of a thread-named process may differ too.
    if argv and os.path.basename(argv[0]).startswith("hospital") and comm not in ("bash", "sh"):
        return "hospital " + (argv[1] if len(argv) > 1 else "")
    if comm != "postgres" and not comm.startswith("postgres"):
        return None
    title = " ".join(argv)
    # initdb runs postgres itself to create the cluster, before any postmaster exists.
    if "--boot" in argv or "--single" in argv:
        return "postgres: initdb"
    if not title.startswith("postgres: "):
        return "postgres: postmaster"
    rest = title[len("postgres: ") :].strip()
    for name in AUXILIARY:
        if rest.startswith(name):
            return "postgres: " + name
    words = rest.split()
    return "postgres: backend " + " ".join(words[:2])


class Process:
    def __init__(self, name: str, first: int, cold: bool) -> None:
        self.name = name
        self.first = first if cold else 0
        self.last = first
        self.alive = True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--table", help="write the table here (default: stderr)")
    parser.add_argument("--root", type=int, action="append", default=[], help="count processes below this one too")
    parser.add_argument("--interval", type=float, default=1.0)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command")

    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    started = time.monotonic()
    child = subprocess.Popen(command)
    # The command's own signals reach it; this process only watches.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    roots = {child.pid, *args.root, os.getpid()}
    seen: dict[tuple[int, int], Process] = {}
    postmasters: dict[int, tuple[int, int]] = {}  # pid -> (reaped ticks at first sample, latest)
    status = None
    first_sample = True
    while True:
        # Reap whatever ended below us: the command, and the daemons we adopted.
        while True:
            try:
                pid, code = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
            if pid == child.pid:
                status = os.waitstatus_to_exitcode(code)
        stats = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit() and (stat := read_stat(int(entry))) is not None:
                stats[int(entry)] = stat
        below = set(roots)
        changed = True
        while changed:
            changed = False
            for pid, (parent, *_rest) in stats.items():
                if pid not in below and parent in below:
                    below.add(pid)
                    changed = True
        for key in seen:
            seen[key].alive = False
        for pid in below:
            if pid not in stats or pid == os.getpid():
                continue
            _, start, ticks, reaped = stats[pid]
            name = label(pid)
            if name is None:
                continue
            process = seen.get((pid, start))
            if process is None:
                process = seen[(pid, start)] = Process(name, ticks, first_sample)
            process.last, process.alive = ticks, True
            if name == "postgres: postmaster":
                postmasters[pid] = (postmasters.get(pid, (reaped, reaped))[0], reaped)
        first_sample = False
        if status is not None:
            break
        time.sleep(args.interval)
    wall = time.monotonic() - started

    groups: dict[str, list[float]] = {}
    for process in seen.values():
        group = groups.setdefault(process.name, [0, 0.0])
        group[0] += 1
        group[1] += (process.last - process.first) / TICKS
    total = sum(seconds for _, seconds in groups.values())
    lines = [f"| process ({wall:.0f} s wall, sampled every {args.interval:g} s) | processes | CPU s | share |", "|---|---|---|---|"]
    for name, (count, seconds) in sorted(groups.items(), key=lambda item: -item[1][1]):
        lines.append(f"| {name} | {count} | {seconds:.1f} | {100 * seconds / total if total else 0:.0f} % |")
    lines.append(f"| **total** | {sum(count for count, _ in groups.values())} | **{total:.1f}** | 100 % |")
    ended = sum((p.last - p.first) / TICKS for p in seen.values() if not p.alive and p.name.startswith("postgres: "))
    reaped = sum((latest - first) / TICKS for first, latest in postmasters.values())
    lines.append("")
    lines.append(f"cross-check: PostgreSQL processes that ended used {ended:.1f} s by their last samples; "
                 f"the postmaster reaped {reaped:.1f} s of children's CPU in the same time")
    table = "\n".join(lines) + "\n"
    if args.table:
        with open(args.table, "w") as f:
            f.write(table)
    else:
        sys.stderr.write(table)
    # A command killed by a signal exits as a shell reports it.
    return 1 if status is None else (status if status >= 0 else 128 - status)


if __name__ == "__main__":
    sys.exit(main())
