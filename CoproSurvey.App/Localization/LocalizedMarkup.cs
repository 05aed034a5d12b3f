using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace CoproSurvey.App.Localization;

/// <summary>
/// A localized sentence with markup inside it ("You can {0}delete all your answers now{1}..."): translators move the
/// placeholders where their grammar needs them, and the markup is rendered as components, never as HTML from a resx.
/// </summary>
public static partial class LocalizedMarkup
{
    /// <summary>Renders <paramref name="format"/>, putting <paramref name="parts"/>[n] where <c>{n}</c> stands; the text between is encoded as usual.</summary>
    public static RenderFragment Format(LocalizedString format, params RenderFragment[] parts) => builder =>
    {
        ArgumentNullException.ThrowIfNull(format);
        builder.OpenRegion(0);
        var text = format.Value;
        var at = 0;
        foreach (Match placeholder in Placeholder().Matches(text))
        {
            builder.AddContent(1, text[at..placeholder.Index]);
            var index = int.Parse(placeholder.Groups[1].Value, CultureInfo.InvariantCulture);
            if (index < parts.Length)
            {
                builder.AddContent(2, parts[index]);
            }

            at = placeholder.Index + placeholder.Length;
        }

        builder.AddContent(3, text[at..]);
        builder.CloseRegion();
    };

    /// <summary>A link as a fragment, for <see cref="Format"/>.</summary>
    public static RenderFragment Link(string href, string text) => builder =>
    {
        builder.OpenElement(0, "a");
        builder.AddAttribute(1, "href", href);
        builder.AddContent(2, text);
        builder.CloseElement();
    };

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
