#!/usr/bin/env python3
"""Where the CPU went in a JFR recording of a benchmark: the execution samples, optionally only those
whose stack holds a given frame (e.g. the controller of the request measured), summed by method.

    benchmarks/jfr_top.py <recording.jfr> [--under <text in a frame>] [--without <text in a frame>] [--top 30]
                          [--prefix fr.portailfamille.]

Prints the share of samples under each method (inclusive: the method or anything it called), for the
methods whose class starts with one of the prefixes, and the share of the top frames (self time) of
any class. Needs `jfr` (the JDK's) on the PATH.
"""
import argparse
import collections
import subprocess
import sys


def samples(lines):
    """Each execution sample's stack (top frame first) from `jfr print`'s text, e.g.
    `    java.lang.String.hashCode() line: 2342` in a `stackTrace = [` … `]` block."""
    stack = None
    for line in lines:
        text = line.strip()
        if text.startswith("stackTrace = ["):
            stack = []
        elif stack is not None:
            if text == "]" or text == "...":
                if text == "]":
                    yield stack
                    stack = None
            else:
                stack.append(text.split("(", 1)[0])


def main():
    p = argparse.ArgumentParser()
    p.add_argument("recording")
    p.add_argument("--under", action="append", default=[], help="keep samples with a frame containing this text")
    p.add_argument("--without", action="append", default=[], help="drop samples with a frame containing this text")
    p.add_argument("--top", type=int, default=30)
    p.add_argument("--prefix", action="append", default=None)
    a = p.parse_args()
    prefixes = a.prefix or ["fr.portailfamille.", "org.camunda.", "org.springframework.", "org.hibernate.", "org.postgresql.",
                            "com.zaxxer.", "org.apache.ibatis.", "org.thymeleaf."]
    # the text form, read as it comes: the JSON form of a long recording does not fit in memory
    proc = subprocess.Popen(["jfr", "print", "--stack-depth", "256", "--events", "jdk.ExecutionSample", a.recording],
                            stdout=subprocess.PIPE, text=True, bufsize=1 << 20)
    inclusive = collections.Counter()
    self_time = collections.Counter()
    kept = total = 0
    for stack in samples(proc.stdout):
        total += 1
        if a.under and not any(u in f for f in stack for u in a.under):
            continue
        if a.without and any(w in f for f in stack for w in a.without):
            continue
        kept += 1
        if stack:
            self_time[stack[0]] += 1
        for f in set(stack):
            if any(f.startswith(x) for x in prefixes):
                inclusive[f] += 1
    if proc.wait() != 0:
        sys.exit("jfr print failed")
    print(f"{kept} samples of {total}" + (f" under {a.under}" if a.under else "")
          + (f" without {a.without}" if a.without else ""))
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
