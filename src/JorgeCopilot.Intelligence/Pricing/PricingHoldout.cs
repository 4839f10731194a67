namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>
/// The two documented splits and the held-out measurement. Random: 20% of parcels (SplitMix64 of the parcel number xor
/// seed 1 below 0.2) so repeat sales never straddle the split. Time-ordered: every sale before the cut-off date trains,
/// every sale on or after it tests.
/// </summary>
public static class PricingHoldout
{
    public const double TestShare = 0.2;
    public const ulong Seed = 1;

    public static (List<HomeSale> Train, List<HomeSale> Test) RandomSplit(IEnumerable<HomeSale> sales)
    {
        var train = new List<HomeSale>();
        var test = new List<HomeSale>();
        foreach (var sale in sales)
        {
            (ParcelHash.Uniform(sale.ParcelId, Seed) < TestShare ? test : train).Add(sale);
        }

        return (train, test);
    }

    public static (List<HomeSale> Train, List<HomeSale> Test) TimeSplit(IEnumerable<HomeSale> sales, DateOnly cutoff)
    {
        var all = sales.ToList();
        return (all.Where(s => s.SaleDate < cutoff).ToList(), all.Where(s => s.SaleDate >= cutoff).ToList());
    }

    /// <summary>Trains on <paramref name="train"/> only and measures on <paramref name="test"/>.</summary>
    public static HoldoutResult Evaluate(IReadOnlyList<HomeSale> train, IReadOnlyList<HomeSale> test, PriceModelOptions options, string prefix = "", IProgress<string>? progress = null,
        IReadOnlyDictionary<string, string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(test);
        var model = PriceModelBuilder.Train(train, options, progress, labels: labels);
        var scored = test.Where(s => s.Price > 0).ToList();
        var estimates = new PriceEstimate[scored.Count];
        Parallel.For(0, scored.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Threads }, i =>
            estimates[i] = model.Estimate(scored[i].Home, scored[i].SaleDate, scored[i].ParcelId));
        var actual = scored.Select(s => s.Price).ToArray();
        var predicted = estimates.Select(e => e.Value).ToArray();
        var metrics = PriceMetrics.Compute(actual, predicted, prefix);
        metrics[prefix + "coverage_80"] = ConformalCalibrator.Coverage(actual, estimates.Select(e => (e.Low80, e.High80)).ToArray());
        metrics[prefix + "coverage_95"] = ConformalCalibrator.Coverage(actual, estimates.Select(e => (e.Low95, e.High95)).ToArray());
        return new HoldoutResult(metrics, actual, predicted, model);
    }
}

/// <summary>Held-out metrics with the actual and predicted prices behind them (for charts).</summary>
public sealed record HoldoutResult(Dictionary<string, double> Metrics, double[] Actual, double[] Predicted, PriceModel Model);
