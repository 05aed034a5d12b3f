#!/usr/bin/env bash
# Page posts in a large study against the same in a new one: the cost of a respondent's request must not grow with the
# number of responses. Run from the repository root: bench/large-study/run.sh [RESPONSES] (default 200000).
# Builds the study with bench/make-study-db.sh (kept in /tmp/coprosurvey-export-bench, shared with the export benchmark),
# then for each of a copy of it and a new database: starts a Release build in Development, 5 respondents without think
# time for 15 s of warm-up and 30 s measured, and prints the run's JSON and the server's CPU time per page post.
set -euo pipefail
responses="${1:-200000}"
big="/tmp/coprosurvey-export-bench/export-$responses.db"
mkdir -p "$(dirname "$big")"
bench/make-study-db.sh "$responses" "$big"
dotnet build CoproSurvey.App -c Release -v q -nologo > /dev/null
app="$PWD/CoproSurvey.App/bin/Release/net10.0/CoproSurvey.App.dll"
dir="$(mktemp -d)"
port="${PORT:-5799}"
url="http://127.0.0.1:$port"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT

run() {
  local label=$1 db=$2 before after
  Database__Provider=Sqlite ConnectionStrings__CoproSurvey="Data Source=$db" ASPNETCORE_ENVIRONMENT=Development \
    dotnet "$app" --contentRoot "$(dirname "$app")" --urls "$url" RateLimits:respondent-start:PermitLimit=1000000 > "$dir/$label.log" 2>&1 &
  server=$!
  until grep -q "CoproSurvey is running at" "$dir/$label.log" 2>/dev/null; do
    kill -0 "$server" 2>/dev/null || { cat "$dir/$label.log" >&2; exit 1; }
    sleep 0.5
  done
  dotnet "$app" loadtest --url "$url" --respondents 5 --minutes 0.25 --json > /dev/null
  before=$(awk '{print $14 + $15}' "/proc/$server/stat")
  dotnet "$app" loadtest --url "$url" --respondents 5 --minutes 0.5 --json > "$dir/run.json"
  after=$(awk '{print $14 + $15}' "/proc/$server/stat")
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  python3 -c "
import json, sys
r = json.load(open(sys.argv[1])); ms = (int(sys.argv[3]) - int(sys.argv[2])) * 1000 / $(getconf CLK_TCK)
print(f'{sys.argv[4]}: {json.dumps(r)}'); print(f'   server CPU {ms / max(r[\"pagePosts\"], 1):.1f} ms per page post')
" "$dir/run.json" "$before" "$after" "$label"
}

cp "$big" "$dir/large.db"
run "$responses-responses" "$dir/large.db"
rm -f "$dir"/large.db*
run "new-study" "$dir/new.db"
