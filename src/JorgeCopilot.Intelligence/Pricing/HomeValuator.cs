namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>One valuation: value with intervals, the biggest reasons, and the comparable sales behind it.</summary>
public static class HomeValuator
{
    public static Valuation Value(PriceModel model, HomeFeatures home, string? parcelId, int comparables = 8, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var date = asOf ?? model.Info.LastSale;
        var (estimate, factors) = model.Explain(home, date, parcelId);
        var comps = ComparableFinder.Find(model, home, date, parcelId, comparables);
        var reasons = factors.Take(4).Select(f => new PriceReason(f.Label, Describe(f), Math.Round(f.Percent * 100, 1))).ToList();
        return new Valuation(estimate, reasons, comps, date);
    }

    /// <summary>How many of the most alike sales a home without a location is placed at.</summary>
    public const int MarketPlacements = 30;

    /// <summary>
    /// A home described by its facts but not where it is: it is valued at the locations of the
    /// <see cref="MarketPlacements"/> most alike sales across the market (or its ZIP or neighbourhood when given without
    /// coordinates), and the value is the geometric mean. The intervals add the spread across those places to the
    /// model's conformal width, since not knowing where the home is adds that much doubt.
    /// </summary>
    public static Valuation ValueAnywhere(PriceModel model, HomeFeatures home, int comparables = 8, DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(home);
        var date = asOf ?? model.Info.LastSale;
        var places = ComparableFinder.Nearest(model, home, date, null, MarketPlacements);
        if (places.Count == 0)
        {
            return Value(model, home, null, comparables, date);
        }

        var logs = new double[places.Count];
        HomeFeatures At(int i)
        {
            var there = model.Index.Sales[places[i].Index].Home;
            return home with
            {
                Latitude = there.Latitude,
                Longitude = there.Longitude,
                Zip = home.Zip ?? there.Zip,
                Neighborhood = home.Neighborhood ?? there.Neighborhood,
                NeighborLivingSqft = double.IsNaN(home.NeighborLivingSqft) ? there.NeighborLivingSqft : home.NeighborLivingSqft,
                NeighborLotSqft = double.IsNaN(home.NeighborLotSqft) ? there.NeighborLotSqft : home.NeighborLotSqft,
            };
        }

        for (var i = 0; i < places.Count; i++)
        {
            logs[i] = model.LogValue(model.Features(At(i), date));
        }

        var mean = logs.Average();
        var spread = Math.Sqrt(logs.Sum(l => (l - mean) * (l - mean)) / Math.Max(1, logs.Length - 1));
        var half80 = Math.Sqrt(Math.Pow(model.Conformal.HalfWidth80, 2) + Math.Pow(1.2816 * spread, 2));
        var half95 = Math.Sqrt(Math.Pow(model.Conformal.HalfWidth95, 2) + Math.Pow(1.96 * spread, 2));
        var estimate = new PriceEstimate(Math.Exp(mean), Math.Exp(mean - half80), Math.Exp(mean + half80), Math.Exp(mean - half95), Math.Exp(mean + half95));
        var (_, factors) = model.Explain(At(0), date);
        var where = home.Zip ?? home.Neighborhood;
        var reasons = new List<PriceReason>
        {
            new("location", where is null
                ? $"location not given: valued at the places of the {places.Count} most alike sales across the market (from ${Math.Exp(logs.Min()):N0} to ${Math.Exp(logs.Max()):N0})"
                : $"exact location not given: valued at the places of the {places.Count} most alike sales in {where} (from ${Math.Exp(logs.Min()):N0} to ${Math.Exp(logs.Max()):N0})", 0),
        };
        reasons.AddRange(factors.Where(f => !IsLocation(f.Feature)).Take(3).Select(f => new PriceReason(f.Label, Describe(f), Math.Round(f.Percent * 100, 1))));
        var comps = ComparableFinder.Find(model, home, date, null, comparables);
        return new Valuation(estimate, reasons, comps, date);
    }

    private static bool IsLocation(string feature) => feature is "zip" or "latitude" or "longitude" or "rot_sum" or "rot_diff" or "neighborhood_log_ppsf"
        || feature.StartsWith("near", StringComparison.Ordinal) || feature.StartsWith("wide", StringComparison.Ordinal)
        || feature.StartsWith("zip_", StringComparison.Ordinal) || feature.StartsWith("neighbor_", StringComparison.Ordinal)
        || feature is "comparable_log_price" or "relative_size" or "relative_grade";

    private static string Describe(PriceFactor factor)
    {
        var v = factor.FeatureValue;
        var shown = factor.Text is { } text ? text : PricingFeatures.IsMissing(v) ? "unknown" : factor.Feature switch
        {
            "living_sqft" or "above_sqft" or "basement_sqft" or "lot_sqft" or "neighbor_living_sqft" or "neighbor_lot_sqft" => $"{v:N0} sq ft",
            "near_log_ppsf" or "near_median_log_ppsf" or "wide_log_ppsf" or "zip_log_ppsf" or "nearest_log_ppsf" or "neighborhood_log_ppsf" => $"${Math.Exp(v):N0}/sq ft",
            "near_log_price" or "near_implied_log_price" or "hedonic_log_price" or "comparable_log_price" or "wide_comparable_log_price" => $"${Math.Exp(v):N0}",
            "near_premium" or "wide_premium" => $"{Math.Exp(v) - 1:+0%;-0%}",
            "relative_size" => $"{Math.Exp(v) - 1:+0%;-0%} vs neighbours",
            "near_distance_km" => $"{v:F1} km",
            "sale_day" => "market level at the valuation date",
            _ => $"{v:0.##}",
        };
        var direction = factor.LogContribution >= 0 ? "raises" : "lowers";
        return $"{factor.Label} ({shown}) {direction} the value {Math.Abs(factor.Percent):P0}";
    }
}

/// <summary>A valuation as of <see cref="AsOf"/> (the latest sale date the model knows).</summary>
public sealed record Valuation(PriceEstimate Estimate, IReadOnlyList<PriceReason> Reasons, IReadOnlyList<Comparable> Comparables, DateOnly AsOf);

/// <summary>A plain-language reason and its effect in percent.</summary>
public sealed record PriceReason(string Factor, string Text, double EffectPercent);
