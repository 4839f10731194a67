using System.ComponentModel;
using JorgeCopilot.Core.Validation;
using JorgeCopilot.Intelligence.Capabilities;
using JorgeCopilot.Intelligence.Market;
using Microsoft.SemanticKernel;

namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>
/// Kernel plugin "Pricing": home values with intervals, list-price advice, days to sell and undervalued homes. Failures come back as a <see cref="PricingMessage"/> the agent can relay.
/// </summary>
public sealed class PricingPlugin(PricingService pricing, CompetitiveIntelligence competition, ZipCities cities)
{
    /// <summary>Said in list-price answers when no competitor listing export has been imported.</summary>
    public const string NoCompetitorData = "no competitor listing data imported (import an MLS or brokerage export: jorge import listings <file> --map <map>)";

    [KernelFunction("estimate_value")]
    [Description("Estimates what a home is worth with 80% and 95% ranges, the top reasons and how many comparable sales support it; a home described only by its facts (beds, baths, sqft, year) is valued across the whole market.")]
    [Answer("price-range", Title = "Price range", HeadlineFigures = 3, Money = ["Low80", "High80", "Low95", "High95"])]
    [NeedsOneOf("address", "zip", "sqft")]
    [FollowUp("List price?", "what should i list it at")]
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
    [Answer("price-range", Title = "Price range", HeadlineFigures = 3, TableTitle = "Comparable sales", Money = ["RangeLow", "RangeHigh"])]
    [FollowUp("Market trends", "housing market trends")]
    [FollowUp("Undervalued homes", "find undervalued homes")]
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
    [Answer("days-to-sell", Title = "Days to sell", HeadlineFigures = 2)]
    [FollowUp("Market trends", "housing market trends")]
    [FollowUp("Undervalued homes", "find undervalued homes")]
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
    [Answer("property-list", Title = "Opportunities", ItemFunction = "estimate_value")]
    [FollowUp("Market trends", "housing market trends")]
    public async Task<object> FindUndervaluedAsync(
        [Description("Limit to this ZIP code")] string? zip = null,
        [Description("Limit to this city's ZIP codes, e.g. \"Seattle\"")] string? city = null,
        [Description("How many homes to return")] int limit = 5,
        CancellationToken cancellationToken = default)
    {
        var invalid = new InputErrors().Check("zip", InputRules.Zip(zip)).Check("limit", InputRules.Limit(limit, 100));
        if (invalid.Count > 0)
        {
            return new PricingMessage(invalid.Summary);
        }

        IReadOnlyCollection<string>? zips = zip is not null ? [zip] : null;
        if (zip is null && city is not null)
        {
            zips = cities.ZipsOf(city);
            if (zips is null)
            {
                return new PricingMessage($"I don't know which ZIP codes make up {city}; name a ZIP code instead.");
            }
        }

        var result = await pricing.FindUndervaluedAsync(zips, limit, cancellationToken);
        if (result.Value is not { } homes)
        {
            return new PricingMessage(result.Error!);
        }

        var where = zip ?? city;
        return homes.Count == 0
            ? new PricingMessage(where is null ? "No home is priced below the model's 80% range." : $"No home in {where} is priced below the model's 80% range.")
            : new UndervaluedAnswer(homes.Select(h => new UndervaluedItem(h.ParcelId, h.Zip, h.Basis, Round(h.Price), h.Date, Round(h.ModelValue), h.DiscountPercent, h.Reasons[0])).ToList());
    }

    private static double Round(double value) => Math.Round(value / 1000) * 1000;

}

/// <summary>A plain message instead of a result (unknown home, no model, no data).</summary>
public sealed record PricingMessage(string Message);

public sealed record ValueAnswer(string Home, double Value, double Low80, double High80, double Low95, double High95, IReadOnlyList<string> TopReasons, int ComparablesCount, DateOnly AsOf, int ModelVersion);

public sealed record ComparableAnswer(string ParcelId, DateOnly SaleDate, double Price, double? DistanceKm, double Bedrooms, double Bathrooms, double Sqft, double AdjustedPrice);

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
