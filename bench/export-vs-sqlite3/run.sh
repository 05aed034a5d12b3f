#!/usr/bin/env bash
# Export benchmark: `export` of the demo study against `sqlite3` dumping the Answers table of the same database to CSV.
# Builds the database once: seed-demo adds 10,000 simulated responses (seed 1), and SQL copies them until there are
# RESPONSES (default 200,000, a multiple of 10,000) with new ids and resume codes; seed-demo itself holds every
# generated response in memory and writes about 1,000 a second on a quiet machine, so copying is the practical way to
# a large study of the same shape (the export reads copies exactly as it reads originals). Then it runs each side RUNS times (default 3), interleaved so that both meet the same machine load, under GNU time -v
# (Debian package `time`), and prints median wall time, CPU time and maximum peak RSS.
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
if [ ! -f "$DB" ]; then
  rm -f "$DB.tmp"
  dotnet "$DLL" seed-demo --responses 10000 --seed 1 --database "$DB.tmp" --data "$ROOT/data"
  sqlite3 "$DB.tmp" <<SQL
PRAGMA journal_mode=DELETE;
DROP INDEX IX_Answers_ItemCode_ResponseId_Number;
WITH RECURSIVE copy(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM copy WHERE n < $RESPONSES / 10000 - 1)
INSERT INTO Responses (Id, StudyId, InstrumentVersionId, InstrumentSha256, Audience, ResumeCode, Country, PolicyField,
                       ServiceUnit, Language, StartedAt, CompletedAt, LastPage, IsSimulated, ConsentVersion)
SELECT r.Id + copy.n * 10000, r.StudyId, r.InstrumentVersionId, r.InstrumentSha256, r.Audience,
       printf('X%09d', r.Id + copy.n * 10000), r.Country, r.PolicyField, r.ServiceUnit, r.Language, r.StartedAt,
       r.CompletedAt, r.LastPage, r.IsSimulated, r.ConsentVersion
FROM Responses r, copy WHERE r.Id <= 10000 ORDER BY copy.n, r.Id;
WITH RECURSIVE copy(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM copy WHERE n < $RESPONSES / 10000 - 1)
INSERT INTO Answers (ResponseId, ItemCode, Value, DontKnow, AnsweredAt, Number)
SELECT a.ResponseId + copy.n * 10000, a.ItemCode, a.Value, a.DontKnow, a.AnsweredAt, a.Number
FROM Answers a, copy WHERE a.ResponseId <= 10000 ORDER BY copy.n, a.ResponseId, a.ItemCode;
CREATE INDEX IX_Answers_ItemCode_ResponseId_Number ON Answers (ItemCode, ResponseId, Number);
SQL
  mv "$DB.tmp" "$DB"
fi
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
