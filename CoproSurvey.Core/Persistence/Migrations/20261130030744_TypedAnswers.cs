using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoproSurvey.Core.Persistence.Migrations
{
    /// <summary>
    /// Answers stored by type (multiple choice as a JSON array, a numeric value in <c>Number</c>) and every
    /// DateTimeOffset column as UTC text that SQLite orders; existing rows are converted in place, none is lost.
    /// </summary>
    public partial class TypedAnswers : Migration
    {
        /// <summary>Every DateTimeOffset column of the model, converted by <see cref="UtcDateTimeOffsetConverter"/> from now on.</summary>
        private static readonly (string Table, string Column)[] TimeColumns =
        [
            ("Researchers", "CreatedAt"), ("Researchers", "LockoutEnd"),
            ("SetupTokens", "CreatedAt"), ("SetupTokens", "ExpiresAt"), ("SetupTokens", "UsedAt"),
            ("StudyMemberships", "AddedAt"),
            ("AuditEvents", "At"),
            ("Answers", "AnsweredAt"),
            ("ConsentDeclines", "At"),
            ("PageEvents", "At"),
            ("Responses", "StartedAt"), ("Responses", "CompletedAt"),
            ("ResponseAccessTokens", "CreatedAt"),
            ("InstrumentVersions", "LoadedAt"),
        ];

        /// <summary>
        /// The question type of every non-empty answer (temp table <c>ef_AnswerTypes</c>), from the canonical JSON of the
        /// instrument version its response was given: how a stored answer is read depends on its question, never on
        /// what its text looks like.
        /// </summary>
        private const string CreateAnswerTypes = """
            CREATE TEMP TABLE "ef_ItemTypes" AS
            SELECT v."Id" AS "VersionId", json_extract(q.value, '$.code') AS "ItemCode", json_extract(q.value, '$.type') AS "Type"
            FROM "InstrumentVersions" v, json_each(v."CanonicalJson", '$.sections') s, json_each(s.value, '$.questions') q
            WHERE json_extract(q.value, '$.type') <> 'likertMatrix'
            UNION ALL
            SELECT v."Id", json_extract(r.value, '$.code'), 'likertMatrix'
            FROM "InstrumentVersions" v, json_each(v."CanonicalJson", '$.sections') s, json_each(s.value, '$.questions') q,
                 json_each(q.value, '$.rows') r
            WHERE json_extract(q.value, '$.type') = 'likertMatrix';
            CREATE TEMP TABLE "ef_AnswerTypes" AS
            SELECT a."Id" AS "AnswerId", t."Type" AS "Type"
            FROM "Answers" a
            JOIN "Responses" r ON r."Id" = a."ResponseId"
            JOIN "ef_ItemTypes" t ON t."VersionId" = r."InstrumentVersionId" AND t."ItemCode" = a."ItemCode"
            WHERE a."DontKnow" = 0 AND a."Value" IS NOT NULL;
            DROP TABLE "ef_ItemTypes";
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "Number",
                table: "Answers",
                type: "REAL",
                nullable: true);

            // The type of every item of every stored instrument version, read from its canonical JSON: how an old
            // answer is to be read depends on its question, never on what its text looks like.
            migrationBuilder.Sql(CreateAnswerTypes);

            // Multiple choice was "a;b" (option codes could not contain ';'); it becomes the JSON array ["a","b"].
            migrationBuilder.Sql("""
                UPDATE "Answers"
                SET "Value" = CASE WHEN "Value" = '' THEN '[]'
                    ELSE '["' || replace(replace(replace("Value", '\', '\\'), '"', '\"'), ';', '","') || '"]' END
                WHERE "Id" IN (SELECT "AnswerId" FROM "ef_AnswerTypes" WHERE "Type" = 'multipleChoice');
                """);

            // Points and numbers as REAL; a single choice only when its code is a number as the platform reads one
            // (an optional sign, digits, at most one decimal point).
            migrationBuilder.Sql("""
                UPDATE "Answers"
                SET "Number" = CAST("Value" AS REAL)
                WHERE "Id" IN (SELECT "AnswerId" FROM "ef_AnswerTypes" WHERE "Type" IN ('likert', 'likertMatrix', 'numeric'));
                """);
            migrationBuilder.Sql("""
                UPDATE "Answers"
                SET "Number" = CAST("Value" AS REAL)
                WHERE "Id" IN (SELECT "AnswerId" FROM "ef_AnswerTypes" WHERE "Type" = 'singleChoice')
                  AND length("Value") - length(ltrim("Value", '+-')) <= 1
                  AND ltrim("Value", '+-') GLOB '*[0-9]*'
                  AND ltrim("Value", '+-') NOT GLOB '*[^0-9.]*'
                  AND length("Value") - length(replace("Value", '.', '')) <= 1;
                """);
            migrationBuilder.Sql("""DROP TABLE "ef_AnswerTypes";""");

            // The log refuses updates; its triggers step aside for this one conversion and are restored unchanged.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEvents_NoUpdate;");
            foreach (var (table, column) in TimeColumns)
            {
                // Old values are EF's DateTimeOffset text "yyyy-MM-dd HH:mm:ss[.fffffff]+hh:mm". SQLite's datetime()
                // shifts the whole seconds by the offset exactly; the fraction is carried over as text, because
                // SQLite's own arithmetic keeps only milliseconds.
                migrationBuilder.Sql($"""
                    UPDATE "{table}"
                    SET "{column}" = datetime(substr("{column}", 1, 19) || substr("{column}", -6))
                        || CASE WHEN length("{column}") > 25 THEN substr("{column}", 20, length("{column}") - 25) ELSE '' END
                    WHERE "{column}" IS NOT NULL AND length("{column}") >= 25 AND substr("{column}", -6, 1) IN ('+', '-')
                      AND substr("{column}", -3, 1) = ':';
                    """);
            }

            migrationBuilder.Sql("""
                CREATE TRIGGER AuditEvents_NoUpdate BEFORE UPDATE ON AuditEvents
                BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Responses_StudyId_CompletedAt",
                table: "Responses",
                columns: new[] { "StudyId", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Answers_ItemCode_ResponseId_Number",
                table: "Answers",
                columns: new[] { "ItemCode", "ResponseId", "Number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Responses_StudyId_CompletedAt",
                table: "Responses");

            migrationBuilder.DropIndex(
                name: "IX_Answers_ItemCode_ResponseId_Number",
                table: "Answers");

            migrationBuilder.Sql("DROP TRIGGER IF EXISTS AuditEvents_NoUpdate;");
            foreach (var (table, column) in TimeColumns)
            {
                migrationBuilder.Sql($"""
                    UPDATE "{table}" SET "{column}" = "{column}" || '+00:00'
                    WHERE "{column}" IS NOT NULL AND substr("{column}", -6, 1) NOT IN ('+', '-');
                    """);
            }

            migrationBuilder.Sql("""
                CREATE TRIGGER AuditEvents_NoUpdate BEFORE UPDATE ON AuditEvents
                BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;
                """);

            migrationBuilder.Sql(CreateAnswerTypes);
            migrationBuilder.Sql("""
                UPDATE "Answers"
                SET "Value" = (SELECT coalesce(group_concat(j.value, ';'), '') FROM json_each("Answers"."Value") j)
                WHERE "Id" IN (SELECT "AnswerId" FROM "ef_AnswerTypes" WHERE "Type" = 'multipleChoice');
                """);
            migrationBuilder.Sql("""DROP TABLE "ef_AnswerTypes";""");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "Answers");
        }
    }
}
