#!/usr/bin/env python3
# POST flood from one client: python3 flood.py HOST PORT PATH SECONDS CONNECTIONS [COOKIE]; prints the count per status.
import http.client, sys, threading, time, collections
host, port, path, seconds, threads = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4]), int(sys.argv[5])
cookie = sys.argv[6] if len(sys.argv) > 6 else None
counts = collections.Counter(); lock = threading.Lock()
end = time.time() + seconds
def run():
    c = http.client.HTTPConnection(host, port)
    local = collections.Counter()
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "nl-BE,nl;q=0.9"}
    if cookie: headers["Cookie"] = cookie
    while time.time() < end:
        c.request("POST", path, body="consent=yes", headers=headers)
        r = c.getresponse(); r.read(); local[r.status] += 1
    with lock: counts.update(local)
ts = [threading.Thread(target=run) for _ in range(threads)]
[t.start() for t in ts]; [t.join() for t in ts]
print(dict(counts), sum(counts.values()) / seconds, "requests/s")
