using CoproSurvey.Core;
using CoproSurvey.Core.Instruments;
using CoproSurvey.Core.Persistence;
using CoproSurvey.Core.Responses;
using CoproSurvey.Core.Studies;
using CoproSurvey.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoproSurvey.Tests.Core.Persistence;

public class DependencyInjectionTests
{
    [Fact]
    public async Task AddCoproSurveyCore_RegistersWorkingServices_OnTheConfiguredDatabase()
    {
        // Arrange
        using var database = SqliteDatabase.InMemory();
        var services = new ServiceCollection().AddCoproSurveyCore(database.Options(DatabaseInitializerTests.RepositoryData()));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        // Act
        await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        var studies = await provider.GetRequiredService<StudyQueries>().ListOpenAsync(CancellationToken.None);
        var start = await provider.GetRequiredService<ResponseService>()
            .StartAsync("coproduction", Audience.Professional, new RespondentContext("EE", "education", null), true, CancellationToken.None);
        var firstPage = await provider.GetRequiredService<ResponseService>().GetPageAsync(start.AccessToken!, 1, CancellationToken.None);

        // Assert
        Assert.Contains(studies, s => s.Key == "coproduction");
        Assert.Empty(start.Errors);
        Assert.NotEmpty(firstPage!.Questions);
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.NotNull(provider.GetRequiredService<ResponseImporter>());
    }
}
