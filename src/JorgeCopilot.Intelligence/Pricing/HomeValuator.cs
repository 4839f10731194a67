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

    private static string Describe(PriceFactor factor)
    {
        var v = factor.FeatureValue;
        var shown = PricingFeatures.IsMissing(v) ? "unknown" : factor.Feature switch
        {
            "living_sqft" or "above_sqft" or "basement_sqft" or "lot_sqft" or "neighbor_living_sqft" or "neighbor_lot_sqft" => $"{v:N0} sq ft",
            "near_log_ppsf" or "near_median_log_ppsf" or "wide_log_ppsf" or "zip_log_ppsf" or "nearest_log_ppsf" => $"${Math.Exp(v):N0}/sq ft",
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
