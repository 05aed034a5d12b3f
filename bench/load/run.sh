#!/usr/bin/env bash
# Load figures of docs/benchmarks.md: page posts against the write ceiling of the same host, and 500 respondents
# with 5 s think time. Run from the repository root: bench/load/run.sh [MINUTES]
# Starts a Release build in Development (the only environment that maps /dev/write-ceiling), with the start rate limit
# raised for the run, and prints each run's JSON and the server's CPU time per page post.
# PROVIDER=sqlite (default): a fresh SQLite file. PROVIDER=postgres: a throwaway PostgreSQL cluster of Debian's server
# on loopback, started for the run in a temporary folder and removed after it (no system cluster is touched), with
# PostgreSQL's default durability (fsync and synchronous commit on), as SQLite's is kept.
# ONLY="--respondents 50" runs that one measurement instead of the three; WARMUP_MINUTES sets the warm-up (0.75).
set -euo pipefail
minutes="${1:-1}"
provider="${PROVIDER:-sqlite}"
dotnet build CoproSurvey.App -c Release -v q -nologo > /dev/null
app="$PWD/CoproSurvey.App/bin/Release/net10.0/CoproSurvey.App.dll"
dir="$(mktemp -d)"
port="${PORT:-5795}"
url="http://127.0.0.1:$port"
server=""
pg_stop=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  [ -n "$pg_stop" ] && eval "$pg_stop"
  rm -rf "$dir"
}
trap cleanup EXIT

case "$provider" in
  sqlite)
    export Database__Provider=Sqlite ConnectionStrings__CoproSurvey="Data Source=$dir/load.db"
    ;;
  postgres)
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$pg_bin" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 2; }
    as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
    # A folder of its own: the run's folder is private to this user, and the server runs as postgres when root starts it.
    pg_dir=$(mktemp -d /tmp/coprosurvey-load-postgres.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
    pg_port=55532
    while (exec 3<>"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null; do pg_port=$((pg_port + 1)); done
    as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C > "$pg_dir/initdb.log"
    as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w start \
      -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c max_connections=200" > /dev/null
    pg_stop='as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop > /dev/null; rm -rf "$pg_dir"'
    "$pg_bin/psql" -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres \
      -c "CREATE ROLE coprosurvey_load LOGIN" -c "CREATE DATABASE coprosurvey_load OWNER coprosurvey_load"
    echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (throwaway cluster)"
    export Database__Provider=Postgres ConnectionStrings__CoproSurvey="Host=127.0.0.1;Port=$pg_port;Username=coprosurvey_load;Database=coprosurvey_load"
    ;;
  *)
    echo "PROVIDER is '$provider'; it must be sqlite or postgres" >&2
    exit 2
    ;;
esac

# The content root is the build's folder, where its appsettings files are: from the repository root the app would find
# none and log every request and SQL command at Information, which costs more CPU than the page post itself.
ASPNETCORE_ENVIRONMENT=Development dotnet "$app" --contentRoot "$(dirname "$app")" --urls "$url" \
  RateLimits:respondent-start:PermitLimit=1000000 > "$dir/app.log" 2>&1 &
server=$!
until grep -q "CoproSurvey is running at" "$dir/app.log"; do
  kill -0 "$server" 2>/dev/null || { cat "$dir/app.log" >&2; exit 1; }
  sleep 0.5
done
echo "provider $provider, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
# PostgreSQL's CPU time: the postmaster with its ended children, and the backends still running.
db_ticks() {
  [ "$provider" = postgres ] || { echo 0; return; }
  python3 - "$(head -n 1 "$pg_dir/data/postmaster.pid")" <<'PY'
import glob, sys
pm = sys.argv[1]
def fields(path):
    try:
        with open(path) as f:
            return f.read().rsplit(") ", 1)[1].split()
    except (OSError, IndexError):
        return None  # a backend that ended meanwhile is counted in the postmaster's children's time
own = fields(f"/proc/{pm}/stat")
total = sum(int(x) for x in own[11:15])
for path in glob.glob("/proc/[0-9]*/stat"):
    f = fields(path)
    if f and f[1] == pm:
        total += int(f[11]) + int(f[12])
print(total)
PY
}
measure() {
  local before after db_before db_after json
  before=$(ticks)
  db_before=$(db_ticks)
  json=$(dotnet "$app" loadtest --url "$url" --minutes "$minutes" --json "$@")
  after=$(ticks)
  db_after=$(db_ticks)
  echo "$* -> $json"
  echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  python3 -c "
import json, sys
r = json.loads(sys.argv[1]); posts = max(r['pagePosts'], 1); hz = $(getconf CLK_TCK)
app = (int(sys.argv[3]) - int(sys.argv[2])) * 1000 / hz; db = (int(sys.argv[5]) - int(sys.argv[4])) * 1000 / hz
print(f'   server CPU {app/1000:.1f} s, {app/posts:.1f} ms per post (page views included)')
if sys.argv[6] == 'postgres': print(f'   PostgreSQL CPU {db/1000:.1f} s, {db/posts:.1f} ms per post')
" "$json" "$before" "$after" "$db_before" "$db_after" "$provider"
}

# Warm-up, not reported: first connections, the instrument cache, and the JIT, which keeps compiling the hot path again
# (tiered compilation) for about 30 s of load; shorter warm-ups put seconds of JIT into the first run's CPU per post.
dotnet "$app" loadtest --url "$url" --respondents 50 --minutes "${WARMUP_MINUTES:-0.75}" --json > "$dir/warm-up.json" || { cat "$dir/warm-up.json" "$dir/app.log" | tail -n 30 >&2; exit 1; }
if [ -n "${ONLY:-}" ]; then measure $ONLY; else
measure --respondents 50 --ceiling
measure --respondents 50
measure --respondents 500 --think 5
fi
grep -ci "database is locked" "$dir/app.log" | sed 's/^/"database is locked" in the server log: /' || true
