using CoproSurvey.App;
using CoproSurvey.App.Cli;
using CoproSurvey.Core.Persistence;
using Microsoft.Extensions.Configuration;

namespace CoproSurvey.Tests.App;

/// <summary><c>Database:Provider</c> and <c>ConnectionStrings:CoproSurvey</c> as the app and the verbs read them.</summary>
public sealed class DatabaseProviderSettingsTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void Options_AreSqliteInTheContentRoot_WhenNothingIsConfigured()
    {
        var options = Settings().GetCoproSurveyOptions("/srv/app");

        Assert.Equal(DatabaseProvider.Sqlite, options.Provider);
        Assert.Equal($"Data Source={Path.Combine("/srv/app", "coprosurvey.db")}", options.ConnectionString);
    }

    [Theory]
    [InlineData("Postgres")]
    [InlineData("postgresql")]
    [InlineData("POSTGRES")]
    public void Options_ArePostgres_WithTheConfiguredConnectionString(string provider)
    {
        var options = Settings(("Database:Provider", provider), ("ConnectionStrings:CoproSurvey", "Host=db;Database=coprosurvey"))
            .GetCoproSurveyOptions("/srv/app");

        Assert.Equal(DatabaseProvider.Postgres, options.Provider);
        Assert.Equal("Host=db;Database=coprosurvey", options.ConnectionString);
    }

    [Fact]
    public void Options_Throw_WhenPostgresHasNoConnectionString()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Settings(("Database:Provider", "Postgres")).GetCoproSurveyOptions("/srv/app"));

        Assert.Contains("ConnectionStrings:CoproSurvey is not set", error.Message);
    }

    [Fact]
    public void Options_Throw_NamingTheChoices_WhenTheProviderIsUnknown()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Settings(("Database:Provider", "MySql")).GetCoproSurveyOptions("/srv/app"));

        Assert.Contains("'MySql'", error.Message);
        Assert.Contains("Sqlite (the default) or Postgres", error.Message);
    }

    [Fact]
    public void BackupAdvice_NamesPgDumpAndTheDatabase_ButNeverThePassword()
    {
        var advice = BackupCommand.PostgresAdvice("Host=db.internal;Port=5433;Database=coprosurvey;Username=survey;Password=hunter2-secret");

        Assert.Contains("pg_dump --format=custom --host db.internal --port 5433 --username survey", advice);
        Assert.Contains("coprosurvey", advice);
        Assert.Contains("pg_restore", advice);
        Assert.DoesNotContain("hunter2-secret", advice);
    }

    [Fact]
    public void Describe_NamesTheDatabaseHostAndPort_ButNeverThePassword()
    {
        var described = CoproSurveyDatabase.Describe(DatabaseProvider.Postgres, "Host=db.internal;Database=coprosurvey;Username=survey;Password=hunter2-secret");

        Assert.Equal("PostgreSQL database coprosurvey on db.internal:5432", described);
    }

    [Fact]
    public void WithPoolSettings_PreparesRepeatedStatementsAndSkipsTheSessionReset_UnlessTheConnectionStringSaysOtherwise()
    {
        var added = new Npgsql.NpgsqlConnectionStringBuilder(CoproSurveyDatabase.WithPoolSettings("Host=db;Database=coprosurvey;Password=secret"));
        var kept = new Npgsql.NpgsqlConnectionStringBuilder(CoproSurveyDatabase.WithPoolSettings("Host=db;Database=coprosurvey;Max Auto Prepare=0;No Reset On Close=false"));
        var synonym = new Npgsql.NpgsqlConnectionStringBuilder(CoproSurveyDatabase.WithPoolSettings("Host=db;Database=coprosurvey;maxautoprepare=8;noresetonclose=false"));

        Assert.Equal((CoproSurveyDatabase.AutoPreparedStatements, true), (added.MaxAutoPrepare, added.NoResetOnClose));
        Assert.Equal(("db", "coprosurvey", "secret"), (added.Host, added.Database, added.Password));
        Assert.Equal((0, false), (kept.MaxAutoPrepare, kept.NoResetOnClose));
        Assert.Equal((8, false), (synonym.MaxAutoPrepare, synonym.NoResetOnClose));
    }
}
