#!/usr/bin/env python3
"""Did the waiting room let the families in by arrival order? Reads the waits the rush simulation
noted (bench.roomLog, one line per wait: ticket, last instant the family was certainly still waiting
or -1, instant it was certainly in; milliseconds) and counts the inversions: a family told to wait at
an instant when a family with a later ticket was already in. Also the room's share of the families.

usage: room_order.py <room log> [families]
"""
import sys


def main():
    path = sys.argv[1]
    families = int(sys.argv[2]) if len(sys.argv) > 2 else None
    waits = []
    with open(path, encoding="utf-8") as log:
        for line in log:
            parts = line.split()
            if len(parts) == 3:
                waits.append(tuple(int(p) for p in parts))
    if not waits:
        print("waiting room order: no family waited")
        return
    waits.sort()
    tickets = {w[0] for w in waits}
    inversions = 0
    worst = 0
    latest_waiting = -1  # the latest instant a family with a smaller ticket was still waiting
    for ticket, last_waiting, entered in waits:
        if latest_waiting > entered:
            inversions += 1
            worst = max(worst, latest_waiting - entered)
        latest_waiting = max(latest_waiting, last_waiting)
    share = f" = {100.0 * len(tickets) / families:.1f} % of the {families} families" if families else ""
    print(f"waiting room: {len(tickets)} families waited{share} ({len(waits)} waits), tickets "
          f"{waits[0][0]}..{waits[-1][0]}")
    print(f"admission order: {inversions} of {len(waits)} families got in while a family with an earlier "
          f"ticket was still told to wait" + (f" (by up to {worst} ms)" if inversions else " -> in arrival order"))


if __name__ == "__main__":
    main()
