using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Intelligence.Market;

/// <summary>Reads the monthly market series (Zillow, Redfin) from the store and resolves region names.</summary>
public sealed class MarketData(IDbContextFactory<JorgeDbContext> stores)
{
    public const string Zillow = "zillow";
    public const string Redfin = "redfin";
    public const string DefaultRegion = "Seattle, WA";
    public const string RedfinRegion = "National";
    public const string RedfinSegment = "All Residential|nsa";

    /// <summary>Zillow region whose name matches <paramref name="region"/> exactly or by prefix/containment ("seattle" → "Seattle, WA").</summary>
    public async Task<string?> ResolveRegionAsync(string? region, CancellationToken cancellationToken)
    {
        var wanted = string.IsNullOrWhiteSpace(region) ? DefaultRegion : region.Trim();
        await using var db = await stores.CreateDbContextAsync(cancellationToken);
        var names = await db.MarketSeries.Where(p => p.Source == Zillow).Select(p => p.Region).Distinct().ToListAsync(cancellationToken);
        return names.FirstOrDefault(n => string.Equals(n, wanted, StringComparison.OrdinalIgnoreCase))
            ?? names.Where(n => n.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)).OrderBy(n => n.Length).FirstOrDefault()
            ?? names.Where(n => n.Contains(wanted, StringComparison.OrdinalIgnoreCase)).OrderBy(n => n.Length).FirstOrDefault()
            ?? (wanted.Equals("king county", StringComparison.OrdinalIgnoreCase) || wanted.Equals("us", StringComparison.OrdinalIgnoreCase)
                ? names.FirstOrDefault(n => n == (wanted.Length == 2 ? "United States" : DefaultRegion))
                : null);
    }

    public async Task<IReadOnlyList<MonthlyPoint>> SeriesAsync(string source, string region, string segment, string metric, CancellationToken cancellationToken)
    {
        await using var db = await stores.CreateDbContextAsync(cancellationToken);
        var rows = await db.MarketSeries.AsNoTracking()
            .Where(p => p.Source == source && p.Region == region && p.Segment == segment && p.Metric == metric)
            .Select(p => new { p.Month, p.Value })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new MonthlyPoint(r.Month, r.Value)).OrderBy(p => p.Month).ToList();
    }

    public Task<IReadOnlyList<MonthlyPoint>> ZillowAsync(string region, string metric, CancellationToken cancellationToken) =>
        SeriesAsync(Zillow, region, "", metric, cancellationToken);

    public Task<IReadOnlyList<MonthlyPoint>> RedfinAsync(string metric, CancellationToken cancellationToken) =>
        SeriesAsync(Redfin, RedfinRegion, RedfinSegment, metric, cancellationToken);
}
