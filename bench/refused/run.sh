#!/usr/bin/env bash
# CPU time of a refused request: a flood of start posts from one client, every one past the per-client limit (30 a
# minute) answered 429 with its page in the respondent's language. Starts a Release build in Production on a fresh
# SQLite file, floods for 10 s to warm up, then for SECONDS_RUN (default 20) with 4 connections, and prints the
# server's CPU time per request (from /proc/PID/stat). Run from the repository root: bench/refused/run.sh
set -euo pipefail
dotnet build CoproSurvey.App -c Release -v q -nologo > /dev/null
app="$PWD/CoproSurvey.App/bin/Release/net10.0/CoproSurvey.App.dll"
dir="$(mktemp -d)"
port="${PORT:-5801}"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT
export Database__Provider=Sqlite ConnectionStrings__CoproSurvey="Data Source=$dir/refused.db"
ASPNETCORE_ENVIRONMENT=Production dotnet "$app" --contentRoot "$(dirname "$app")" --urls "http://127.0.0.1:$port" > "$dir/app.log" 2>&1 &
server=$!
until grep -q "CoproSurvey is running at" "$dir/app.log" 2>/dev/null; do
  kill -0 "$server" 2>/dev/null || { cat "$dir/app.log" >&2; exit 1; }
  sleep 0.5
done
path=/s/coproduction/citizen
python3 bench/refused/flood.py 127.0.0.1 "$port" "$path" 10 4 > /dev/null
before=$(awk '{print $14 + $15}' "/proc/$server/stat")
python3 bench/refused/flood.py 127.0.0.1 "$port" "$path" "${SECONDS_RUN:-20}" 4 | tee "$dir/flood.txt"
after=$(awk '{print $14 + $15}' "/proc/$server/stat")
python3 - "$dir/flood.txt" "$before" "$after" "$(getconf CLK_TCK)" <<'PY'
import ast, sys
counts = ast.literal_eval(open(sys.argv[1]).read().split("}")[0] + "}")
n = sum(counts.values()); cpu = (int(sys.argv[3]) - int(sys.argv[2])) / int(sys.argv[4])
print(f"server CPU {cpu:.1f} s for {n} requests: {cpu / n * 1e6:.0f} us per request")
PY
