#!/usr/bin/env python3
"""The benchmarks' dates, derived from today as a town's opening would choose them.

  benchmarks/dates.py open-month    -> "YYYY-MM d1,d2,d3,d4,d5": the first month after the current one
                                       with five days « Centre de loisirs » runs (Wednesdays and zone B
                                       school holidays, Monday to Friday, no public holiday) whose
                                       booking cut-off (2 working days before, noon, Paris) is at least
                                       a day away: the month families book at the opening
  benchmarks/dates.py ended-month   -> "YYYY-MM": the month just ended (what a billing run bills)

The school holidays are read from the portal's own file (src/main/resources/calendar/vacances-zone-b.csv);
the public holidays are France's (fixed days, Easter Monday, Ascension, Whit Monday). BENCH_TODAY=YYYY-MM-DD
pretends another day (to check the choice).
"""
import csv
import datetime as dt
import os
import sys
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HOLIDAYS_FILE = os.path.join(ROOT, "src/main/resources/calendar/vacances-zone-b.csv")
CUTOFF_WORKING_DAYS = 2
CUTOFF_TIME = dt.time(12, 0)
MARGIN = dt.timedelta(days=1)


def easter(year):
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def public_holiday(day):
    fixed = {(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)}
    e = easter(day.year)
    moving = {e + dt.timedelta(days=1), e + dt.timedelta(days=39), e + dt.timedelta(days=50)}
    return (day.month, day.day) in fixed or day in moving


def school_holidays():
    periods = []
    with open(HOLIDAYS_FILE, encoding="utf-8") as f:
        for row in csv.reader((line for line in f if not line.startswith("#")), delimiter=";"):
            if len(row) == 4:
                try:
                    periods.append((dt.date.fromisoformat(row[2]), dt.date.fromisoformat(row[3])))
                except ValueError:
                    pass
    return periods


def working_day(day):
    return day.weekday() < 5 and not public_holiday(day)


def cut_off(day):
    d, n = day, 0
    while n < CUTOFF_WORKING_DAYS:
        d -= dt.timedelta(days=1)
        if working_day(d):
            n += 1
    return dt.datetime.combine(d, CUTOFF_TIME, PARIS)


def open_days(year, month, holidays):
    day = dt.date(year, month, 1)
    while day.month == month:
        if working_day(day) and (day.weekday() == 2 or any(a <= day < b for a, b in holidays)):
            yield day
        day += dt.timedelta(days=1)


def next_month(year, month):
    return (year + 1, 1) if month == 12 else (year, month + 1)


def main():
    today = dt.date.fromisoformat(os.environ["BENCH_TODAY"]) if os.environ.get("BENCH_TODAY") else dt.datetime.now(PARIS).date()
    now = dt.datetime.combine(today, dt.datetime.now(PARIS).time(), PARIS)
    what = sys.argv[1] if len(sys.argv) > 1 else "open-month"
    if what == "ended-month":
        year, month = (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)
        print(f"{year:04d}-{month:02d}")
        return
    holidays = school_holidays()
    year, month = next_month(today.year, today.month)
    for _ in range(24):
        days = [d for d in open_days(year, month, holidays) if cut_off(d) > now + MARGIN][:5]
        if len(days) == 5:
            print(f"{year:04d}-{month:02d} " + ",".join(d.isoformat() for d in days))
            return
        year, month = next_month(year, month)
    sys.exit("no month with five open days in the next two years: is the school-holiday file up to date?")


if __name__ == "__main__":
    main()
