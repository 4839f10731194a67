using JorgeCopilot.Intelligence.Statistics;

namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>Accuracy of price predictions on held-out sales, in the names the eval report uses.</summary>
public static class PriceMetrics
{
    public static Dictionary<string, double> Compute(IReadOnlyList<double> actual, IReadOnlyList<double> predicted, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        if (actual.Count != predicted.Count || actual.Count == 0)
        {
            throw new ArgumentException("Actual and predicted prices must be non-empty and of equal length.", nameof(predicted));
        }

        var ape = new double[actual.Count];
        double ssRes = 0, ssTot = 0;
        var meanLog = actual.Average(Math.Log);
        for (var i = 0; i < actual.Count; i++)
        {
            ape[i] = Math.Abs(predicted[i] - actual[i]) / actual[i];
            var residual = Math.Log(actual[i]) - Math.Log(predicted[i]);
            ssRes += residual * residual;
            ssTot += (Math.Log(actual[i]) - meanLog) * (Math.Log(actual[i]) - meanLog);
        }

        return new Dictionary<string, double>
        {
            [prefix + "mdape"] = Stats.Median(ape),
            [prefix + "mape"] = ape.Average(),
            [prefix + "within_5"] = ape.Count(e => e <= 0.05) / (double)ape.Length,
            [prefix + "within_10"] = ape.Count(e => e <= 0.10) / (double)ape.Length,
            [prefix + "within_20"] = ape.Count(e => e <= 0.20) / (double)ape.Length,
            // R² on the log scale the model is fitted on: dollar-scale R² is dominated by a handful of mansions.
            [prefix + "r2"] = 1 - ssRes / ssTot,
        };
    }
}
