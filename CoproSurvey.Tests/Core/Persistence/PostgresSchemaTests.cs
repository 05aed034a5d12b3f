using CoproSurvey.Core.Audit;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CoproSurvey.Tests.Core.Persistence;

/// <summary>The PostgreSQL schema: what the migrations leave, and what SQLite does that PostgreSQL must do too.</summary>
public sealed class PostgresSchemaTests
{
    [Fact]
    public void PostgresMigrations_CoverTheModel_WithoutAServer()
    {
        // Arrange: the model and the migrations assembly are read; nothing connects.
        using var context = new CoproSurveyDbContext(new DbContextOptionsBuilder<CoproSurveyDbContext>()
            .UseCoproSurveyDatabase(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=model_only").Options);

        // Act / Assert
        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges(), "The PostgreSQL model has changes without a migration: see CoproSurvey.Migrations.Postgres/README.md.");
    }

    [Fact]
    public void PostgresModel_StoresTimesAsTimestamptz_AndTextInByteOrder()
    {
        // Arrange
        using var context = new CoproSurveyDbContext(new DbContextOptionsBuilder<CoproSurveyDbContext>()
            .UseCoproSurveyDatabase(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=model_only").Options);

        // Act
        var properties = context.GetService<IDesignTimeModel>().Model.GetEntityTypes().SelectMany(e => e.GetProperties()).ToList();

        // Assert
        Assert.All(properties.Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)),
            p => Assert.Equal("timestamp with time zone", p.GetColumnType()));
        Assert.All(properties.Where(p => p.ClrType == typeof(string)),
            p => Assert.Equal(CoproSurveyDbContext.PostgresCollation, p.GetCollation()));
    }

    [SkippableFact]
    public async Task Migrations_LeaveNothingPending_AndCreateTheUniqueIndexes_OnPostgres()
    {
        // Arrange
        using var database = PostgresDatabase.Create();
        await using var db = ((ITestDatabase)database).CreateContext();

        // Act
        var pending = await db.Database.GetPendingMigrationsAsync();
        var unique = await db.Database
            .SqlQueryRaw<string>("SELECT indexdef AS \"Value\" FROM pg_indexes WHERE schemaname = current_schema() AND indexdef LIKE 'CREATE UNIQUE%'")
            .ToListAsync();

        // Assert
        Assert.Empty(pending);
        Assert.Contains(unique, s => s.Contains("\"Responses\"") && s.Contains("\"ResumeCode\""));
        Assert.Contains(unique, s => s.Contains("\"Answers\"") && s.Contains("\"ResponseId\", \"ItemCode\""));
        Assert.Contains(unique, s => s.Contains("\"Studies\"") && s.Contains("\"Key\""));
    }

    [SkippableFact]
    public async Task AuditLog_RefusesUpdatesDeletesAndTruncation_OnPostgres()
    {
        // Arrange
        using var database = PostgresDatabase.Create();
        await using var db = ((ITestDatabase)database).CreateContext();
        db.AuditEvents.Add(AuditEvent.Create("test.entry", "someone", TestClock.New().GetUtcNow()));
        await db.SaveChangesAsync();

        // Act
        var update = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Actor\" = 'someone else'"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\""));
        var truncate = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE \"AuditEvents\""));

        // Assert
        Assert.All([update, delete, truncate], e => Assert.Contains("append-only", e.MessageText));
        Assert.Equal("someone", (await db.AuditEvents.AsNoTracking().SingleAsync()).Actor);
    }

    [SkippableFact]
    public async Task Lookups_AreCaseSensitive_AndOrderByteWise_AsOnSqlite()
    {
        // Arrange: keys differing only in case, and an order where a locale and byte order disagree.
        using var postgres = PostgresDatabase.Create();
        using var sqlite = SqliteDatabase.InMemory();
        foreach (ITestDatabase database in new ITestDatabase[] { postgres, sqlite })
        {
            await using var db = database.CreateContext();
            foreach (var actor in new[] { "b", "B", "a", "_z", "Ä" })
            {
                db.AuditEvents.Add(AuditEvent.Create("test.entry", actor, TestClock.New().GetUtcNow()));
            }

            await db.SaveChangesAsync();
        }

        // Act
        async Task<(int Matches, List<string> Order)> ReadAsync(ITestDatabase database)
        {
            await using var db = database.CreateContext();
            return (await db.AuditEvents.CountAsync(e => e.Actor == "b"), await db.AuditEvents.OrderBy(e => e.Actor).Select(e => e.Actor).ToListAsync());
        }

        var onPostgres = await ReadAsync(postgres);
        var onSqlite = await ReadAsync(sqlite);

        // Assert
        Assert.Equal(1, onPostgres.Matches);
        Assert.Equal(onSqlite.Order, onPostgres.Order);
        Assert.Equal(["B", "_z", "a", "b", "Ä"], onPostgres.Order);
    }
}
