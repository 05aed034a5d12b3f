using System.Data.Common;
using CoproSurvey.Core.Accounts;
using CoproSurvey.Core.Audit;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Studies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoproSurvey.Core.Responses;

/// <summary>Simulated responses that cannot be imported, each problem naming the response (0-based position) and what is wrong.</summary>
public sealed class ResponseImportException(IReadOnlyList<string> problems)
    : Exception($"Nothing was imported; {problems.Count} problem(s):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// Bulk import of complete simulated responses (demo data) into the study's current instrument versions:
/// everything is checked first, then written in one transaction with prepared statements, all or nothing, together with
/// the audit log entry that records the import.
/// </summary>
public sealed class ResponseImporter(IDbContextFactory<CoproSurveyDbContext> contextFactory, TimeProvider time)
{
    private const int MaxReportedProblems = 50;

    /// <summary>Rows per multi-row INSERT of answers: one statement per response for usual questionnaires.</summary>
    private const int AnswersPerStatement = 100;

    /// <summary>From this many responses on, the answers' secondary indexes are rebuilt after the import instead of maintained.</summary>
    private const int RebuildIndexesFrom = 1_000;

    /// <summary>Imports the responses marked as simulated; returns how many were imported. Bad data throws <see cref="ResponseImportException"/> and stores nothing.</summary>
    public async Task<int> ImportCompletedAsync(string studyKey, IEnumerable<SimulatedResponse> responses, CancellationToken ct, Actor? actor = null)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var study = await db.Studies.AsNoTracking().SingleOrDefaultAsync(s => s.Key == studyKey, ct)
            ?? throw new ResponseImportException([$"There is no study '{studyKey}'."]);
        var versions = await db.InstrumentVersions.AsNoTracking()
            .Where(v => v.StudyId == study.Id && v.IsCurrent)
            .ToListAsync(ct);
        var instruments = versions.ToDictionary(v => v.Audience, v =>
        {
            var instrument = InstrumentSnapshots.Get(v.Sha256, v.CanonicalJson);
            return (Version: v, Instrument: instrument, Items: instrument.Items.ToDictionary(i => i.Code, StringComparer.Ordinal));
        });
        var usedCodes = (await db.Responses.Select(r => r.ResumeCode).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

        var problems = new List<string>();
        var entities = new List<Response>();
        var index = 0;
        foreach (var simulated in responses)
        {
            var where = $"Simulated response {index++} ({simulated.Audience})";
            if (!instruments.TryGetValue(simulated.Audience, out var target))
            {
                problems.Add($"{where}: study '{studyKey}' has no current instrument for this audience.");
                continue;
            }

            var before = problems.Count;
            problems.AddRange(Check(study, target.Instrument, target.Items, simulated).Select(p => $"{where}: {p}"));
            if (problems.Count > before)
            {
                if (problems.Count >= MaxReportedProblems)
                {
                    break;
                }

                continue;
            }

            string code;
            do
            {
                code = ResumeCodes.NewCode();
            }
            while (!usedCodes.Add(code));

            var answers = simulated.Answers.ToDictionary(a => a.ItemCode, StringComparer.Ordinal);
            var pages = new ResponseProgress(target.Instrument, answers, new HashSet<string>()).PageCount;
            entities.Add(Response.Simulated(study.Id, target.Version.Id, target.Version.Sha256, code, simulated, pages));
        }

        if (problems.Count > 0)
        {
            throw new ResponseImportException(problems);
        }

        actor ??= Actor.CommandLine;
        var entry = AuditEvent.Create(
            AuditActions.Import, actor.Name, time.GetUtcNow(), actor.ResearcherId, study.Id, detail: $"{entities.Count} simulated responses");
        await WriteAsync(db, entities, entry, ct);
        return entities.Count;
    }

    private static IEnumerable<string> Check(
        Study study, Instrument instrument, IReadOnlyDictionary<string, ItemRef> items, SimulatedResponse simulated)
    {
        if (simulated.CompletedAt < simulated.StartedAt)
        {
            yield return "completed before it was started.";
        }

        if (simulated.Context.Country is { } country && study.Countries.All(c => c.Code != country))
        {
            yield return $"country '{country}' is not one of the study's.";
        }

        if (simulated.Context.PolicyField is { } field && study.PolicyFields.All(f => f.Code != field))
        {
            yield return $"policy field '{field}' is not one of the study's.";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var answer in simulated.Answers)
        {
            if (!seen.Add(answer.ItemCode))
            {
                yield return $"item '{answer.ItemCode}' is answered twice.";
            }
            else if (!items.TryGetValue(answer.ItemCode, out var item))
            {
                yield return $"item '{answer.ItemCode}' is not in instrument '{instrument.Key}' {instrument.Version}.";
            }
            else if (AnswerValidator.CheckStoredValue(item.Question, answer) is { } problem)
            {
                yield return $"item '{answer.ItemCode}': {problem}.";
            }
        }
    }

    /// <summary>Prepared INSERTs on the context's own connection: far faster than change tracking for ~10^6 rows.</summary>
    private static async Task WriteAsync(CoproSurveyDbContext db, IReadOnlyList<Response> responses, AuditEvent entry, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var dbTransaction = transaction.GetDbTransaction();
        var setAside = responses.Count >= RebuildIndexesFrom ? await DropAnswerIndexesAsync(db, ct) : [];
        using var insertResponse = new PreparedInsert(db, typeof(Response), dbTransaction, rows: 1, returnKey: true);
        var answerInserts = new Dictionary<int, PreparedInsert>();
        try
        {
            foreach (var response in responses)
            {
                ct.ThrowIfCancellationRequested();
                var responseId = insertResponse.Execute([response], null);
                foreach (var chunk in response.Answers.Chunk(AnswersPerStatement))
                {
                    if (!answerInserts.TryGetValue(chunk.Length, out var insert))
                    {
                        insert = new PreparedInsert(db, typeof(Answer), dbTransaction, chunk.Length, returnKey: false);
                        answerInserts.Add(chunk.Length, insert);
                    }

                    insert.Execute(chunk, (nameof(Answer.ResponseId), responseId));
                }
            }
        }
        finally
        {
            foreach (var insert in answerInserts.Values)
            {
                insert.Dispose();
            }
        }

        foreach (var create in setAside)
        {
            await db.Database.ExecuteSqlRawAsync(create, ct);
        }

        db.AuditEvents.Add(entry);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Drops the answers' secondary (non-unique) indexes inside the import's transaction and returns the statements that
    /// create them again: building an index once over the new rows is about twice as fast as keeping it up to date row by
    /// row. The unique (response, item) index stays. A failed import rolls the drop back with everything else.
    /// </summary>
    private static async Task<IReadOnlyList<string>> DropAnswerIndexesAsync(CoproSurveyDbContext db, CancellationToken ct)
    {
        var table = db.Model.FindEntityType(typeof(Answer))!.GetTableName()!;
        // The primary key's index is unique on both engines, so it stays with the (response, item) one.
        var indexes = await (db.Database.IsNpgsql()
                ? db.Database.SqlQuery<TableIndex>($"SELECT indexname AS \"Name\", indexdef AS \"Sql\" FROM pg_indexes WHERE schemaname = current_schema() AND tablename = {table} AND indexdef NOT LIKE 'CREATE UNIQUE%'")
                : db.Database.SqlQuery<TableIndex>($"SELECT name AS Name, sql AS Sql FROM sqlite_master WHERE type = 'index' AND tbl_name = {table} AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'"))
            .ToListAsync(ct);
        foreach (var index in indexes)
        {
            // An identifier cannot be a parameter; the name comes from the catalogue and is quoted.
            await db.Database.ExecuteSqlRawAsync(string.Concat("DROP INDEX \"", index.Name.Replace("\"", "\"\"", StringComparison.Ordinal), "\""), ct);
        }

        return indexes.Select(i => i.Sql).ToList();
    }

    private sealed record TableIndex(string Name, string Sql);

    /// <summary>A multi-row INSERT of every mapped column but the generated key, with values converted as EF would.</summary>
    private sealed class PreparedInsert : IDisposable
    {
        private readonly DbCommand command;
        private readonly bool returnKey;
        private readonly (string Name, Type ProviderType, Func<object, object?> Read)[] columns;

        public PreparedInsert(CoproSurveyDbContext db, Type clrType, DbTransaction transaction, int rows, bool returnKey)
        {
            this.returnKey = returnKey;
            var entityType = db.Model.FindEntityType(clrType)!;
            var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            var key = entityType.FindPrimaryKey()!.Properties.Single();
            var properties = entityType.GetProperties().Where(p => p != key && p.GetColumnName(table) is not null).ToList();
            columns = properties.Select(p => (p.Name, ProviderType(p), Reader(p))).ToArray();
            // Npgsql prepares a statement with its parameters' types, so they are set from EF's mapping before any value.
            var typed = db.Database.IsNpgsql();
            command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction;
            var names = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\""));
            var values = string.Join(", ", Enumerable.Range(0, rows).Select(r => "(" + string.Join(", ", properties.Select((_, i) => $"@p{r}_{i}")) + ")"));
            var returning = returnKey ? $" RETURNING \"{key.GetColumnName(table)}\"" : "";
            command.CommandText = $"INSERT INTO \"{table.Name}\" ({names}) VALUES {values}{returning};";
            for (var r = 0; r < rows; r++)
            {
                for (var i = 0; i < properties.Count; i++)
                {
                    var name = $"@p{r}_{i}";
                    DbParameter parameter;
                    if (typed)
                    {
                        parameter = properties[i].GetRelationalTypeMapping().CreateParameter(command, name, null, properties[i].IsNullable);
                    }
                    else
                    {
                        parameter = command.CreateParameter();
                        parameter.ParameterName = name;
                    }

                    command.Parameters.Add(parameter);
                }
            }

            command.Prepare();
        }

        /// <summary>Inserts the entities (with one property's value replaced, e.g. a foreign key); returns the new key of a single row when asked for.</summary>
        public long Execute(IReadOnlyList<object> entities, (string Property, object Value)? overriding)
        {
            var p = 0;
            foreach (var entity in entities)
            {
                foreach (var (name, providerType, read) in columns)
                {
                    command.Parameters[p++].Value = overriding is { } o && o.Property == name
                        ? Convert.ChangeType(o.Value, providerType, System.Globalization.CultureInfo.InvariantCulture)
                        : read(entity) ?? DBNull.Value;
                }
            }

            return returnKey
                ? Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)
                : command.ExecuteNonQuery();
        }

        public void Dispose() => command.Dispose();

        private static Type ProviderType(IProperty property)
        {
            var type = property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;
            return Nullable.GetUnderlyingType(type) ?? type;
        }

        private static Func<object, object?> Reader(IProperty property)
        {
            var getter = property.GetGetter();
            var converter = property.GetTypeMapping().Converter;
            return converter is null
                ? getter.GetClrValue
                : entity => getter.GetClrValue(entity) is { } value ? converter.ConvertToProvider(value) : null;
        }
    }
}
