#!/usr/bin/env python3
"""Packs the brief's hand-in ZIP from a finished run (ci/submission.sh calls it).

  submission.py --lake DIR --check
      exit 2 with one line on stderr unless DIR holds a complete run: scheduler_state.json
      says 2025-03-31 and complete, and .setup_flags/ has the five setup flags;
  submission.py --lake DIR --root REPO --repo-files LIST --tree TREE --out FILE.zip
      the same check, then the ZIP: <service>/Dockerfile from docker/<service>/Dockerfile,
      docker-compose.yml, .setup_flags/, scheduler_state.json, tree.txt (TREE), README.md,
      and every file of LIST (the repository's, one path a line) under configs/ and db/.

Entries are stored in that order with a fixed date (1980-01-01) and mode 0644, so the same
run and repository give the same bytes. Standard library only.
"""

import argparse
import json
import os
import sys
import zipfile

FINAL_DATE = "2025-03-31"
SETUP_FLAGS = ("people_generated", "illnesses_assigned", "staff_generated", "workforce_simulated",
               "schedules_generated")
# The brief's <service>/Dockerfile, each from docker/<service>/Dockerfile.
SERVICES = ("producer", "scheduler", "batch_ingestor", "stream_processor")
REPO_FOLDERS = ("configs/", "db/")
FIXED_DATE = (1980, 1, 1, 0, 0, 0)


def refusal(lake):
    """Why the lake is not a finished run, or None."""
    path = os.path.join(lake, "scheduler_state.json")
    try:
        with open(path, encoding="utf-8") as f:
            state = json.load(f)
    except (OSError, ValueError) as error:
        return f"no readable scheduler_state.json ({getattr(error, 'strerror', None) or error})"
    date, status = state.get("current_sim_date"), state.get("status")
    if (date, status) != (FINAL_DATE, "complete"):
        return f"the run is not complete: scheduler_state.json says {date} {status}, want {FINAL_DATE} complete"
    missing = [name for name in SETUP_FLAGS
               if not os.path.isfile(os.path.join(lake, ".setup_flags", f"{name}.flag"))]
    if missing:
        return "setup flags missing: " + ", ".join(f".setup_flags/{name}.flag" for name in missing)
    return None


def entries(lake, root, repo_files, tree):
    """(name in the ZIP, file on disk), in the ZIP's order."""
    result = [(f"{svc}/Dockerfile", os.path.join(root, "docker", svc, "Dockerfile")) for svc in SERVICES]
    result.append(("docker-compose.yml", os.path.join(root, "docker-compose.yml")))
    flags = os.path.join(lake, ".setup_flags")
    result += [(f".setup_flags/{name}", os.path.join(flags, name)) for name in sorted(os.listdir(flags))]
    result.append(("scheduler_state.json", os.path.join(lake, "scheduler_state.json")))
    result.append(("tree.txt", tree))
    result.append(("README.md", os.path.join(root, "README.md")))
    with open(repo_files, encoding="utf-8") as f:
        listed = sorted(line.strip() for line in f if line.strip().startswith(REPO_FOLDERS))
    result += [(name, os.path.join(root, name)) for name in listed]
    return result


def write_zip(out, members):
    partial = out + ".partial"
    with zipfile.ZipFile(partial, "w") as archive:
        for name, path in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o100644 << 16
            with open(path, "rb") as f:
                archive.writestr(info, f.read())
    os.replace(partial, out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lake", required=True, help="the run's lake (scheduler_state.json, .setup_flags/)")
    parser.add_argument("--check", action="store_true", help="only check that the run is complete")
    parser.add_argument("--root", help="the repository")
    parser.add_argument("--repo-files", help="the repository's files, one path a line")
    parser.add_argument("--tree", help="the tree.txt to pack")
    parser.add_argument("--out", help="the ZIP to write")
    args = parser.parse_args()
    reason = refusal(args.lake)
    if reason:
        print(f"submission: refusing {args.lake}: {reason}", file=sys.stderr)
        return 2
    if args.check:
        return 0
    if not (args.root and args.repo_files and args.tree and args.out):
        parser.error("--root, --repo-files, --tree and --out are needed to pack")
    write_zip(args.out, entries(args.lake, args.root, args.repo_files, args.tree))
    return 0


if __name__ == "__main__":
    sys.exit(main())
