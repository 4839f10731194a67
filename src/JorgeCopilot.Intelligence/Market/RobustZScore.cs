using JorgeCopilot.Intelligence.Pricing;
using JorgeCopilot.Intelligence.Statistics;

namespace JorgeCopilot.Intelligence.Market;

/// <summary>Robust z-scores: 0.6745·(x − median)/MAD, which a few outliers cannot inflate the way they inflate a standard deviation.</summary>
public static class RobustZScore
{
    /// <summary>Above this |z| a point is flagged (Iglewicz and Hoaglin's usual cut-off).</summary>
    public const double Threshold = 3.5;

    public static double[] Compute(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return [];
        }

        var median = Stats.Median(values);
        var mad = Stats.Median(values.Select(v => Math.Abs(v - median)));
        if (mad < 1e-12)
        {
            // More than half the points are identical: anything different is infinitely surprising on this scale,
            // so fall back to the mean absolute deviation to keep scores finite and comparable.
            var meanAbs = values.Average(v => Math.Abs(v - median));
            return values.Select(v => meanAbs < 1e-12 ? 0 : (v - median) / (1.2533 * meanAbs)).ToArray();
        }

        return values.Select(v => 0.6745 * (v - median) / mad).ToArray();
    }
}
