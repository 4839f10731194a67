namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>Simulated monthly commission paths (path × month) and what they were built from.</summary>
public sealed record RevenueSimulation(
    DateOnly AsOf,
    IReadOnlyList<DateOnly> Months,
    double[][] Paths,
    double[] PipelineExpected,
    double[] BaselineExpected,
    double MarketShare,
    StageProbabilities Stages,
    SeriesForecast Market,
    int OpenDeals)
{
    public double[] MonthQuantile(double q) =>
        Enumerable.Range(0, Months.Count).Select(m => Quantile(Paths.Select(p => p[m]), q)).ToArray();

    /// <summary>Each path's total over the first <paramref name="months"/> months.</summary>
    public double[] Totals(int months) => Paths.Select(p => p.Take(months).Sum()).ToArray();

    public static double Quantile(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(sorted.Length - 1, low + 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
