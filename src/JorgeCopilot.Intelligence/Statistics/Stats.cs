namespace JorgeCopilot.Intelligence.Statistics;

/// <summary>The one median and quantile every capability uses.</summary>
public static class Stats
{
    /// <summary>Median of the non-NaN values (NaN when there are none).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Linear-interpolated quantile (q in [0,1]) of values already sorted ascending; NaN when empty.</summary>
    public static double Quantile(IReadOnlyList<double> sortedValues, double q)
    {
        ArgumentNullException.ThrowIfNull(sortedValues);
        if (sortedValues.Count == 0)
        {
            return double.NaN;
        }

        var pos = q * (sortedValues.Count - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sortedValues.Count - 1);
        return sortedValues[lo] + (sortedValues[hi] - sortedValues[lo]) * (pos - lo);
    }
}
