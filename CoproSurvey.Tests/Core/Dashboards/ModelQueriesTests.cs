using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Instruments;

namespace CoproSurvey.Tests.Core.Dashboards;

/// <summary>The model view on the demo study: what it says, rather than throws, when a model cannot be estimated or shown.</summary>
[Trait("Category", "Slow")]
public sealed class ModelQueriesTests(DemoExportFixture demo) : IClassFixture<DemoExportFixture>
{
    private static readonly DashboardFilter Citizens = DemoExportFixture.Filter with { Audiences = [Audience.Citizen] };

    private ModelQueries Queries => new(demo.Database.ContextFactory, demo.Dataset, demo.Cache(), demo.Options);

    private Task<ModelResult?> FitAsync(DashboardFilter filter, string outcome, params string[] predictors) =>
        FitAsync(filter, ModelStandardErrors.Classical, outcome, predictors);

    private Task<ModelResult?> FitAsync(DashboardFilter filter, ModelStandardErrors errors, string outcome, params string[] predictors) =>
        Queries.FitAsync("coproduction", new ModelChoice(outcome, predictors, errors), filter, CancellationToken.None);

    [Fact]
    public async Task FitAsync_SaysTheFixedEffectHasOneLevel_WhenTheFilterLeavesOneCountry()
    {
        // Act
        var result = (await FitAsync(Citizens with { Countries = ["BE"] }, "c_col", "c_eff_int", "country"))!;

        // Assert
        Assert.Null(result.Ols);
        Assert.Contains("'country' has a single level ('BE')", result.Problem);
    }

    [Fact]
    public async Task FitAsync_SaysThereAreTooFewCases_WhenTheFilterSelectsNone()
    {
        // Act: no response was completed on that day.
        var result = (await FitAsync(Citizens with { From = new DateOnly(2001, 1, 1), To = new DateOnly(2001, 1, 1) }, "c_col", "c_eff_int"))!;

        // Assert
        Assert.Contains("0 cases", result.Problem);
    }

    [Fact]
    public async Task FitAsync_LeavesOutACollinearPredictor_AndSaysSo()
    {
        // Act: the scale score is, over the rows with every item, a linear function of its (keyed) items.
        var result = (await FitAsync(Citizens, "c_col", "c_eff_int_1", "c_eff_int_2", "c_eff_int_3", "c_eff_int_4", "c_eff_int"))!;

        // Assert
        Assert.Null(result.Problem);
        Assert.Equal(["c_eff_int"], result.Ols!.Dropped);
        Assert.Contains(result.Notes, n => n.Contains("collinear", StringComparison.Ordinal) && n.EndsWith("c_eff_int.", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Coefficients, c => c.Term == "c_eff_int");
    }

    [Fact]
    public async Task FitAsync_WarnsOfFewClusters_WithErrorsClusteredByCountry()
    {
        // Act
        var result = (await FitAsync(Citizens, ModelStandardErrors.ClusterCountry, "c_col", "c_eff_int"))!;

        // Assert
        Assert.Equal((3, "cluster:country"), (result.Ols!.Clusters, result.Ols.SeType));
        Assert.Contains(result.Notes, n => n.StartsWith("Only 3 clusters", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FitAsync_NamesEachFixedEffectTerm_ByItsCountryAgainstTheReferenceCountry()
    {
        // Arrange
        await using var db = await demo.Database.ContextFactory.CreateDbContextAsync();
        var names = db.Studies.Single(s => s.Key == "coproduction").Countries.ToDictionary(c => c.Code, c => c.Name);

        // Act
        var result = (await FitAsync(Citizens, "c_col", "c_eff_int", "country"))!;

        // Assert: R's names (country followed by the code) in words; the reference is the country without a term.
        var terms = result.Coefficients.Select(c => c.Term).Where(t => t.StartsWith("country", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(terms);
        var countries = terms.Select(t => t["country".Length..]).ToList();
        var reference = names.Keys.Order(StringComparer.Ordinal).First(c => !countries.Contains(c));
        foreach (var code in countries)
        {
            Assert.Equal(new TermLabel($"country = {names[code]}", $"Country: {names[code]} (vs {names[reference]})"), result.Label("country" + code));
        }

        Assert.Equal("Internal efficacy", result.Label("c_eff_int").Full);
        Assert.Equal("(Intercept)", result.Label("(Intercept)").Full);
    }

    [Fact]
    public async Task FitAsync_RefusesAModel_WhereALevelOfAFactorHasFewerCasesThanTheMinimum()
    {
        // Arrange: the demo's citizens rarely answer gender "other".
        var small = (await Queries.FitAsync("coproduction", new ModelChoice("c_col", ["c_gender"], ModelStandardErrors.Classical), Citizens, CancellationToken.None))!;

        // Assert
        Assert.Null(small.Ols);
        Assert.Matches("^\"c_gender\" = [0-9]+ has fewer than 5 complete cases", small.Problem);
    }

    [Theory]
    [InlineData("nothing", "c_eff_int", "\"nothing\" is not a variable of this study that can be an outcome.")]
    [InlineData("c_gender", "c_eff_int", "\"c_gender\" is not a variable of this study that can be an outcome.")]
    [InlineData("c_col", "c_col", "The outcome \"c_col\" cannot also be a predictor.")]
    [InlineData("c_col", "p_sup", "\"p_sup\" is not a variable of this study that can be a predictor.")]
    public async Task FitAsync_SaysWhatIsWrong_WithAChoiceThatIsNotAModel(string outcome, string predictor, string problem)
    {
        // Act: p_sup belongs to the professionals' questionnaire, and the filter keeps citizens.
        var result = (await FitAsync(Citizens, outcome, predictor))!;

        // Assert
        Assert.Equal(problem, result.Problem);
    }
}
