namespace JorgeCopilot.Intelligence.Market;

/// <summary>Trends for a metro from the Zillow series, with Redfin's national tracker for inventory and sale-to-list.</summary>
public sealed class MarketTrendsService(MarketData data)
{
    private static readonly (string Metric, string Label)[] ZillowMetrics =
    [
        ("zhvi", "typical home value (ZHVI)"),
        ("sales_count", "homes sold"),
        ("days_to_pending", "days to pending"),
        ("pct_sold_above_list", "share sold above list"),
        ("pct_sold_below_list", "share sold below list"),
    ];

    private static readonly (string Metric, string Label)[] RedfinMetrics =
    [
        ("inventory", "national inventory"),
        ("median_dom", "national median days on market"),
        ("avg_sale_to_list", "national sale-to-list ratio"),
    ];

    public async Task<MarketTrendsReport?> AnalyzeAsync(string? region, CancellationToken cancellationToken)
    {
        var resolved = await data.ResolveRegionAsync(region, cancellationToken);
        if (resolved is null)
        {
            return null;
        }

        var trends = new List<NamedTrend>();
        foreach (var (metric, label) in ZillowMetrics)
        {
            if (SeriesTrend.Analyze(metric, await data.ZillowAsync(resolved, metric, cancellationToken)) is { } trend)
            {
                trends.Add(new NamedTrend("zillow", resolved, label, trend));
            }
        }

        foreach (var (metric, label) in RedfinMetrics)
        {
            if (SeriesTrend.Analyze(metric, await data.RedfinAsync(metric, cancellationToken)) is { } trend)
            {
                trends.Add(new NamedTrend("redfin", MarketData.RedfinRegion, label, trend));
            }
        }

        return new MarketTrendsReport(resolved, trends);
    }
}

/// <summary>All trends found for one region.</summary>
public sealed record MarketTrendsReport(string Region, IReadOnlyList<NamedTrend> Trends)
{
    public SeriesTrend? Get(string metric) => Trends.FirstOrDefault(t => t.Trend.Metric == metric)?.Trend;
}

public sealed record NamedTrend(string Source, string Region, string Label, SeriesTrend Trend);
