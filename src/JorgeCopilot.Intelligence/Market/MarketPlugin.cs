using System.ComponentModel;
using System.Globalization;
using JorgeCopilot.Intelligence.Capabilities;
using Microsoft.SemanticKernel;

namespace JorgeCopilot.Intelligence.Market;

/// <summary>
/// Kernel plugin "Market": metro trends (with a chart of recent months) and investment alerts. Failures come back as a
/// <see cref="MarketMessage"/> the agent can relay.
/// </summary>
public sealed class MarketPlugin(MarketTrendsService trends, MarketData data, InvestmentAlertService alerts)
{
    private const int ChartMonths = 24;

    [KernelFunction("market_trends")]
    [Description("Market trends for a metro: latest level, month-over-month and year-over-year change, momentum, direction and anomalies per series.")]
    [Answer("market-trends", Title = "Market trends")]
    [FollowUp("Investment alerts", "show investment alerts")]
    [FollowUp("Undervalued homes", "find undervalued homes")]
    public async Task<object> MarketTrendsAsync(
        [Description("Metro name, e.g. \"Seattle, WA\"")] string region = MarketData.DefaultRegion,
        CancellationToken cancellationToken = default)
    {
        var report = await trends.AnalyzeAsync(region, cancellationToken);
        if (report is null || report.Trends.Count == 0)
        {
            return new MarketMessage($"No market series found for \"{region}\": seed the Zillow data (`jorge seed`) or name a metro such as \"Seattle, WA\".");
        }

        var items = report.Trends.Select(t => TrendItem.From(t.Source, t.Label, t.Trend)).ToList();
        return new TrendsAnswer(report.Region, items, await ChartAsync(report.Region, cancellationToken));
    }

    [KernelFunction("investment_alerts")]
    [Description("New investment alerts (undervalued homes, market turns and anomalies), ranked; each alert is raised only once.")]
    [Answer("property-list", Title = "Opportunities")]
    [FollowUp("Market trends", "housing market trends")]
    public async Task<object> InvestmentAlertsAsync(
        [Description("How many alerts to return")] int limit = 5,
        CancellationToken cancellationToken = default)
    {
        var scan = await alerts.RaiseAsync(limit, cancellationToken);
        if (scan.Raised.Count == 0)
        {
            var why = scan.AlreadyRaised > 0 ? $"all {scan.AlreadyRaised} current opportunities were already raised" : "no opportunities found";
            return new MarketMessage($"No new investment alerts: {why}.{(scan.Notes.Count > 0 ? " " + string.Join(" ", scan.Notes) : "")}");
        }

        return new AlertsAnswer(scan.Raised.Select(a => new AlertItem(a.Kind, a.Title, a.Detail, Math.Round(a.Score, 1))).ToList(), scan.AlreadyRaised);
    }

    /// <summary>Homes sold per month over the last two years: the series Jorge's business follows most directly.</summary>
    private async Task<ChartData?> ChartAsync(string region, CancellationToken cancellationToken)
    {
        var points = (await data.ZillowAsync(region, "sales_count", cancellationToken)).TakeLast(ChartMonths).ToList();
        if (points.Count < 2)
        {
            return null;
        }

        return new ChartData($"Homes sold per month, {region}",
            points.Select(p => p.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToList(),
            new Dictionary<string, IReadOnlyList<double>> { ["Homes sold"] = points.Select(p => p.Value).ToList() })
        {
            YLabel = "Homes sold",
        };
    }
}

/// <summary>A plain message instead of a result (no series, nothing new).</summary>
public sealed record MarketMessage(string Message);

public sealed record TrendsAnswer(string Region, IReadOnlyList<TrendItem> Trends, ChartData? Chart);

/// <summary>
/// One series' trend, formatted so units never mix: shares are shown as percentages and their changes in percentage
/// points; levels as numbers and their changes as relative percentages.
/// </summary>
public sealed record TrendItem(string Source, string Metric, string LatestMonth, string Latest, string? MonthOverMonth, string? YearOverYear, string Direction, string? Anomalies)
{
    public static TrendItem From(string source, string label, SeriesTrend trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var share = trend.Metric.StartsWith("pct_", StringComparison.Ordinal);
        return new TrendItem(source, label, trend.LatestMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            share ? (trend.Latest * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : Level(trend.Latest),
            Change(trend.Latest, trend.MonthOverMonth, share), Change(trend.Latest, trend.YearOverYear, share), trend.Direction,
            trend.Anomalies.Count == 0 ? null : string.Join(", ", trend.Anomalies.Select(a => a.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture))));
    }

    private static string Level(double value) =>
        Math.Abs(value) >= 1000 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string? Change(double latest, double? relative, bool share)
    {
        if (relative is not { } r)
        {
            return null;
        }

        if (!share)
        {
            return (r * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%";
        }

        // A share's change in points: the earlier level is latest / (1 + relative change).
        var points = (latest - latest / (1 + r)) * 100;
        return points.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " pts";
    }
}

public sealed record AlertsAnswer(IReadOnlyList<AlertItem> Alerts, int AlreadyRaised);

public sealed record AlertItem(string Kind, string Title, string Detail, double Score);
