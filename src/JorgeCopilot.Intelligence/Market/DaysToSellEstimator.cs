namespace JorgeCopilot.Intelligence.Market;

/// <summary>
/// Days to sell. With a per-listing model (fitted from an imported export with list dates and prices) it predicts from
/// list/value. Without one it is market level: Zillow's mean days to pending for the metro in the same calendar month
/// (latest year available) plus median days to close, scaled by list/value with an assumed elasticity that the answer
/// names as an assumption.
/// </summary>
public sealed class DaysToSellEstimator(MarketData data)
{
    /// <summary>Assumed % change in days on market per 1% of list price above value, used only without listing data.</summary>
    public const double AssumedElasticity = 3.0;

    public async Task<DaysToSellEstimate?> EstimateAsync(string? region, DateOnly listingMonth, double listToValue, ListingDomModel? listingModel, CancellationToken cancellationToken)
    {
        var ratio = listToValue > 0 && !double.IsNaN(listToValue) ? listToValue : 1.0;
        if (listingModel is not null)
        {
            return new DaysToSellEstimate(Math.Round(listingModel.PredictDays(ratio)), null, null, null, ratio, "listing",
                $"per-listing model fitted on {listingModel.Listings} imported sold listings (elasticity {listingModel.Elasticity:F2})", listingModel.Curve);
        }

        var resolved = await data.ResolveRegionAsync(region, cancellationToken);
        if (resolved is null)
        {
            return null;
        }

        var pending = await data.ZillowAsync(resolved, "days_to_pending", cancellationToken);
        if (pending.Count == 0)
        {
            return null;
        }

        var sameMonth = pending.Where(p => p.Month.Month == listingMonth.Month).OrderByDescending(p => p.Month).FirstOrDefault();
        var basis = sameMonth.Month == default ? pending[^1] : sameMonth;
        var close = await data.ZillowAsync(resolved, "days_to_close", cancellationToken);
        var closeBasis = close.Where(p => p.Month == basis.Month).Select(p => (double?)p.Value).FirstOrDefault() ?? close.LastOrDefault().Value;
        var adjusted = basis.Value * Math.Exp(AssumedElasticity * Math.Log(ratio));
        return new DaysToSellEstimate(Math.Round(adjusted), Math.Round(basis.Value), closeBasis > 0 ? Math.Round(closeBasis) : null, basis.Month, ratio, "market",
            $"market level: Zillow mean days to pending for {resolved} in {basis.Month:MMMM yyyy}, adjusted for list/value {ratio:P0} with an assumed elasticity of {AssumedElasticity:F0} (no per-listing data imported)", null);
    }
}

/// <summary>
/// Days from listing to pending (<see cref="Days"/>), the unadjusted market figure and days from pending to close when
/// market level, the month the market figure comes from, and how it was made (<see cref="Basis"/> = "market" or "listing").
/// </summary>
public sealed record DaysToSellEstimate(
    double Days,
    double? MarketDaysToPending,
    double? DaysToClose,
    DateOnly? MarketMonth,
    double ListToValue,
    string Basis,
    string Method,
    IReadOnlyList<ElasticityBand>? Curve);
