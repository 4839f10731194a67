using System.Globalization;
using System.Text.RegularExpressions;

namespace JorgeCopilot.Core.Validation;

/// <summary>
/// The one rule set for inputs from callers, used by every endpoint and kernel plugin so the same mistake gets the same
/// answer everywhere: numbers finite and within plausible ranges (NaN, Infinity and 1e30 are refused, never computed
/// with), ZIPs of five digits, positive ids, limits within bounds. Each rule returns null or a message that names the
/// parameter and is safe to show.
/// </summary>
public static partial class InputRules
{
    public static readonly NumberRange Bedrooms = new("bedrooms", 0, 50);
    public static readonly NumberRange Bathrooms = new("bathrooms", 0, 50);
    public static readonly NumberRange Sqft = new("sqft", 1, 100_000);
    public static readonly NumberRange YearBuilt = new("yearBuilt", 1700, 2100);

    /// <summary>Dollars: from a parking spot to the dearest homes ever sold.</summary>
    public static readonly NumberRange ListPrice = new("listPrice", 1_000, 1_000_000_000);

    public static string? Zip(string? zip, string name = "zip") =>
        zip is null || ZipPattern().IsMatch(zip.Trim()) ? null : $"{name} must be a 5-digit ZIP code.";

    public static string? Id(long id, string name) => id > 0 ? null : $"{name} must be a positive id.";

    public static string? Limit(int? limit, int max, string name = "limit") =>
        limit is null || (limit >= 1 && limit <= max) ? null : $"{name} must be between 1 and {max}.";

    public static string? Text(string? text, int maxLength, string name, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return required ? $"{name} is required." : null;
        }

        return text.Length <= maxLength ? null : $"{name} must be at most {maxLength.ToString(CultureInfo.InvariantCulture)} characters (got {text.Length.ToString(CultureInfo.InvariantCulture)}).";
    }

    [GeneratedRegex(@"^\d{5}$")]
    private static partial Regex ZipPattern();
}

/// <summary>A number a caller may send: finite and between <see cref="Min"/> and <see cref="Max"/> inclusive.</summary>
public sealed record NumberRange(string Name, double Min, double Max)
{
    public string? Check(double? value) => value switch
    {
        null => null,
        { } v when !double.IsFinite(v) => $"{Name} must be a finite number.",
        { } v when v < Min || v > Max => $"{Name} must be between {Min.ToString("#,0.##", CultureInfo.InvariantCulture)} and {Max.ToString("#,0.##", CultureInfo.InvariantCulture)}.",
        _ => null,
    };
}

/// <summary>Failed rules keyed by parameter name (the shape of a validation problem's <c>errors</c>).</summary>
public sealed class InputErrors : Dictionary<string, string[]>
{
    public InputErrors()
        : base(StringComparer.Ordinal)
    {
    }

    public InputErrors Check(string name, string? error)
    {
        if (error is not null)
        {
            this[name] = TryGetValue(name, out var existing) ? [.. existing, error] : [error];
        }

        return this;
    }

    /// <summary>All messages in one line, for a plugin's answer or a problem's detail.</summary>
    public string Summary => string.Join(" ", Values.SelectMany(v => v));
}
