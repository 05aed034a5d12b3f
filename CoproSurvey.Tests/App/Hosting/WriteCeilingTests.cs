using System.Net;
using CoproSurvey.App.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CoproSurvey.Tests.App.Hosting;

/// <summary><c>POST /dev/write-ceiling</c>: answers each post after writing its row in Development, and does not exist in Production.</summary>
public sealed class WriteCeilingTests
{
    [Fact]
    public async Task WriteCeiling_Answers204_ForEachPost_InDevelopment()
    {
        await using var app = new SurveyAppFactory();
        using var http = app.CreateClient();

        using var first = await http.PostAsync(WriteCeiling.Path, null);
        using var second = await http.PostAsync(WriteCeiling.Path, null);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
    }

    [SkippableFact]
    public async Task WriteCeiling_WritesOneRowPerPostToATableOfItsOwn_OnPostgres()
    {
        await using var app = new PostgresSurveyAppFactory();
        app.SkipUnlessAvailable();
        using var http = app.CreateClient();

        using var first = await http.PostAsync(WriteCeiling.Path, null);
        using var second = await http.PostAsync(WriteCeiling.Path, null);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        var rows = await app.QueryAsync(db => db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM write_ceiling.writes").SingleAsync());
        Assert.Equal(2, rows);
    }

    [Fact]
    public async Task WriteCeiling_IsNotThere_InProduction()
    {
        await using var app = new SurveyAppFactory();
        await using var production = app.With(environment: "Production");
        using var http = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        using var response = await http.PostAsync(WriteCeiling.Path, null);

        Assert.NotEqual(HttpStatusCode.NoContent, response.StatusCode);
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.BadRequest, response.StatusCode.ToString());
    }
}
