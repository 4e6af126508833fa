#!/usr/bin/env bash
# Benchmark: playlist answers under hostile JSON. `sretv serve --demo` (release build) airs the demo
# channel; the playlist is polled every 50 ms for a while alone, then for as long again while several
# clients post hostile bodies without pause: deeply nested JSON (1 KB and 16 KB) and the heaviest
# document the limits let through (nested 63 deep, 250 000 values) to the rundown validate route,
# and 31-day guides (/epg.xml). Prints the median and worst playlist answer of both runs side by side,
# their ratio, the worst against its target (100 ms), and what the hostile requests were answered.
# Figures only: it exits 0 whether or not the target is met.
# Usage: Benchmarks/hostile-json.sh [seconds per run] [hostile clients]   (default 20 and 4)
# Builds a release sretv first, unless $SRETV_BINARY names one to use.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
seconds=${1:-20}
clients=${2:-4}
channel=sretv-demo

source Benchmarks/demo-server.sh
scripts/install-deps run >/dev/null
use_release_sretv

work=$(mktemp -d)
cleanup() {
  stop_demo_server
  rm -rf "$work"
}
trap cleanup EXIT
port=$(free_port)
base=http://127.0.0.1:$port
start_demo_server "$port"

python3 - "$base" "$channel" "$token" "$seconds" "$clients" <<'PY'
import collections, datetime, multiprocessing, statistics, sys, time, urllib.error, urllib.request
base, channel, token, seconds, clients = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), int(sys.argv[5])
auth = {"Authorization": "Bearer " + token}
target = 0.100

def get(path):
    return urllib.request.urlopen(urllib.request.Request(base + path, headers=auth), timeout=120).read()

deadline = time.time() + 120
while True:  # on air once the playlist lists a segment
    try:
        get(f"/hls/{channel}/index.m3u8")
        break
    except urllib.error.HTTPError as error:
        if error.code != 404 or time.time() > deadline:
            raise
        time.sleep(0.2)

def poll(duration):
    """Playlist answer times, one request every 50 ms for `duration` seconds."""
    times, end = [], time.monotonic() + duration
    while time.monotonic() < end:
        started = time.monotonic()
        get(f"/hls/{channel}/index.m3u8")
        times.append(time.monotonic() - started)
        time.sleep(0.05)
    return times

today = datetime.date.today()
validate = f"/api/channels/{channel}/rundowns/{today.isoformat()}/validate"
subtree = "[" * 63 + "]" * 63
hostile = [
    ("POST", validate, ("[" * 500 + "]" * 500).encode()),                                     # 1 KB, 500 deep
    ("POST", validate, ("[" * 8000 + "]" * 8000).encode()),                                   # 16 KB, 8000 deep
    ("POST", validate, ('{"a":' * 4000 + "1" + "}" * 4000).encode()),                         # 20 KB of objects
    ("POST", validate, ("[" + ",".join([subtree] * 3900) + "]").encode()),                    # within the limits: 246 000 values
    ("GET", f"/epg.xml?from={(today - datetime.timedelta(days=1)).isoformat()}&to={(today + datetime.timedelta(days=29)).isoformat()}", None),  # 31 days
]

def attack(offset, stop, results):
    """One hostile client (a process of its own, so the poller never waits for it): its answers by route and status."""
    answers, n = collections.Counter(), offset
    while not stop.is_set():
        method, path, body = hostile[n % len(hostile)]
        n += 1
        route = path.split("?")[0].rsplit("/", 1)[-1]
        request = urllib.request.Request(base + path, data=body, method=method, headers={**auth, "Content-Type": "application/json"})
        try:
            urllib.request.urlopen(request, timeout=120).read()
            answers[(route, 200)] += 1
        except urllib.error.HTTPError as error:
            answers[(route, error.code)] += 1
    results.put(answers)

print(f"playlist alone for {seconds:.0f} s...")
calm = poll(seconds)
stop, results = multiprocessing.Event(), multiprocessing.Queue()
attackers = [multiprocessing.Process(target=attack, args=(i, stop, results)) for i in range(clients)]
for attacker in attackers:
    attacker.start()
print(f"playlist for {seconds:.0f} s while {clients} clients post hostile bodies...")
loaded = poll(seconds)
stop.set()
answers = sum((results.get() for _ in attackers), collections.Counter())
for attacker in attackers:
    attacker.join()

ms = lambda t: f"{t * 1000:8.1f} ms"
print(f"{'playlist answer':<16}{'alone':>12}{'under load':>14}{'ratio':>8}")
for name, pick in [("median", statistics.median), ("worst", max)]:
    print(f"{name:<16}{ms(pick(calm)):>12}{ms(pick(loaded)):>14}{pick(loaded) / pick(calm):>8.1f}")
print(f"requests: {len(calm)} alone, {len(loaded)} under load")
print("hostile requests answered: " + ", ".join(f"{route} {status}: {count}" for (route, status), count in sorted(answers.items())))
print(f"target: worst playlist answer under load <= {target * 1000:.0f} ms; worst/target = {max(loaded) / target:.2f}"
      f" ({'met' if max(loaded) <= target else 'missed'})")
PY
