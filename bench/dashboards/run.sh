#!/usr/bin/env bash
# Dashboard benchmark: every view of the demo study with RESPONSES responses (default 100,000), timed as the web app
# computes it: the first read of the study into the dashboards' memory, then each view RUNS times (default 10) from
# there, with its median and maximum. The database is built once by ../make-study-db.sh.
# Run from anywhere: bench/dashboards/run.sh   (RESPONSES=20000 for a quick look; VIEW=measurement times only the views
# whose name contains it)
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
RESPONSES=${RESPONSES:-100000}
RUNS=${RUNS:-10}
WORK=${WORK:-/tmp/coprosurvey-dashboard-bench}
mkdir -p "$WORK"
DB="$WORK/study-$RESPONSES.db"
../make-study-db.sh "$RESPONSES" "$DB"
dotnet run -c Release --project "$ROOT/bench/CoproSurvey.Benchmarks" -- dashboards "$DB" coproduction "$RUNS" "${VIEW:-}"
