#!/usr/bin/env bash
# Builds a SQLite database holding the demo study with RESPONSES responses (a multiple of 10,000), for benchmarks:
# seed-demo adds 10,000 simulated responses (seed 1), and SQL copies them until there are RESPONSES, with new ids and
# resume codes. seed-demo holds every generated response in memory and writes about 1,000 a second on a quiet machine,
# so copying is the practical way to a large study of the same shape (readers treat copies exactly as originals).
# Usage: bench/make-study-db.sh RESPONSES DATABASE   (does nothing when DATABASE exists)
set -euo pipefail
RESPONSES=$1
DB=$2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
[ -f "$DB" ] && exit 0
command -v sqlite3 > /dev/null || { echo "sqlite3 is needed: apt-get install sqlite3"; exit 1; }
dotnet build "$ROOT/CoproSurvey.App" -c Release -nologo -v q > /dev/null
DLL="$ROOT/CoproSurvey.App/bin/Release/net10.0/CoproSurvey.App.dll"
rm -f "$DB.tmp"
dotnet "$DLL" seed-demo --responses 10000 --seed 1 --database "$DB.tmp" --data "$ROOT/data"
COLUMNS=$(sqlite3 "$DB.tmp" "SELECT group_concat(name, ', ') FROM pragma_table_info('Responses') WHERE name NOT IN ('Id', 'ResumeCode');")
R_COLUMNS=$(sqlite3 "$DB.tmp" "SELECT group_concat('r.' || name, ', ') FROM pragma_table_info('Responses') WHERE name NOT IN ('Id', 'ResumeCode');")
A_COLUMNS=$(sqlite3 "$DB.tmp" "SELECT group_concat(name, ', ') FROM pragma_table_info('Answers') WHERE name NOT IN ('Id', 'ResponseId');")
AA_COLUMNS=$(sqlite3 "$DB.tmp" "SELECT group_concat('a.' || name, ', ') FROM pragma_table_info('Answers') WHERE name NOT IN ('Id', 'ResponseId');")
sqlite3 "$DB.tmp" <<SQL
PRAGMA journal_mode=DELETE;
DROP INDEX IX_Answers_ItemCode_ResponseId_Number;
WITH RECURSIVE copy(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM copy WHERE n < $RESPONSES / 10000 - 1)
INSERT INTO Responses (Id, ResumeCode, $COLUMNS)
SELECT r.Id + copy.n * 10000, printf('X%09d', r.Id + copy.n * 10000), $R_COLUMNS
FROM Responses r, copy WHERE r.Id <= 10000 ORDER BY copy.n, r.Id;
WITH RECURSIVE copy(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM copy WHERE n < $RESPONSES / 10000 - 1)
INSERT INTO Answers (ResponseId, $A_COLUMNS)
SELECT a.ResponseId + copy.n * 10000, $AA_COLUMNS
FROM Answers a, copy WHERE a.ResponseId <= 10000 ORDER BY copy.n, a.ResponseId, a.ItemCode;
WITH RECURSIVE copy(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM copy WHERE n < $RESPONSES / 10000 - 1)
INSERT INTO PageEvents (ResponseId, SectionCode, Kind, At)
SELECT e.ResponseId + copy.n * 10000, e.SectionCode, e.Kind, e.At
FROM PageEvents e, copy WHERE e.ResponseId <= 10000 ORDER BY copy.n, e.ResponseId;
CREATE INDEX IX_Answers_ItemCode_ResponseId_Number ON Answers (ItemCode, ResponseId, Number);
SQL
mv "$DB.tmp" "$DB"
