"""Prints how many events the outbox files of a lake imply: a row each (the header aside) for
the transport and transfer CSVs, one for each daily summary, in batch/ and processed/ alike.

    python3 ci/outbox-events.py LAKE

ci/lib.sh counts them once, after the producer published the whole outbox.
"""

import csv
import glob
import os
import sys


def events(lake: str) -> int:
    expected = 0
    for folder in ("batch", "processed"):
        for path in glob.glob(os.path.join(lake, folder, "*")):
            name = os.path.basename(path)
            if name.startswith(("hospital_emergency_transport_", "hospital_transfers_")) and name.endswith(".csv"):
                with open(path, newline="", encoding="utf-8") as f:
                    expected += max(sum(1 for _ in csv.reader(f)) - 1, 0)
            elif name.startswith("daily_summary_") and name.endswith(".json"):
                expected += 1
    return expected


if __name__ == "__main__":
    print(events(sys.argv[1]))
