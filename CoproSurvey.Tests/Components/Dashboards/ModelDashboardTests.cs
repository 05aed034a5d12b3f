using System.Text;
using Bunit;
using CoproSurvey.App.Components.Dashboards;
using CoproSurvey.App.Dashboards;
using CoproSurvey.Core.Analysis;
using CoproSurvey.Core.Dashboards;
using CoproSurvey.Core.Statistics;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace CoproSurvey.Tests.Components.Dashboards;

public sealed class ModelDashboardTests : BunitContext
{
    private static readonly ModelChoice Choice = new("y", ["x", "country"], ModelStandardErrors.ClusterCountry);

    public ModelDashboardTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    private static ModelResult Ols() => new(
        Choice, 5, false, null,
        new OlsReport(
            120, 116, "cluster:country",
            [
                new CoefficientReport("(Intercept)", 1.5, 0.2, 7.5, 0.0000001, 1.1, 1.9),
                new CoefficientReport("x", 0.42, 0.1, 4.2, 0.0004, 0.22, 0.62),
                new CoefficientReport("countryDE", -0.3, 0.25, -1.2, 0.23, -0.8, 0.2),
            ],
            [], 8, 0.31, 0.29, 0.9, 17.2, 0.00001, 5, [], ModelSpecification.Parse("y ~ x + country"), 3),
        null, null,
        ["Only 5 clusters: read them with care."]);

    [Fact]
    public void ModelDashboard_PlotsAndTabulatesTheCoefficients_WithTheirIntervals_AndTheWarnings()
    {
        // Act
        var cut = Render<ModelDashboard>(p => p.Add(c => c.Result, Ols()).Add(c => c.StudyKey, "coproduction"));

        // Assert: the plot leaves the intercept out and lists the first term at the top.
        var scatter = (Scatter)Assert.Single(cut.FindComponent<PlotlyChart>().Instance.Data);
        Assert.Equal(["countryDE", "x"], scatter.Y.Cast<string>());
        Assert.Equal([-0.3, 0.42], scatter.X.Cast<double>());
        Assert.Equal(0.5, (double)scatter.ErrorX.ArrayMinus[0], 12);
        Assert.Equal(0.2, (double)scatter.ErrorX.Array[1], 12);
        var rows = cut.Find("table[data-table=coefficients]").QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["x", "0.420", "0.100", "4.20", "< .001", "0.220 to 0.620"], rows[1]);
        Assert.Equal("t", cut.FindAll("table[data-table=coefficients] thead th")[3].TextContent.Trim());
        Assert.Contains("R² = 0.310", cut.Find("[data-model-summary]").TextContent);
        Assert.Contains("clustered by country (CR1) (5 clusters)", cut.Find("[data-model-summary]").TextContent);
        Assert.Contains("Only 5 clusters", cut.Find("[data-notes]").TextContent);
        var csv = Encoding.UTF8.GetString(Convert.FromBase64String(cut.Find("a[data-csv=coefficients]").GetAttribute("href")!.Split(',')[1]));
        Assert.StartsWith("outcome,model,term,label,estimate,std_error,t,p,ci95_lower,ci95_upper,n,r2,se_type", csv);
        Assert.Contains("y,ols,x,x,0.42,0.1,4.2,0.0004,0.22,0.62,120,0.31,cluster:country", csv);
    }

    [Fact]
    public void ModelDashboard_ExplainsAModelThatCannotBeShown_WithoutAChart()
    {
        // Arrange
        var result = new ModelResult(Choice, 5, false, null, null, null, "Categorical variable 'country' has a single level ('BE') among the 40 complete cases.", []);

        // Act
        var cut = Render<ModelDashboard>(p => p.Add(c => c.Result, result).Add(c => c.StudyKey, "coproduction"));

        // Assert
        Assert.Contains("single level ('BE')", cut.Find("[data-problem]").TextContent);
        Assert.Empty(cut.FindComponents<PlotlyChart>());
    }

    [Fact]
    public void ModelForm_HandsTheChoiceOver_WithFixedEffectsLast()
    {
        // Arrange
        ModelVariable[] variables =
        [
            new("y", "Y", ModelVariableKind.Scale, true, true),
            new("x", "X", ModelVariableKind.Scale, true, true),
            new("g", "G", ModelVariableKind.Categorical, false, true, IsFactor: true),
            new("country", "Country", ModelVariableKind.FixedEffect, false, true, IsFactor: true),
        ];
        ModelChoice? fitted = null;
        var cut = Render<ModelForm>(p => p.Add(c => c.Variables, variables).Add(c => c.OnFit, c => fitted = c));

        // Act
        cut.Find("#model-outcome").Change("y");
        cut.Find("#model-fe-country").Change(true);
        cut.Find("#model-predictors").Change(new[] { "g", "x" });
        cut.Find("#model-se").Change("hc3");
        cut.Find("form").Submit();

        // Assert
        Assert.Equal(("y", ModelStandardErrors.HC3), (fitted!.Outcome, fitted.StandardErrors));
        Assert.Equal(["g", "x", "country"], fitted.Predictors);
        Assert.Equal(
            "/research/studies/coproduction/dashboard/model?country=BE&outcome=y&x=g&x=x&x=country&se=hc3",
            ModelUrl.ViewUrl("coproduction", DashboardFilter.All with { Countries = ["BE"] }, fitted));
        Assert.Equal(fitted, ModelUrl.Parse("y", ["g", "x", "country"], "hc3"), new ChoiceComparer());
    }

    private sealed class ChoiceComparer : IEqualityComparer<ModelChoice?>
    {
        public bool Equals(ModelChoice? a, ModelChoice? b) =>
            a is not null && b is not null && a.Outcome == b.Outcome && a.Predictors.SequenceEqual(b.Predictors) && a.StandardErrors == b.StandardErrors;

        public int GetHashCode(ModelChoice? obj) => obj?.Outcome.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
