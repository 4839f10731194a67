namespace JorgeCopilot.Intelligence.Market;

/// <summary>
/// Per-listing days on market against how the list price sits against the model's value, fitted from an imported
/// listing export: log(DOM + 1) = a + b·log(list / value) by least squares, plus an elasticity curve (DOM and share
/// sold per band of list/value).
/// </summary>
public sealed record ListingDomModel(double Intercept, double Elasticity, int Listings, IReadOnlyList<ElasticityBand> Curve)
{
    public const int MinimumListings = 20;

    private static readonly (double Low, double High, string Label)[] Bands =
    [
        (0, 0.97, "under 97% of value"),
        (0.97, 1.00, "97–100% of value"),
        (1.00, 1.03, "100–103% of value"),
        (1.03, 1.06, "103–106% of value"),
        (1.06, double.MaxValue, "over 106% of value"),
    ];

    public double PredictDays(double listToValue) => Math.Max(0, Math.Exp(Intercept + Elasticity * Math.Log(listToValue)) - 1);

    /// <summary>Fits the model; null when fewer than <see cref="MinimumListings"/> sold listings carry both dates and prices.</summary>
    public static ListingDomModel? Fit(IReadOnlyList<ListingObservation> listings)
    {
        ArgumentNullException.ThrowIfNull(listings);
        var sold = listings.Where(l => l.Sold && l.DaysOnMarket >= 0 && l.ListToValue > 0).ToList();
        if (sold.Count < MinimumListings)
        {
            return null;
        }

        var xs = sold.Select(l => Math.Log(l.ListToValue)).ToArray();
        var ys = sold.Select(l => Math.Log(l.DaysOnMarket + 1.0)).ToArray();
        var mx = xs.Average();
        var my = ys.Average();
        var sxx = xs.Sum(x => (x - mx) * (x - mx));
        var slope = sxx < 1e-12 ? 0 : xs.Select((x, i) => (x - mx) * (ys[i] - my)).Sum() / sxx;
        var curve = new List<ElasticityBand>();
        foreach (var (low, high, label) in Bands)
        {
            var inBand = listings.Where(l => l.ListToValue >= low && l.ListToValue < high).ToList();
            if (inBand.Count == 0)
            {
                continue;
            }

            var soldInBand = inBand.Where(l => l.Sold).Select(l => (double)l.DaysOnMarket).Order().ToArray();
            curve.Add(new ElasticityBand(label, inBand.Count, soldInBand.Length / (double)inBand.Count,
                soldInBand.Length > 0 ? soldInBand[soldInBand.Length / 2] : null));
        }

        return new ListingDomModel(my - slope * mx, slope, sold.Count, curve);
    }
}

/// <summary>One listing: list price against the model's value, days from listing to sale (or to now when unsold), and whether it sold.</summary>
public sealed record ListingObservation(double ListToValue, int DaysOnMarket, bool Sold);

/// <summary>Listings in one list/value band: how many, the share that sold, and their median days on market.</summary>
public sealed record ElasticityBand(string Band, int Listings, double ShareSold, double? MedianDays);
