#!/usr/bin/env python3
"""Logs seeded families in through the real login form, for the wrk page benchmark.

  benchmarks/login_families.py <base url> <families csv> <password> <count> <month> <out file>

For each of the first <count> families of the CSV written by seed-rush.sql (username, child1, child2,
activity): GET /connexion (its CSRF token), POST the form, check that the page reached offers
« Se déconnecter », then GET the month's edit page and keep the token of its form. Writes one line per
family, tab-separated: the Cookie header, the form's CSRF token, the child, the activity, the second child.
Two families log in at a time (the portal checks one password per core at once). Only the loopback is allowed.
"""
import csv
import concurrent.futures
import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request

base, families_csv, password, count, month, out = sys.argv[1:7]
host = urllib.parse.urlparse(base).hostname
if host not in ("127.0.0.1", "localhost", "::1"):
    sys.exit("the benchmark talks to the loopback only, not " + host)

TOKEN = re.compile(r'name="_csrf"\s+value="([^"]+)"')


def token(html, after=None):
    if after is not None:
        html = html[html.index(after):]
    match = TOKEN.search(html)
    if not match:
        raise RuntimeError("no CSRF token on the page")
    return match.group(1)


with open(families_csv) as f:
    rows = list(csv.DictReader(f))[: int(count)]


def log_in(row):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(base + "/connexion").read().decode()
    form = urllib.parse.urlencode({"_csrf": token(page), "username": row["username"], "password": password}).encode()
    landed = opener.open(base + "/connexion", data=form).read().decode()
    if 'action="/deconnexion"' not in landed:
        raise RuntimeError(row["username"] + " could not log in")
    query = urllib.parse.urlencode({"enfant": row["child1"], "activite": row["activity"], "mois": month})
    edit = opener.open(base + "/planning/modifier?" + query).read().decode()
    cookie = "; ".join(c.name + "=" + c.value for c in jar)
    return "\t".join([cookie, token(edit, 'id="planning-form"'), row["child1"], row["activity"], row["child2"]])


with concurrent.futures.ThreadPoolExecutor(2) as pool:
    lines = list(pool.map(log_in, rows))
with open(out, "w") as f:
    f.write("\n".join(lines) + "\n")
print(f"{len(lines)} families logged in")
