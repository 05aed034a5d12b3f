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
/// run scans a table that grows with the responses. Checked on SQLite's own query plans (<c>EXPLAIN QUERY PLAN</c>)
/// of every statement recorded while respondents go through the questionnaire.
/// </summary>
public sealed partial class RespondentQueryPlanTests
{
    /// <summary>The tables that grow with every response.</summary>
    private static readonly HashSet<string> GrowingTables =
        new(StringComparer.Ordinal) { "Responses", "Answers", "PageEvents", "ResponseAccessTokens", "ConsentDeclines", "AuditEvents" };

    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task NoStatementOfARespondentsRequests_ScansATableThatGrowsWithTheResponses()
    {
        // Arrange
        var recorder = new StatementRecorder();
        using var harness = await SurveyHarness.CreateAsync(new RecordingDatabase(SqliteDatabase.InMemory(), recorder));
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
        await using var connection = new SqliteConnection(harness.Database.ConnectionString);
        await connection.OpenAsync();
        foreach (var statement in statements.Where(s => Explainable().IsMatch(s.Sql)).DistinctBy(s => s.Sql))
        {
            var aliases = TableAliases().Matches(statement.Sql).ToDictionary(m => m.Groups["alias"].Value, m => m.Groups["table"].Value);
            foreach (var line in await PlanAsync(connection, statement))
            {
                var scanned = ScannedTable().Match(line);
                if (scanned.Success && GrowingTables.Contains(aliases.GetValueOrDefault(scanned.Groups[1].Value, scanned.Groups[1].Value)))
                {
                    scans.Add($"{line}\n  in: {statement.Sql}");
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
            [("@hash", "00")]);

        // Act
        var plan = await PlanAsync(connection, statement);

        // Assert
        Assert.Contains(plan, line => ScannedTable().Match(line) is { Success: true } m && m.Groups[1].Value == "r");
    }

    /// <summary>Each statement of a command (EF sends several in one, separated by semicolons), with the command's parameters.</summary>
    private static async Task<IReadOnlyList<string>> PlanAsync(SqliteConnection connection, Statement statement)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement.Sql;
        foreach (var (name, value) in statement.Parameters.Where(p => statement.Sql.Contains(p.Name, StringComparison.Ordinal)))
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3));
        }

        return lines;
    }

    [GeneratedRegex(@"^\s*(SELECT|UPDATE|DELETE|WITH)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Explainable();

    [GeneratedRegex("\"(?<table>\\w+)\" AS \"(?<alias>\\w+)\"")]
    private static partial Regex TableAliases();

    /// <summary>A full scan of a table or an index (<c>SCAN r</c>, <c>SCAN r USING COVERING INDEX ...</c>), not of a subquery's rows.</summary>
    [GeneratedRegex(@"^SCAN (\w+)")]
    private static partial Regex ScannedTable();

    private sealed record Statement(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

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

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Record(command);
            return result;
        }

        private void Record(DbCommand command)
        {
            var parameters = command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToList();
            lock (statements)
            {
                statements.AddRange(command.CommandText
                    .Split(";", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(sql => new Statement(sql, parameters)));
            }
        }
    }

    /// <summary>A SQLite test database whose contexts report their statements to a recorder.</summary>
    private sealed class RecordingDatabase(SqliteDatabase inner, StatementRecorder recorder) : ITestDatabase
    {
        public DatabaseProvider Provider => inner.Provider;

        public string ConnectionString => inner.ConnectionString;

        public IDbContextFactory<CoproSurveyDbContext> ContextFactory { get; } = new Factory(
            new DbContextOptionsBuilder<CoproSurveyDbContext>().UseSqlite(inner.ConnectionString).AddInterceptors(recorder).Options);

        public void Dispose() => inner.Dispose();

        private sealed class Factory(DbContextOptions<CoproSurveyDbContext> options) : IDbContextFactory<CoproSurveyDbContext>
        {
            public CoproSurveyDbContext CreateDbContext() => new(options);
        }
    }
}
