using System.Data.Common;
using System.Text.RegularExpressions;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CoproSurvey.Tests.Core.Responses;

/// <summary>
/// The cost of a respondent's request must not grow with the study: none of the statements a respondent's requests
/// run scans a table that grows with the responses. Checked on the database's own query plans of every statement
/// recorded while respondents go through the questionnaire: SQLite's <c>EXPLAIN QUERY PLAN</c>, and PostgreSQL's
/// <c>EXPLAIN</c> with sequential scans priced out (<c>SET LOCAL enable_seqscan = off</c>), so that on the test's few rows a
/// sequential scan shows only where no index serves the statement.
/// </summary>
public sealed partial class RespondentQueryPlanTests
{
    /// <summary>The tables that grow with every response.</summary>
    private static readonly HashSet<string> GrowingTables =
        new(StringComparer.Ordinal) { "Responses", "Answers", "PageEvents", "ResponseAccessTokens", "ConsentDeclines", "AuditEvents" };

    private static readonly CancellationToken None = CancellationToken.None;

    [SkippableTheory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task NoStatementOfARespondentsRequests_ScansATableThatGrowsWithTheResponses(DatabaseProvider provider)
    {
        // Arrange
        var recorder = new StatementRecorder();
        using var harness = await SurveyHarness.CreateAsync(new RecordingDatabase(TestDatabases.Create(provider), recorder));
        var service = harness.Responses;
        await harness.StartAsync(); // another response in the study, so that a statement scanning one table has rows to scan
        recorder.Clear();

        // Act: everything a respondent can do.
        await service.GetEntryAsync(SurveyHarness.StudyKey, Audience.Citizen, None);
        await service.GetLanguagesAsync(SurveyHarness.StudyKey, Audience.Citizen, None);
        var (token, code) = await harness.StartWithCodeAsync();
        await service.GetLanguageAsync(token, None);
        await service.ChangeLanguageAsync(token, "et", None);
        await service.GetStateAsync(token, None);
        await service.GetPageAsync(token, 1, None);
        await harness.SubmitOkAsync(token, 1, ("age", "34"), ("uses_service", "no"));
        await harness.SubmitAsync(token, 2, ("satisfaction", "not a number"));
        await service.GetPageAsync(token, 2, None);
        await harness.SubmitOkAsync(token, 2, ("satisfaction", "3"));
        await harness.SubmitOkAsync(token, 1, ("age", "70"), ("uses_service", "no"));
        await service.GetPageAsync(token, 3, None);
        await harness.SubmitOkAsync(token, 2, ("satisfaction", "3"), ("followup", "yes"));
        await harness.SubmitOkAsync(token, 3, ("nickname", "Robin"));
        var resumed = await service.ResumeAsync(code, None);
        await service.GetStateAsync(resumed!.AccessToken, None);
        await service.WithdrawAsync(token, None);
        var other = await harness.StartWithCodeAsync();
        await service.WithdrawByCodeAsync(other.ResumeCode, None);
        await service.DeclineAsync(SurveyHarness.StudyKey, Audience.Citizen, SurveyHarness.Context, None);

        // Assert
        var statements = recorder.Statements;
        Assert.True(statements.Count > 40, $"only {statements.Count} statements recorded");
        var scans = new List<string>();
        await using var db = harness.Database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        // On PostgreSQL for this transaction only: connections go back to the pool without a session reset.
        await using var transaction = provider == DatabaseProvider.Postgres ? await db.Database.BeginTransactionAsync() : null;
        if (provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off");
        }

        foreach (var statement in statements.Where(s => Explainable().IsMatch(s.Sql)).DistinctBy(s => s.Sql))
        {
            var aliases = TableAliases().Matches(statement.Sql).ToDictionary(m => m.Groups["alias"].Value, m => m.Groups["table"].Value);
            foreach (var line in await PlanAsync(connection, provider, statement))
            {
                if (ScannedTable(provider, line) is { } scanned && GrowingTables.Contains(aliases.GetValueOrDefault(scanned, scanned)))
                {
                    scans.Add($"{line.Trim()}\n  in: {statement.Sql}");
                }
            }
        }

        Assert.True(scans.Count == 0, string.Join("\n\n", scans));
    }

    [Fact]
    public async Task TheCheck_FindsTheScan_OfAResponseLookedUpThroughATokenInACorrelatedSubquery()
    {
        // Arrange
        using var database = SqliteDatabase.InMemory();
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        var statement = new Statement(
            """
            SELECT "r"."Language" FROM "Responses" AS "r"
            WHERE EXISTS (SELECT 1 FROM "ResponseAccessTokens" AS "r0" WHERE "r0"."TokenHash" = @hash AND "r0"."ResponseId" = "r"."Id")
            """,
            [("@hash", "00", null)]);

        // Act
        var plan = await PlanAsync(connection, DatabaseProvider.Sqlite, statement);

        // Assert
        Assert.Contains(plan, line => ScannedTable(DatabaseProvider.Sqlite, line) == "r");
    }

    [SkippableFact]
    public async Task TheCheck_FindsASequentialScan_OnPostgres_WhereNoIndexServesTheStatement()
    {
        // Arrange
        using var database = TestDatabases.Create(DatabaseProvider.Postgres);
        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off");
        var statement = new Statement("""SELECT "r"."Id" FROM "Responses" AS "r" WHERE "r"."Language" = @language""", [("@language", "en", null)]);

        // Act
        var plan = await PlanAsync(connection, DatabaseProvider.Postgres, statement);

        // Assert
        Assert.Contains(plan, line => ScannedTable(DatabaseProvider.Postgres, line) == "r");
    }

    /// <summary>The plan of one statement, bound to the parameters it names, one line per step.</summary>
    private static async Task<IReadOnlyList<string>> PlanAsync(DbConnection connection, DatabaseProvider provider, Statement statement)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = (provider == DatabaseProvider.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + statement.Sql;
        foreach (var (name, value, original) in statement.Parameters.Where(p => statement.Sql.Contains(p.Name, StringComparison.Ordinal)))
        {
            // As the command sent it: with its type (Npgsql's parameters can be copied), or else its value.
            if (original?.Clone() is DbParameter copy)
            {
                command.Parameters.Add(copy);
                continue;
            }

            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(provider == DatabaseProvider.Sqlite ? 3 : 0));
        }

        return lines;
    }

    /// <summary>
    /// The alias (or table) a plan step reads in full: SQLite's <c>SCAN r</c> or <c>SCAN r USING COVERING INDEX ...</c>
    /// (not the scan of a subquery's rows, which names no table of the statement), PostgreSQL's
    /// <c>Seq Scan on "Responses" r</c>; null for any other step.
    /// </summary>
    private static string? ScannedTable(DatabaseProvider provider, string line)
    {
        var match = provider == DatabaseProvider.Sqlite ? SqliteScan().Match(line) : PostgresScan().Match(line);
        return !match.Success ? null : match.Groups["alias"].Success ? match.Groups["alias"].Value : match.Groups["table"].Value;
    }

    [GeneratedRegex(@"^\s*(SELECT|UPDATE|DELETE|WITH)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Explainable();

    [GeneratedRegex("\"(?<table>\\w+)\" AS \"?(?<alias>\\w+)\"?")]
    private static partial Regex TableAliases();

    [GeneratedRegex(@"^SCAN (?<table>\w+)")]
    private static partial Regex SqliteScan();

    [GeneratedRegex("Seq Scan on \"?(?<table>\\w+)\"?(?: (?<alias>\\w+))?")]
    private static partial Regex PostgresScan();

    private sealed record Statement(string Sql, IReadOnlyList<(string Name, object? Value, ICloneable? Original)> Parameters);

    /// <summary>Records every statement the contexts run, split into single statements, with their parameter values.</summary>
    private sealed class StatementRecorder : DbCommandInterceptor
    {
        private readonly List<Statement> statements = [];

        public IReadOnlyList<Statement> Statements
        {
            get
            {
                lock (statements)
                {
                    return [.. statements];
                }
            }
        }

        public void Clear()
        {
            lock (statements)
            {
                statements.Clear();
            }
        }

        /// <summary>Called for every command EF creates, once its text and parameters are set, before it runs.</summary>
        public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
        {
            Record(result);
            return result;
        }

        private void Record(DbCommand command)
        {
            var parameters = command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value, p as ICloneable)).ToList();
            lock (statements)
            {
                statements.AddRange(command.CommandText
                    .Split(";", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(sql => new Statement(sql, parameters)));
            }
        }
    }

    /// <summary>A test database whose contexts report their statements to a recorder.</summary>
    private sealed class RecordingDatabase(ITestDatabase inner, StatementRecorder recorder) : ITestDatabase
    {
        public DatabaseProvider Provider => inner.Provider;

        public string ConnectionString => inner.ConnectionString;

        public IDbContextFactory<CoproSurveyDbContext> ContextFactory { get; } = new Factory(
            new DbContextOptionsBuilder<CoproSurveyDbContext>()
                .UseCoproSurveyDatabase(inner.Provider, inner.ConnectionString).AddInterceptors(recorder).Options);

        public void Dispose() => inner.Dispose();

        private sealed class Factory(DbContextOptions<CoproSurveyDbContext> options) : IDbContextFactory<CoproSurveyDbContext>
        {
            public CoproSurveyDbContext CreateDbContext() => new(options);
        }
    }
}
