using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.AspNetCore.StaticAssets;

namespace CoproSurvey.App.Hosting;

/// <summary>
/// Static assets in every way the app is run. A publish output holds every file in <c>wwwroot</c>. A build
/// output does not: <c>blazor.web.js</c> stays in the package cache and the scoped CSS in <c>obj/</c>, found
/// through the build's <c>CoproSurvey.App.staticwebassets.runtime.json</c>, which the host reads only in
/// Development; in any other environment the endpoints manifest then names files that are not there (a 500).
/// Reading that manifest wherever it exists serves the build output in Production too; a publish output has no
/// such manifest and is unaffected. Should a file the manifest names still be missing (a partial copy), the
/// asset answers 404 rather than an error or an empty 200.
/// </summary>
public static class StaticAssets
{
    public static WebApplication MapCoproSurveyStaticAssets(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            StaticWebAssetsLoader.UseStaticWebAssets(app.Environment, app.Configuration);
        }

        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is { } asset
                && !app.Environment.WebRootFileProvider.GetFileInfo(asset.AssetPath).Exists)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
        app.MapStaticAssets();
        return app;
    }
}
