namespace JorgeCopilot.Intelligence.Market;

/// <summary>
/// Market share over time and positioning per brokerage (or agent) from sales that carry listing-side names.
/// Pure: the caller supplies the rows, so the same code serves the store and tests.
/// </summary>
public static class MarketShareAnalyzer
{
    public static MarketShareReport Analyze(IReadOnlyList<ListingSide> sales, string by = "brokerage", int top = 10)
    {
        ArgumentNullException.ThrowIfNull(sales);
        var named = sales.Where(s => !string.IsNullOrWhiteSpace(Key(s, by))).ToList();
        if (named.Count == 0)
        {
            return new MarketShareReport(by, 0, [], []);
        }

        var periods = named.GroupBy(s => Quarter(s.Date)).OrderBy(g => g.Key).Select(g =>
        {
            var total = g.Count();
            var volume = g.Sum(s => s.SalePrice ?? 0);
            var shares = g.GroupBy(s => Key(s, by)!).Select(b => new ShareRow(b.Key, b.Count(), b.Count() / (double)total,
                    volume > 0 ? b.Sum(s => s.SalePrice ?? 0) / volume : 0))
                .OrderByDescending(r => r.Share).ThenBy(r => r.Name, StringComparer.Ordinal).Take(top).ToList();
            return new SharePeriod(g.Key, total, shares);
        }).ToList();

        var marketRatio = Median(named.Where(s => s.SalePrice > 0 && s.ListPrice > 0).Select(s => s.SalePrice!.Value / s.ListPrice!.Value));
        var marketDom = Median(named.Where(s => s.DaysOnMarket is not null).Select(s => (double)s.DaysOnMarket!.Value));
        var positioning = named.GroupBy(s => Key(s, by)!).Select(g =>
        {
            var ratios = g.Where(s => s.SalePrice > 0 && s.ListPrice > 0).Select(s => s.SalePrice!.Value / s.ListPrice!.Value).ToList();
            var dom = Median(g.Where(s => s.DaysOnMarket is not null).Select(s => (double)s.DaysOnMarket!.Value));
            var ratio = Median(ratios);
            return new Positioning(g.Key, g.Count(), g.Count() / (double)named.Count,
                Median(g.Where(s => s.SalePrice > 0).Select(s => s.SalePrice!.Value)), ratio, dom,
                ratios.Count > 0 ? ratios.Count(r => r > 1) / (double)ratios.Count : null,
                ratio is { } r1 && marketRatio is { } m1 ? r1 - m1 : null,
                dom is { } d1 && marketDom is { } m2 ? d1 - m2 : null);
        }).OrderByDescending(p => p.Listings).ThenBy(p => p.Name, StringComparer.Ordinal).Take(top).ToList();
        return new MarketShareReport(by, named.Count, periods, positioning);
    }

    public static string Quarter(DateOnly date) => $"{date.Year}-Q{(date.Month - 1) / 3 + 1}";

    private static string? Key(ListingSide s, string by) => by == "agent" ? s.Agent : s.Brokerage;

    private static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>One sale or listing with its listing side.</summary>
public sealed record ListingSide(DateOnly Date, string? Brokerage, string? Agent, double? SalePrice, double? ListPrice, int? DaysOnMarket);

public sealed record MarketShareReport(string By, int Transactions, IReadOnlyList<SharePeriod> Periods, IReadOnlyList<Positioning> Positioning);

public sealed record SharePeriod(string Period, int Transactions, IReadOnlyList<ShareRow> Shares);

public sealed record ShareRow(string Name, int Transactions, double Share, double VolumeShare);

/// <summary>How one brokerage (or agent) sells against the market: price, sale-to-list, days on market, and differences from the market median.</summary>
public sealed record Positioning(
    string Name,
    int Listings,
    double Share,
    double? MedianPrice,
    double? MedianSaleToList,
    double? MedianDaysOnMarket,
    double? ShareAboveList,
    double? SaleToListVsMarket,
    double? DaysVsMarket);
