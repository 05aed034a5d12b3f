#!/usr/bin/env bash
# Whole-process benchmark: `analyze ols --se hc3 --json` against R (data.table::fread + lm + sandwich::vcovHC HC3)
# on the same 200,000 x 21 CSV, each run RUNS times (default 5), interleaved so that both meet the same machine load.
# Measures wall time and peak resident memory with GNU time (Debian package `time`), then checks that the two
# agree on every coefficient and standard error to 1e-8 relative. Run from anywhere: bench/ols-vs-r/run.sh
set -euo pipefail
cd "$(dirname "$0")"
ROOT=../..
RUNS=${RUNS:-5}
command -v Rscript > /dev/null || { echo "Rscript is needed (r-base-core, data.table, sandwich, jsonlite)"; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time is needed: apt-get install time"; exit 1; }
[ -f big.csv ] || python3 gen.py 200000 big.csv
dotnet build "$ROOT/CoproSurvey.App" -c Release -nologo -v q > /dev/null
DLL="$ROOT/CoproSurvey.App/bin/Release/net10.0/CoproSurvey.App.dll"
X=$(seq -s, -f 'x%g' 1 20)
mkdir -p results
for i in $(seq "$RUNS"); do
  /usr/bin/time -v -o "results/dotnet.$i.time" dotnet "$DLL" analyze ols --csv big.csv --y y --x "$X" --se hc3 --json > results/dotnet.json
  /usr/bin/time -v -o "results/r.$i.time" Rscript ols.R big.csv > results/r.json
done
python3 summarize.py results "$RUNS"
