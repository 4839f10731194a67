using System.Text.RegularExpressions;
using JorgeCopilot.Core.Properties;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.Market;
using JorgeCopilot.Intelligence.Statistics;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>
/// Valuations, list-price advice, days to sell and undervalued homes, over the champion price model and the store.
/// Every method returns a result or a plain reason (never throws for a home it cannot find).
/// </summary>
public sealed partial class PricingService(
    PriceModelProvider models,
    IDbContextFactory<JorgeDbContext> stores,
    MarketData market,
    DaysToSellEstimator daysToSell,
    ListingInsights listings,
    TimeProvider clock)
{
    public const string NoModelMessage = "No pricing model has been trained yet: run `jorge train pricing` (King County by default).";

    // Each model's typical home per ZIP, worked out once: the medians scan the whole pool, which cost more than the
    // valuation's own comparable search on every ZIP valuation.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PriceModel, System.Collections.Concurrent.ConcurrentDictionary<string, HomeFeatures?>> TypicalHomes = new();

    public async Task<PricingResult<Valuation>> EstimateAsync(HomeQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var loaded = await models.GetAsync(cancellationToken);
        if (loaded is null)
        {
            return PricingResult<Valuation>.Fail(PricingFailure.NoModel, NoModelMessage);
        }

        var subject = await ResolveAsync(loaded.Model, query, cancellationToken);
        if (subject.Error is { } error)
        {
            return PricingResult<Valuation>.Fail(PricingFailure.NotFound, error);
        }

        var home = subject.Subject!.Home;
        var valuation = home.HasLocation || subject.Subject.ParcelId is not null
            ? HomeValuator.Value(loaded.Model, home, subject.Subject.ParcelId)
            : HomeValuator.ValueAnywhere(loaded.Model, home);
        return PricingResult<Valuation>.Ok(valuation, subject.Subject, loaded.Version);
    }

    public async Task<PricingResult<ListPriceAdvice>> RecommendListPriceAsync(string address, CancellationToken cancellationToken)
    {
        var loaded = await models.GetAsync(cancellationToken);
        if (loaded is null)
        {
            return PricingResult<ListPriceAdvice>.Fail(PricingFailure.NoModel, NoModelMessage);
        }

        var resolved = await ResolveAsync(loaded.Model, new HomeQuery(address), cancellationToken);
        if (resolved.Error is { } error)
        {
            return PricingResult<ListPriceAdvice>.Fail(PricingFailure.NotFound, error);
        }

        var subject = resolved.Subject!;
        var valuation = HomeValuator.Value(loaded.Model, subject.Home, subject.ParcelId, comparables: 8);
        var context = await MarketContextAsync(cancellationToken);
        var saleToList = context.SaleToList ?? 1.0;
        var value = valuation.Estimate.Value;
        var point = RoundPrice(value / saleToList);
        var adjusted = valuation.Comparables.Select(c => c.AdjustedPrice).Order().ToArray();
        double low, high;
        if (adjusted.Length >= 5)
        {
            // The middle half of the comparables, kept inside the model's 80% interval.
            low = Math.Max(Stats.Quantile(adjusted, 0.25), valuation.Estimate.Low80);
            high = Math.Min(Stats.Quantile(adjusted, 0.75), valuation.Estimate.High80);
            if (low > value || high < value)
            {
                (low, high) = (Math.Min(low, value), Math.Max(high, value));
            }
        }
        else
        {
            var half = Math.Log(valuation.Estimate.High80 / value) / 2;
            (low, high) = (value * Math.Exp(-half), value * Math.Exp(half));
        }

        var domModel = await listings.DomModelAsync(loaded.Model, cancellationToken);
        var days = await daysToSell.EstimateAsync(MarketData.DefaultRegion, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), point / value, domModel, cancellationToken);
        var advice = new ListPriceAdvice(point, RoundPrice(low / saleToList), RoundPrice(high / saleToList), valuation, context, days);
        return PricingResult<ListPriceAdvice>.Ok(advice, subject, loaded.Version);
    }

    public async Task<PricingResult<DaysToSellEstimate>> EstimateDaysToSellAsync(string address, double? listPrice, CancellationToken cancellationToken)
    {
        if (listPrice is <= 0)
        {
            return PricingResult<DaysToSellEstimate>.Fail(PricingFailure.Invalid, "The list price must be a positive amount.");
        }

        var loaded = await models.GetAsync(cancellationToken);
        if (loaded is null)
        {
            return PricingResult<DaysToSellEstimate>.Fail(PricingFailure.NoModel, NoModelMessage);
        }

        var resolved = await ResolveAsync(loaded.Model, new HomeQuery(address), cancellationToken);
        if (resolved.Error is { } error)
        {
            return PricingResult<DaysToSellEstimate>.Fail(PricingFailure.NotFound, error);
        }

        var subject = resolved.Subject!;
        var value = loaded.Model.Estimate(subject.Home, loaded.Model.Info.LastSale, subject.ParcelId).Value;
        var context = await MarketContextAsync(cancellationToken);
        var ratio = (listPrice ?? value / (context.SaleToList ?? 1.0)) / value;
        var domModel = await listings.DomModelAsync(loaded.Model, cancellationToken);
        var days = await daysToSell.EstimateAsync(MarketData.DefaultRegion, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ratio, domModel, cancellationToken);
        return days is null
            ? PricingResult<DaysToSellEstimate>.Fail(PricingFailure.NoData, "No days-on-market data: seed the Zillow series (`jorge seed`) or import listings with list dates.")
            : PricingResult<DaysToSellEstimate>.Ok(days, subject, loaded.Version);
    }

    private static string UnknownZip(PriceModel model, string zip) =>
        $"The pricing model has no sales in ZIP {zip}; it covers {model.Index.Sales.Select(s => s.Home.Zip).Distinct().Count()} ZIP codes of its training data.";

    /// <summary>
    /// Homes whose last sale (out-of-fold value, so a home's own price never sets its value) or current asking price
    /// is below the model's 80% interval, deepest discount first. A last sale the model screened out as a likely
    /// non-market sale (a transfer at a fraction of value) is not an opportunity anyone could have taken, so it is left out.
    /// </summary>
    /// <param name="zips">Only homes in these ZIPs (a ZIP, or a city's ZIPs); null for the whole market.</param>
    public async Task<PricingResult<IReadOnlyList<UndervaluedHome>>> FindUndervaluedAsync(IReadOnlyCollection<string>? zips, int limit, CancellationToken cancellationToken)
    {
        var loaded = await models.GetAsync(cancellationToken);
        if (loaded is null)
        {
            return PricingResult<IReadOnlyList<UndervaluedHome>>.Fail(PricingFailure.NoModel, NoModelMessage);
        }

        var model = loaded.Model;
        // An unknown ZIP is the same mistake here as in a valuation, so it gets the same answer rather than an empty list.
        if (zips is { Count: 1 } && zips.First() is var zip && !model.Index.Sales.Any(s => s.Home.Zip == zip))
        {
            return PricingResult<IReadOnlyList<UndervaluedHome>>.Fail(PricingFailure.NotFound, UnknownZip(model, zip));
        }

        var found = new List<UndervaluedHome>();
        var hw80 = model.Conformal.HalfWidth80;
        if (model.HasOutOfFoldValues)
        {
            var latest = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < model.Index.Count; i++)
            {
                var s = model.Index.Sales[i];
                if ((zips is null || (s.Home.Zip is { } z && zips.Contains(z))) && (!latest.TryGetValue(s.ParcelId, out var j) || model.Index.Sales[j].SaleDate < s.SaleDate))
                {
                    latest[s.ParcelId] = i;
                }
            }

            foreach (var i in latest.Values)
            {
                var sale = model.Index.Sales[i];
                var value = model.OutOfFoldValue(i);
                var low = value * Math.Exp(-hw80);
                if (double.IsNaN(value) || sale.Price >= low || model.IsScreened(i))
                {
                    continue;
                }

                found.Add(Undervalued(model, sale.ParcelId, sale.Home, "last sale", sale.Price, sale.SaleDate, value, low, value * Math.Exp(hw80)));
            }
        }

        await using (var db = await stores.CreateDbContextAsync(cancellationToken))
        {
            var asking = await db.Sales.AsNoTracking().Include(s => s.Property)
                .Where(s => s.SalePrice == null && s.ListPrice != null && (zips == null || zips.Contains(s.Property!.Zip!)))
                .OrderByDescending(s => s.SaleDate).Take(500).ToListAsync(cancellationToken);
            foreach (var listing in asking)
            {
                var home = ToFeatures(listing.Property!);
                var estimate = model.Estimate(home, model.Info.LastSale, listing.Property!.ParcelId);
                if ((double)listing.ListPrice!.Value < estimate.Low80)
                {
                    found.Add(Undervalued(model, listing.Property.ParcelId, home, "asking price", (double)listing.ListPrice.Value, listing.ListDate ?? listing.SaleDate,
                        estimate.Value, estimate.Low80, estimate.High80));
                }
            }
        }

        if (!model.HasOutOfFoldValues && found.Count == 0)
        {
            return PricingResult<IReadOnlyList<UndervaluedHome>>.Fail(PricingFailure.NoData,
                "This pricing model has no out-of-fold values and no listings are in the store: retrain with `jorge train pricing`.");
        }

        var ranked = found.OrderByDescending(u => u.DiscountPercent).Take(Math.Clamp(limit, 1, 100)).ToList();
        return PricingResult<IReadOnlyList<UndervaluedHome>>.Ok(ranked, null, loaded.Version);
    }

    /// <summary>Sale-to-list context: Zillow's share sold above/below list for the metro and Redfin's national sale-to-list ratio.</summary>
    public async Task<MarketContext> MarketContextAsync(CancellationToken cancellationToken)
    {
        var region = await market.ResolveRegionAsync(MarketData.DefaultRegion, cancellationToken);
        MonthlyPoint? Last(IReadOnlyList<MonthlyPoint> s) => s.Count > 0 ? s[^1] : null;
        var above = region is null ? null : Last(await market.ZillowAsync(region, "pct_sold_above_list", cancellationToken));
        var below = region is null ? null : Last(await market.ZillowAsync(region, "pct_sold_below_list", cancellationToken));
        var ratio = Last(await market.RedfinAsync("avg_sale_to_list", cancellationToken));
        return new MarketContext(region, above?.Value, below?.Value, above?.Month, ratio?.Value, ratio?.Month);
    }

    private static UndervaluedHome Undervalued(PriceModel model, string parcelId, HomeFeatures home, string basis, double price, DateOnly date, double value, double low, double high)
    {
        var near = model.Index.Describe(home, parcelId);
        var reasons = new List<string>
        {
            $"{basis} ${price:N0} on {date:yyyy-MM-dd} is {1 - price / value:P0} below the model's value ${value:N0} (80% interval ${low:N0}–${high:N0})",
        };
        if (home.LivingSqft > 0 && !double.IsNaN(near.NearLogPpsf))
        {
            reasons.Add($"${price / home.LivingSqft:N0}/sq ft against ${Math.Exp(near.NearLogPpsf):N0}/sq ft for the 10 nearest sales");
        }

        if (!double.IsNaN(home.Grade) && !double.IsNaN(near.NearGrade))
        {
            reasons.Add($"grade {home.Grade:0} against a neighbourhood average of {near.NearGrade:0.0}");
        }

        return new UndervaluedHome(parcelId, home.Zip, basis, price, date, value, low, high, Math.Round((1 - price / value) * 100, 1), reasons);
    }

    /// <summary>Finds the home: a parcel id, a stored address, or a ZIP plus whatever facts were given (the rest from that ZIP's typical home).</summary>
    public async Task<(SubjectHome? Subject, string? Error)> ResolveAsync(PriceModel model, HomeQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(query);
        var text = query.Address?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            var parcel = ParcelPattern().Match(text);
            await using var db = await stores.CreateDbContextAsync(cancellationToken);
            Property? property = null;
            if (parcel.Success)
            {
                var id = parcel.Value;
                property = await db.Properties.AsNoTracking().Include(p => p.Sales).FirstOrDefaultAsync(p => p.ParcelId == id || p.ParcelId == id.PadLeft(10, '0'), cancellationToken);
                if (property is null && model.Index.Sales.LastOrDefault(s => s.ParcelId == id || s.ParcelId == id.PadLeft(10, '0')) is { } pooled)
                {
                    return (Override(new SubjectHome(pooled.Home, pooled.ParcelId, $"parcel {pooled.ParcelId}", "model sales"), query), null);
                }
            }
            else
            {
                var lowered = text.ToLowerInvariant();
                property = await db.Properties.AsNoTracking().Include(p => p.Sales)
                    .Where(p => p.Address != null && p.Address.ToLower().Contains(lowered))
                    .OrderBy(p => p.Address!.Length).FirstOrDefaultAsync(cancellationToken);
            }

            if (property is not null)
            {
                var listPrice = property.Sales.Where(s => s.SalePrice == null && s.ListPrice != null).OrderByDescending(s => s.SaleDate).Select(s => (double?)s.ListPrice).FirstOrDefault();
                return (Override(new SubjectHome(ToFeatures(property), property.ParcelId, property.Address ?? $"parcel {property.ParcelId}", "store", listPrice), query), null);
            }

            if (query.Zip is null)
            {
                return (null, $"I could not find \"{text}\". Give a parcel id (King County data has no street addresses) or a ZIP with beds, baths and square feet.");
            }
        }

        if (string.IsNullOrWhiteSpace(query.Zip))
        {
            return Described(model, query);
        }

        var zip = query.Zip.Trim();
        var typicalInZip = TypicalHomes.GetOrCreateValue(model).GetOrAdd(zip, z => TypicalHome(model, z));
        if (typicalInZip is null)
        {
            return (null, UnknownZip(model, zip));
        }

        return (Override(new SubjectHome(typicalInZip, null, $"a typical home in {zip}", "zip"), query), null);
    }

    private static HomeFeatures? TypicalHome(PriceModel model, string zip)
    {
        var inZip = model.Index.Sales.Where(s => s.Home.Zip == zip).Select(s => s.Home).ToList();
        if (inZip.Count == 0)
        {
            return null;
        }

        double Med(Func<HomeFeatures, double> f) => Stats.Median(inZip.Select(f));
        var typical = new HomeFeatures
        {
            Zip = zip,
            Latitude = Med(h => h.Latitude),
            Longitude = Med(h => h.Longitude),
            Bedrooms = Med(h => h.Bedrooms),
            Bathrooms = Med(h => h.Bathrooms),
            LivingSqft = Med(h => h.LivingSqft),
            LotSqft = Med(h => h.LotSqft),
            Floors = Med(h => h.Floors),
            YearBuilt = Med(h => h.YearBuilt),
            Condition = Med(h => h.Condition),
            Grade = Med(h => h.Grade),
            View = 0,
            Waterfront = 0,
            NeighborLivingSqft = Med(h => h.NeighborLivingSqft),
            NeighborLotSqft = Med(h => h.NeighborLotSqft),
        };
        return typical with { AboveSqft = typical.LivingSqft, BasementSqft = 0 };
    }

    /// <summary>
    /// A home described by its facts with no address or ZIP: valued across the whole market (see
    /// <see cref="HomeValuator.ValueAnywhere"/>) once its size is known; otherwise the answer asks for just that.
    /// Facts not given (grade, condition, lot, ...) are those of the market's median home.
    /// </summary>
    private static (SubjectHome? Subject, string? Error) Described(PriceModel model, HomeQuery query)
    {
        if (query.Sqft is null)
        {
            var given = query.Bedrooms is not null || query.Bathrooms is not null || query.YearBuilt is not null;
            return (null, given
                ? "How big is it? Give the living area in square feet (and its ZIP code if you know it) and I will value it against similar sales."
                : "Tell me which home: a parcel id, a stored address, or a ZIP code with beds, baths and square feet, or describe it (e.g. a 3 bed 2 bath 1500 sqft house built in 1990).");
        }

        var all = model.Index.Sales.Select(s => s.Home).ToList();
        double Med(Func<HomeFeatures, double> f) => Stats.Median(all.Select(f).Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN));
        var typical = new HomeFeatures
        {
            LotSqft = Med(h => h.LotSqft),
            Floors = Med(h => h.Floors),
            Condition = Med(h => h.Condition),
            Grade = Med(h => h.Grade),
            View = all.Any(h => !double.IsNaN(h.View)) ? 0 : double.NaN,
            Waterfront = all.Any(h => !double.IsNaN(h.Waterfront)) ? 0 : double.NaN,
            Bedrooms = Med(h => h.Bedrooms),
            Bathrooms = Med(h => h.Bathrooms),
            YearBuilt = Med(h => h.YearBuilt),
            BasementSqft = all.Any(h => !double.IsNaN(h.BasementSqft)) ? 0 : double.NaN,
        };
        var facts = string.Join(" ", new[]
        {
            query.Bedrooms is { } b ? $"{b:0.#} bed" : null,
            query.Bathrooms is { } ba ? $"{ba:0.##} bath" : null,
            $"{query.Sqft:N0} sq ft",
            query.YearBuilt is { } y ? $"built {y}" : null,
        }.Where(p => p is not null));
        return (Override(new SubjectHome(typical, null, $"a {facts} home (whole market)", "described"), query), null);
    }

    private static SubjectHome Override(SubjectHome subject, HomeQuery q)
    {
        var h = subject.Home;
        h = h with
        {
            Bedrooms = q.Bedrooms ?? h.Bedrooms,
            Bathrooms = q.Bathrooms ?? h.Bathrooms,
            LivingSqft = q.Sqft ?? h.LivingSqft,
            AboveSqft = q.Sqft is { } sq && (double.IsNaN(h.BasementSqft) || h.BasementSqft <= 0) ? sq : h.AboveSqft,
            YearBuilt = q.YearBuilt ?? h.YearBuilt,
        };
        return subject with { Home = h };
    }

    public static HomeFeatures ToFeatures(Property p)
    {
        ArgumentNullException.ThrowIfNull(p);
        static double N(double? v) => v ?? double.NaN;
        return new HomeFeatures
        {
            Zip = p.Zip,
            Latitude = N(p.Latitude),
            Longitude = N(p.Longitude),
            Bedrooms = N(p.Bedrooms),
            Bathrooms = N(p.Bathrooms),
            LivingSqft = N(p.LivingSqft),
            LotSqft = N(p.LotSqft),
            Floors = N(p.Floors),
            YearBuilt = N(p.YearBuilt),
            YearRenovated = N(p.YearRenovated),
            Condition = N(p.Condition),
            Grade = N(p.Grade),
            View = N(p.View),
            Waterfront = p.Waterfront is { } w ? (w ? 1 : 0) : double.NaN,
            AboveSqft = N(p.AboveSqft),
            BasementSqft = N(p.BasementSqft),
            NeighborLivingSqft = N(p.NeighborLivingSqft),
            NeighborLotSqft = N(p.NeighborLotSqft),
        };
    }

    private static double RoundPrice(double price) => price >= 1_000_000 ? Math.Round(price / 10_000) * 10_000 : Math.Round(price / 5_000) * 5_000;

    [GeneratedRegex(@"^\d{6,12}$")]
    private static partial Regex ParcelPattern();
}

/// <summary>What the caller said about the home.</summary>
public sealed record HomeQuery(string? Address = null, string? Zip = null, double? Bedrooms = null, double? Bathrooms = null, double? Sqft = null, int? YearBuilt = null);

/// <summary>A result, or the kind of failure (what endpoints map to a status) and the reason in words (what Jorge reads).</summary>
public sealed record PricingResult<T>(T? Value, string? Error, SubjectHome? Subject, int? ModelVersion)
{
    public PricingFailure? Failure { get; init; }

    public static PricingResult<T> Ok(T value, SubjectHome? subject, int version) => new(value, null, subject, version);

    public static PricingResult<T> Fail(PricingFailure failure, string error) => new(default, error, null, null) { Failure = failure };
}

/// <summary>Why a pricing question has no answer.</summary>
public enum PricingFailure
{
    /// <summary>No price model is trained yet.</summary>
    NoModel,

    /// <summary>The home, address or ZIP is not in the model's data.</summary>
    NotFound,

    /// <summary>The question itself is wrong (e.g. a list price that is not positive).</summary>
    Invalid,

    /// <summary>The store lacks the data this answer needs (market series, listings).</summary>
    NoData,
}

/// <summary>List price point and range, the valuation and comparables behind them, market context and days to sell.</summary>
public sealed record ListPriceAdvice(double ListPrice, double RangeLow, double RangeHigh, Valuation Valuation, MarketContext Market, DaysToSellEstimate? DaysToSell);

/// <summary>Latest sale-to-list context: metro shares sold above/below list (Zillow) and the national sale-to-list ratio (Redfin).</summary>
public sealed record MarketContext(string? Region, double? ShareSoldAboveList, double? ShareSoldBelowList, DateOnly? SharesMonth, double? SaleToList, DateOnly? SaleToListMonth);

/// <summary>A home priced below the model's 80% interval, with its reasons.</summary>
public sealed record UndervaluedHome(
    string ParcelId,
    string? Zip,
    string Basis,
    double Price,
    DateOnly Date,
    double ModelValue,
    double Low80,
    double High80,
    double DiscountPercent,
    IReadOnlyList<string> Reasons);
