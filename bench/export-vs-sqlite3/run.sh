#!/usr/bin/env bash
# Export benchmark: `export` of the demo study against `sqlite3` dumping the Answers table of the same database to CSV.
# Builds the database once with ../make-study-db.sh (RESPONSES, default 200,000: copies of 10,000 demo responses).
# Then it runs each side RUNS times (default 3), interleaved so that both meet the same machine load, under GNU
# time -v (Debian package `time`), and prints median wall time, CPU time and maximum peak RSS.
# Run from anywhere: bench/export-vs-sqlite3/run.sh   (RESPONSES=20000 RUNS=1 for a quick look)
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
RESPONSES=${RESPONSES:-200000}
RUNS=${RUNS:-3}
WORK=${WORK:-/tmp/coprosurvey-export-bench}
[ -x /usr/bin/time ] || { echo "GNU time is needed: apt-get install time"; exit 1; }
command -v sqlite3 > /dev/null || { echo "sqlite3 is needed: apt-get install sqlite3"; exit 1; }
dotnet build "$ROOT/CoproSurvey.App" -c Release -nologo -v q > /dev/null
DLL="$ROOT/CoproSurvey.App/bin/Release/net10.0/CoproSurvey.App.dll"
mkdir -p "$WORK" results
DB="$WORK/export-$RESPONSES.db"
../make-study-db.sh "$RESPONSES" "$DB"
echo "database: $DB ($(du -m "$DB" | cut -f1) MB, $(sqlite3 "$DB" 'SELECT count(*) FROM Responses') responses, $(sqlite3 "$DB" 'SELECT count(*) FROM Answers') answers)"
cat "$DB" > /dev/null   # both sides start from a warm page cache
for i in $(seq "$RUNS"); do
  rm -f "$WORK/answers.csv"
  /usr/bin/time -v -o "results/sqlite3.$i.time" sqlite3 -header -csv "$DB" 'SELECT * FROM Answers;' > "$WORK/answers.csv"
  rm -rf "$WORK/bundle"
  /usr/bin/time -v -o "results/export.$i.time" dotnet "$DLL" export --study coproduction --out "$WORK/bundle" --database "$DB" --data "$ROOT/data" > results/export.out
done
ls -l "$WORK/answers.csv" "$WORK/bundle" > results/sizes.txt
python3 summarize.py results "$RUNS"
