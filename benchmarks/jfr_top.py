#!/usr/bin/env python3
"""Where the CPU went in a JFR recording of a benchmark: the execution samples, optionally only those
whose stack holds a given frame (e.g. the controller of the request measured), summed by method.

    benchmarks/jfr_top.py <recording.jfr> [--under <text in a frame>] [--top 30] [--prefix fr.portailfamille.]

Prints the share of samples under each method (inclusive: the method or anything it called), for the
methods whose class starts with one of the prefixes, and the share of the top frames (self time) of
any class. Needs `jfr` (the JDK's) on the PATH.
"""
import argparse
import collections
import json
import subprocess
import sys


def frames(event):
    trace = event["values"].get("stackTrace") or {}
    for f in trace.get("frames") or []:
        m = f.get("method") or {}
        yield ((m.get("type") or {}).get("name", "?") + "." + m.get("name", "?")).replace("/", ".")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("recording")
    p.add_argument("--under", action="append", default=[], help="keep samples with a frame containing this text")
    p.add_argument("--top", type=int, default=30)
    p.add_argument("--prefix", action="append", default=None)
    a = p.parse_args()
    prefixes = a.prefix or ["fr.portailfamille.", "org.camunda.", "org.springframework.", "org.hibernate.", "org.postgresql.",
                            "com.zaxxer.", "org.apache.ibatis.", "org.thymeleaf."]
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "256", "--events", "jdk.ExecutionSample", a.recording],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    inclusive = collections.Counter()
    self_time = collections.Counter()
    kept = 0
    for e in events:
        stack = list(frames(e))
        if a.under and not any(u in f for f in stack for u in a.under):
            continue
        kept += 1
        if stack:
            self_time[stack[0]] += 1
        for f in set(stack):
            if any(f.startswith(x) for x in prefixes):
                inclusive[f] += 1
    print(f"{kept} samples of {len(events)}" + (f" under {a.under}" if a.under else ""))
    if not kept:
        return
    print("\n-- inclusive (the method and what it called)")
    for f, n in inclusive.most_common(a.top):
        print(f"{100 * n / kept:6.1f} %  {f}")
    print("\n-- self (top frame)")
    for f, n in self_time.most_common(a.top):
        print(f"{100 * n / kept:6.1f} %  {f}")


if __name__ == "__main__":
    sys.exit(main())
