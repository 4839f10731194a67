using System.Globalization;

namespace JorgeCopilot.Intelligence.Variants;

/// <summary>What the bandit knows of a lead: its segment facts. <see cref="Temperature"/> is hot, warm, cold or unknown.</summary>
public sealed record LeadFacts(string Temperature, string Stage, string Channel)
{
    public static string Band(double? probability, VariantsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return probability switch
        {
            null => "unknown",
            var p when p >= options.HotAbove => "hot",
            var p when p >= options.WarmAbove => "warm",
            _ => "cold",
        };
    }

    /// <summary>The segment key, e.g. "temperature=hot|stage=qualified", from the configured dimensions.</summary>
    public string Segment(VariantsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var parts = options.SegmentBy.Select(d => d.ToLowerInvariant() switch
        {
            "temperature" => $"temperature={Normalise(Temperature)}",
            "stage" => $"stage={Normalise(Stage)}",
            "channel" => $"channel={Normalise(Channel)}",
            var other => throw new InvalidOperationException($"Variants:SegmentBy has an unknown dimension '{other}'."),
        });
        var key = string.Join('|', parts);
        return key.Length == 0 ? "all" : key;
    }

    private static string Normalise(string value) =>
        string.IsNullOrWhiteSpace(value) ? "unknown" : value.Trim().ToLower(CultureInfo.InvariantCulture).Replace('|', '_').Replace('=', '_');
}
