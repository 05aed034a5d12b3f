using Microsoft.AspNetCore.Hosting.StaticWebAssets;

namespace CoproSurvey.App.Hosting;

/// <summary>
/// Static assets in every way the app is run. A publish output holds every file in <c>wwwroot</c>. A build
/// output does not: <c>blazor.web.js</c> stays in the package cache and the scoped CSS in <c>obj/</c>, found
/// through the build's <c>CoproSurvey.App.staticwebassets.runtime.json</c>, which the host reads only in
/// Development; in any other environment the endpoints manifest then names files that are not there (a 500).
/// Reading that manifest wherever it exists serves the build output in Production too; a publish output has no
/// such manifest and is unaffected.
/// </summary>
public static class StaticAssets
{
    public static WebApplication MapCoproSurveyStaticAssets(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            StaticWebAssetsLoader.UseStaticWebAssets(app.Environment, app.Configuration);
        }

        app.MapStaticAssets();
        return app;
    }
}
