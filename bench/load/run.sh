#!/usr/bin/env bash
# Load figures of docs/benchmarks.md: page posts against the write ceiling of the same host, and 500 respondents
# with 5 s think time. Run from the repository root: bench/load/run.sh [MINUTES]
# Starts a Release build on a fresh SQLite file in Development (the only environment that maps /dev/write-ceiling),
# with the start rate limit raised for the run, and prints each run's JSON and the server's CPU time per page post.
set -euo pipefail
minutes="${1:-1}"
dotnet build CoproSurvey.App -c Release -v q -nologo > /dev/null
app="$PWD/CoproSurvey.App/bin/Release/net10.0/CoproSurvey.App.dll"
dir="$(mktemp -d)"
port="${PORT:-5795}"
url="http://127.0.0.1:$port"
ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__CoproSurvey="Data Source=$dir/load.db" \
  dotnet "$app" --urls "$url" RateLimits:respondent-start:PermitLimit=1000000 > "$dir/app.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; rm -rf "$dir"' EXIT
until grep -q "CoproSurvey is running at" "$dir/app.log"; do sleep 0.5; done

ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
measure() {
  local before after json
  before=$(ticks)
  json=$(dotnet "$app" loadtest --url "$url" --minutes "$minutes" --json "$@")
  after=$(ticks)
  echo "$* -> $json"
  python3 -c "import json,sys; r=json.loads(sys.argv[1]); t=(int(sys.argv[3])-int(sys.argv[2]))*1000/$(getconf CLK_TCK); print(f'   server CPU {t/1000:.1f} s, {t/max(r[\"pagePosts\"],1):.1f} ms per post (page views included)')" "$json" "$before" "$after"
}

# Warm-up (JIT, first connections, instrument cache), not reported.
dotnet "$app" loadtest --url "$url" --respondents 10 --minutes 0.2 --json > /dev/null
measure --respondents 50 --ceiling
measure --respondents 50
measure --respondents 500 --think 5
grep -ci "database is locked" "$dir/app.log" | sed 's/^/"database is locked" in the server log: /' || true
