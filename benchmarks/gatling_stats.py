#!/usr/bin/env python3
"""Figures of an opening-rush run: Gatling's statistics table (from its HTML report: the
simulation.log of Gatling 3.15 is binary), the database checks (verify-rush.sql output) and,
when given, the ratio to pgbench's TPS.

usage: gatling_stats.py <gatling results folder> <verify.txt> [--pgbench-tps TPS] [--days 5]
"""
import glob
import html
import os
import re
import sys

COLUMNS = ["total", "ok", "ko", "ko_pct", "rps", "min", "p50", "p75", "p95", "p99", "max", "mean", "std"]


def report_rows(folder):
    reports = sorted(glob.glob(os.path.join(folder, "*", "index.html")))
    if not reports:
        sys.exit(f"no Gatling report under {folder}")
    text = open(reports[-1], encoding="utf-8").read()
    rows = []
    for match in re.finditer(r'<tr id="([^"]+)"(?: data-parent="[^"]*")?>(.*?)</tr>', text, re.S):
        body = match.group(2)
        name = re.search(r'class="ellipsed-name">([^<]*)</span>', body)
        values = re.findall(r'<td class="value [^"]*col-(\d+)">([^<]*)</td>', body)
        if not name or len(values) < len(COLUMNS):
            continue
        row = {"name": html.unescape(name.group(1))}
        for (col, value) in values:
            index = int(col) - 2
            if 0 <= index < len(COLUMNS):
                row[COLUMNS[index]] = value.strip()
        rows.append(row)
    return reports[-1], rows


def number(value):
    try:
        return float(value.replace(",", ""))
    except (ValueError, AttributeError):
        return None


def main():
    args = sys.argv[1:]
    tps = None
    days = 5
    if "--pgbench-tps" in args:
        i = args.index("--pgbench-tps")
        tps = float(args[i + 1])
        del args[i:i + 2]
    if "--days" in args:
        i = args.index("--days")
        days = int(args[i + 1])
        del args[i:i + 2]
    folder = args[0]
    verify = args[1] if len(args) > 1 else None
    report, rows = report_rows(folder)
    print(f"report: {report}")
    print(f"{'request':34} {'count':>6} {'OK':>6} {'KO':>5} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'max ms':>7}")
    for r in rows:
        print(f"{r['name'][:34]:34} {r['total']:>6} {r['ok']:>6} {r['ko']:>5} {r['rps']:>7} {r['p50']:>7} {r['p95']:>7} {r['p99']:>7} {r['max']:>7}")
    timed = [r for r in rows if number(r.get("max")) is not None]
    if timed:
        slowest = max(timed, key=lambda r: number(r["max"]))
        print(f"slowest answer of any request: {slowest['max']} ms ({slowest['name']})")
    if verify is None:
        return

    facts = dict(re.findall(r"\b(\w+)=([\d.]+)", open(verify, encoding="utf-8").read()))
    booked, waiting, total = (int(facts.get(k, 0)) for k in ("booked", "waiting", "total"))
    window = float(facts.get("window_seconds", 0) or 0)
    saves = next((r for r in rows if r["name"] == "enregistrer 5 jours"), None)
    saved_ok = int(number(saves["ok"]) or 0) if saves else 0
    saved_sent = int(number(saves["total"]) or 0) if saves else 0
    # a save held in the waiting room is answered by the room (counted OK above), then saved when the
    # family gets in (« … (après la salle d'attente) »): it counts once, and only if it got in
    held = next((r for r in rows if r["name"] == "enregistrer 5 jours (mise en attente)"), None)
    entered = next((r for r in rows if r["name"] == "enregistrer 5 jours (après la salle d'attente)"), None)
    if held:
        saved_ok += int(number(entered["ok"]) or 0) if entered else 0
        saved_ok -= int(number(held["total"]) or 0)
    room = [r for r in rows if "salle d'attente" in r["name"] or "mise en attente" in r["name"]]
    if room:
        held_total = sum(int(number(r["total"]) or 0) for r in rows if r["name"].endswith("(mise en attente)"))
        entered_ok = sum(int(number(r["ok"]) or 0) for r in rows if r["name"].endswith("(après la salle d'attente)"))
        print(f"waiting room: {held_total} requests sent to the room, {entered_ok} answered once the family got in")
    print(f"database: booked={booked} waiting={waiting} total={total}")
    # a save the client gave up on (timeout) may still have been committed: it is not lost, it is late
    lost = booked + waiting < saved_ok * days or booked + waiting > saved_sent * days
    print(f"nothing lost: {saved_ok} form saves answered OK (of {saved_sent} sent) x {days} days = {saved_ok * days} "
          f"(at most {saved_sent * days}) requested days; booked + waiting = {booked + waiting} "
          f"-> {'MISMATCH' if lost else 'OK'}")
    if window > 0:
        per_second = total / window
        print(f"day bookings written: {total} in {window:.3f} s (first to last requested_at) = {per_second:.1f} day bookings/s"
              f" = {per_second / days:.1f} form saves/s")
        if tps:
            print(f"pgbench: {tps:.1f} tps; day bookings/s as a ratio to pgbench: {per_second / tps:.3f}"
                  f" (target 1000/s = {1000 / tps:.3f})")


if __name__ == "__main__":
    main()
