"""Makes every timer job of one BPMN element due now, through /engine-rest (the dunning benchmark's
« the day has come »): lists the jobs of the element page by page (GET /job?activityId=…&timers=true),
then sets each one's due date to now (PUT /job/{id}/duedate), over one kept-alive HTTP connection,
so the job executor takes them all at once. Prints how many jobs were set and in how many seconds.

    python3 benchmarks/due_now.py <base URL> <user:password> <activity id>
"""
import base64
import http.client
import json
import sys
import time
import urllib.parse
from datetime import datetime, timezone


def main():
    base, credentials, activity = sys.argv[1], sys.argv[2], sys.argv[3]
    url = urllib.parse.urlparse(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    headers = {"Authorization": "Basic " + base64.b64encode(credentials.encode()).decode(),
               "Content-Type": "application/json"}

    def call(method, path, body=None):
        connection.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
        response = connection.getresponse()
        data = response.read()
        if response.status >= 300:
            raise SystemExit(f"{method} {path}: {response.status} {data[:300]!r}")
        return json.loads(data) if data else None

    ids = []
    page = 1000
    while True:
        jobs = call("GET", f"/engine-rest/job?activityId={urllib.parse.quote(activity)}&timers=true"
                           f"&sortBy=jobId&sortOrder=asc&firstResult={len(ids)}&maxResults={page}")
        ids.extend(job["id"] for job in jobs)
        if len(jobs) < page:
            break
    started = time.time()
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000+0000")
    for job in ids:
        call("PUT", f"/engine-rest/job/{job}/duedate", {"duedate": now})
    print(f"{len(ids)} {time.time() - started:.1f}")


if __name__ == "__main__":
    main()
