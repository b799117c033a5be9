#!/usr/bin/env python3
"""Who used the machine's cores during a benchmark: the portal, the load generator, PostgreSQL, the rest.

  benchmarks/cpu_shares.py sample <app pid> <out file>     (every second until the app stops)
  benchmarks/cpu_shares.py report <out file> <from> <to>   (epoch seconds: the window to sum, e.g. the booking phase)

Each sample is one line: the time, the machine's busy and idle ticks (/proc/stat), then each process's
CPU ticks so far (user + system, /proc/<pid>/stat) with its group: « portal » (the app's pid), « postgres »
(PostgreSQL's server and backends), « gatling » (the JVM that runs the simulation, whose command line names
Gatling), « other » (Maven's own JVM, the shell, everything else). The report sums each group's ticks over the
window (a process's ticks count from its first sample in the window, so one that starts or ends inside it
loses at most a second) and prints them as shares of the machine's two cores and of its busy time.
"""
import os
import sys
import time


def ticks_of(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of the whole line)


def group_of(pid, app):
    if pid == app:
        return "portal"
    try:
        with open(f"/proc/{pid}/comm") as f:
            comm = f.read().strip()
        if comm == "postgres":
            return "postgres"
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmdline = f.read()
        if b"io.gatling.app.Gatling" in cmdline or b"GatlingCompilerMain" in cmdline:
            return "gatling"
    except OSError:
        pass
    return "other"


def machine():
    with open("/proc/stat") as f:
        cpu = [int(x) for x in f.readline().split()[1:]]
    idle = cpu[3] + cpu[4]
    return sum(cpu[:8]) - idle, idle


def sample(app, out):
    groups = {}
    with open(out, "w") as f:
        while os.path.exists(f"/proc/{app}"):
            busy, idle = machine()
            parts = [f"{time.time():.3f}", str(busy), str(idle)]
            for name in os.listdir("/proc"):
                if not name.isdigit():
                    continue
                pid = int(name)
                try:
                    if pid not in groups:
                        groups[pid] = group_of(pid, app)
                    parts.append(f"{pid}:{groups[pid]}:{ticks_of(pid)}")
                except OSError:
                    continue
            f.write(" ".join(parts) + "\n")
            f.flush()
            time.sleep(1)


def report(path, start, end):
    rows = []
    with open(path) as f:
        for line in f:
            parts = line.split()
            at, busy, idle = float(parts[0]), int(parts[1]), int(parts[2])
            procs = {}
            for p in parts[3:]:
                pid, group, ticks = p.split(":")
                procs[pid] = (group, int(ticks))
            rows.append((at, busy, idle, procs))
    window = [r for r in rows if start <= r[0] <= end]
    if len(window) < 2:
        sys.exit(f"fewer than two samples between {start} and {end}")
    first, last = window[0], window[-1]
    busy, idle = last[1] - first[1], last[2] - first[2]
    totals = {}
    for earlier, later in zip(window, window[1:]):
        for pid, (group, ticks) in later[3].items():
            before = earlier[3].get(pid)
            if before is not None:
                totals[group] = totals.get(group, 0) + ticks - before[1]
    seconds = last[0] - first[0]
    print(f"CPU over {seconds:.0f} s ({first[0]:.0f}-{last[0]:.0f}): machine busy {100 * busy / (busy + idle):.1f} %")
    for group in ("portal", "gatling", "postgres", "other"):
        t = totals.get(group, 0)
        print(f"  {group:<9} {100 * t / (busy + idle):5.1f} % of the two cores, {100 * t / busy if busy else 0:5.1f} % of the busy time")


if __name__ == "__main__":
    if sys.argv[1] == "sample":
        sample(int(sys.argv[2]), sys.argv[3])
    else:
        report(sys.argv[2], float(sys.argv[3]), float(sys.argv[4]))
