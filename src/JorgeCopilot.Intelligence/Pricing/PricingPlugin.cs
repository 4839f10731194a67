using System.ComponentModel;
using JorgeCopilot.Core.Validation;
using JorgeCopilot.Intelligence.Market;
using Microsoft.SemanticKernel;

namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>
/// Kernel plugin "Pricing": home values with intervals, list-price advice, days to sell, undervalued homes, market
/// trends and investment alerts. Failures come back as a <see cref="PricingMessage"/> the agent can relay.
/// </summary>
public sealed class PricingPlugin(PricingService pricing, MarketTrendsService trends, InvestmentAlertService alerts, CompetitiveIntelligence competition)
{
    /// <summary>Said in list-price answers when no competitor listing export has been imported.</summary>
    public const string NoCompetitorData = "no competitor listing data imported (import an MLS or brokerage export: jorge import listings <file> --map <map>)";

    [KernelFunction("estimate_value")]
    [Description("Estimates what a home is worth with 80% and 95% ranges, the top reasons and how many comparable sales support it.")]
    public async Task<object> EstimateValueAsync(
        [Description("Parcel id or stored street address of the home")] string? address = null,
        [Description("5-digit ZIP code (use with the home's facts when there is no address)")] string? zip = null,
        [Description("Bedrooms")] double? bedrooms = null,
        [Description("Bathrooms")] double? bathrooms = null,
        [Description("Living area in square feet")] double? sqft = null,
        [Description("Year built")] int? yearBuilt = null,
        CancellationToken cancellationToken = default)
    {
        var invalid = new InputErrors()
            .Check("zip", InputRules.Zip(zip))
            .Check("bedrooms", InputRules.Bedrooms.Check(bedrooms))
            .Check("bathrooms", InputRules.Bathrooms.Check(bathrooms))
            .Check("sqft", InputRules.Sqft.Check(sqft))
            .Check("yearBuilt", InputRules.YearBuilt.Check(yearBuilt));
        if (invalid.Count > 0)
        {
            return new PricingMessage(invalid.Summary);
        }

        var result = await pricing.EstimateAsync(new HomeQuery(address, zip, bedrooms, bathrooms, sqft, yearBuilt), cancellationToken);
        if (result.Value is not { } v)
        {
            return new PricingMessage(result.Error!);
        }

        return new ValueAnswer(result.Subject!.Label, Round(v.Estimate.Value), Round(v.Estimate.Low80), Round(v.Estimate.High80),
            Round(v.Estimate.Low95), Round(v.Estimate.High95), v.Reasons.Take(3).Select(r => r.Text).ToList(), v.Comparables.Count,
            v.AsOf, result.ModelVersion ?? 0);
    }

    [KernelFunction("recommend_list_price")]
    [Description("Recommends a list price and range for a home from the model and 5–10 comparable recent sales, with sale-to-list context and a days-to-sell estimate.")]
    public async Task<object> RecommendListPriceAsync(
        [Description("Parcel id or stored street address of the home")] string address,
        CancellationToken cancellationToken = default)
    {
        var result = await pricing.RecommendListPriceAsync(address, cancellationToken);
        if (result.Value is not { } a)
        {
            return new PricingMessage(result.Error!);
        }

        var comps = a.Valuation.Comparables.Select(c => new ComparableAnswer(c.ParcelId, c.SaleDate, Round(c.Price), c.DistanceKm, c.Bedrooms, c.Bathrooms, c.LivingSqft, Round(c.AdjustedPrice))).ToList();
        var share = await competition.AnalyzeAsync("brokerage", null, null, cancellationToken);
        var competitors = share.Transactions == 0
            ? NoCompetitorData
            : $"top brokerages in {share.Transactions} imported listings: " + string.Join(", ", share.Positioning.OrderByDescending(p => p.Share).Take(3).Select(p => $"{p.Name} {p.Share:P0}"));
        return new ListPriceAnswer(result.Subject!.Label, a.ListPrice, a.RangeLow, a.RangeHigh, Round(a.Valuation.Estimate.Value), comps,
            a.Market.SaleToList, a.Market.ShareSoldAboveList, a.Market.ShareSoldBelowList, a.Market.Region,
            a.DaysToSell?.Days, a.DaysToSell?.Basis, competitors, a.DaysToSell?.Method ?? "no days-on-market data in the store", result.ModelVersion ?? 0);
    }

    [KernelFunction("estimate_days_to_sell")]
    [Description("Estimates how many days a home takes to go pending at a list price (market level unless listing data was imported).")]
    public async Task<object> EstimateDaysToSellAsync(
        [Description("Parcel id or stored street address of the home")] string address,
        [Description("Planned list price in dollars; defaults to the recommended price")] double? listPrice = null,
        CancellationToken cancellationToken = default)
    {
        if (InputRules.ListPrice.Check(listPrice) is { } invalid)
        {
            return new PricingMessage(invalid);
        }

        var result = await pricing.EstimateDaysToSellAsync(address, listPrice, cancellationToken);
        return result.Value is { } d
            ? new DaysAnswer(result.Subject!.Label, d.Days, d.DaysToClose, Math.Round(d.ListToValue, 3), d.Basis, d.Method)
            : new PricingMessage(result.Error!);
    }

    [KernelFunction("find_undervalued")]
    [Description("Finds homes whose sale or asking price is below the model's 80% value range, deepest discount first.")]
    public async Task<object> FindUndervaluedAsync(
        [Description("Limit to this ZIP code")] string? zip = null,
        [Description("How many homes to return")] int limit = 5,
        CancellationToken cancellationToken = default)
    {
        var invalid = new InputErrors().Check("zip", InputRules.Zip(zip)).Check("limit", InputRules.Limit(limit, 100));
        if (invalid.Count > 0)
        {
            return new PricingMessage(invalid.Summary);
        }

        var result = await pricing.FindUndervaluedAsync(zip, limit, cancellationToken);
        if (result.Value is not { } homes)
        {
            return new PricingMessage(result.Error!);
        }

        return homes.Count == 0
            ? new PricingMessage(zip is null ? "No home is priced below the model's 80% range." : $"No home in {zip} is priced below the model's 80% range.")
            : new UndervaluedAnswer(homes.Select(h => new UndervaluedItem(h.ParcelId, h.Zip, h.Basis, Round(h.Price), h.Date, Round(h.ModelValue), h.DiscountPercent, h.Reasons[0])).ToList());
    }

    [KernelFunction("market_trends")]
    [Description("Market trends for a metro: month-over-month and year-over-year change, momentum, inventory and days-on-market direction, anomalies.")]
    public async Task<object> MarketTrendsAsync(
        [Description("Metro name, e.g. \"Seattle, WA\"")] string region = "Seattle, WA",
        CancellationToken cancellationToken = default)
    {
        var report = await trends.AnalyzeAsync(region, cancellationToken);
        if (report is null || report.Trends.Count == 0)
        {
            return new PricingMessage($"No market series found for \"{region}\": seed the Zillow data (`jorge seed`) or name a metro such as \"Seattle, WA\".");
        }

        return new TrendsAnswer(report.Region, report.Trends.Select(t => new TrendItem(t.Source, t.Label, t.Trend.LatestMonth, Math.Round(t.Trend.Latest, 4),
            Pct(t.Trend.MonthOverMonth), Pct(t.Trend.YearOverYear), Pct(t.Trend.Momentum), t.Trend.Direction,
            t.Trend.Anomalies.Select(a => $"{a.Month:yyyy-MM} z={a.RobustZ:0.0}").ToList())).ToList());
    }

    [KernelFunction("investment_alerts")]
    [Description("New investment alerts (undervalued homes, market turns and anomalies), ranked; each alert is raised only once.")]
    public async Task<object> InvestmentAlertsAsync(
        [Description("How many alerts to return")] int limit = 5,
        CancellationToken cancellationToken = default)
    {
        var scan = await alerts.RaiseAsync(limit, cancellationToken);
        if (scan.Raised.Count == 0)
        {
            var why = scan.AlreadyRaised > 0 ? $"all {scan.AlreadyRaised} current opportunities were already raised" : "no opportunities found";
            return new PricingMessage($"No new investment alerts: {why}.{(scan.Notes.Count > 0 ? " " + string.Join(" ", scan.Notes) : "")}");
        }

        return new AlertsAnswer(scan.Raised.Select(a => new AlertItem(a.Kind, a.Title, a.Detail, Math.Round(a.Score, 1))).ToList(), scan.AlreadyRaised);
    }

    private static double Round(double value) => Math.Round(value / 1000) * 1000;

    private static double? Pct(double? value) => value is { } v ? Math.Round(v * 100, 2) : null;
}

/// <summary>A plain message instead of a result (unknown home, no model, no data).</summary>
public sealed record PricingMessage(string Message);

public sealed record ValueAnswer(string Home, double Value, double Low80, double High80, double Low95, double High95, IReadOnlyList<string> TopReasons, int ComparablesCount, DateOnly AsOf, int ModelVersion);

public sealed record ComparableAnswer(string ParcelId, DateOnly SaleDate, double Price, double DistanceKm, double Bedrooms, double Bathrooms, double Sqft, double AdjustedPrice);

public sealed record ListPriceAnswer(
    string Home,
    double ListPrice,
    double RangeLow,
    double RangeHigh,
    double ModelValue,
    IReadOnlyList<ComparableAnswer> Comparables,
    double? SaleToListRatio,
    double? ShareSoldAboveList,
    double? ShareSoldBelowList,
    string? MarketRegion,
    double? DaysToSell,
    string? DaysToSellBasis,
    string Competitors,
    string DaysToSellMethod,
    int ModelVersion);

public sealed record DaysAnswer(string Home, double Days, double? DaysToClose, double ListToValue, string Basis, string Method);

public sealed record UndervaluedAnswer(IReadOnlyList<UndervaluedItem> Homes);

public sealed record UndervaluedItem(string ParcelId, string? Zip, string Basis, double Price, DateOnly Date, double ModelValue, double DiscountPercent, string Reason);

public sealed record TrendsAnswer(string Region, IReadOnlyList<TrendItem> Trends);

public sealed record TrendItem(string Source, string Metric, DateOnly LatestMonth, double Latest, double? MomPercent, double? YoyPercent, double? MomentumPercent, string Direction, IReadOnlyList<string> Anomalies);

public sealed record AlertsAnswer(IReadOnlyList<AlertItem> Alerts, int AlreadyRaised);

public sealed record AlertItem(string Kind, string Title, string Detail, double Score);
