namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>
/// Split-conformal intervals on the log-price scale: the half-width for coverage 1-α is the
/// ⌈(n+1)(1-α)⌉-th smallest absolute calibration residual, which guarantees marginal coverage ≥ 1-α for exchangeable data.
/// </summary>
public static class ConformalCalibrator
{
    /// <summary>Half-width (in log price) for the given nominal coverage, from absolute residuals on calibration sales.</summary>
    public static double HalfWidth(IReadOnlyCollection<double> absoluteResiduals, double coverage)
    {
        ArgumentNullException.ThrowIfNull(absoluteResiduals);
        if (absoluteResiduals.Count == 0)
        {
            throw new ArgumentException("Conformal calibration needs at least one residual.", nameof(absoluteResiduals));
        }

        if (coverage is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(coverage), "Coverage must be strictly between 0 and 1.");
        }

        var sorted = absoluteResiduals.Select(Math.Abs).Order().ToArray();
        var n = sorted.Length;
        var rank = (int)Math.Ceiling((n + 1) * coverage);
        // With too few calibration points the guaranteed quantile is infinite; use the largest residual and let the
        // measured coverage say how well that worked.
        return rank > n ? sorted[^1] : sorted[rank - 1];
    }

    /// <summary>Share of actual prices inside [low, high].</summary>
    public static double Coverage(IReadOnlyList<double> actual, IReadOnlyList<(double Low, double High)> intervals)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(intervals);
        if (actual.Count != intervals.Count || actual.Count == 0)
        {
            throw new ArgumentException("Need one interval per actual price.", nameof(intervals));
        }

        var inside = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            if (actual[i] >= intervals[i].Low && actual[i] <= intervals[i].High)
            {
                inside++;
            }
        }

        return inside / (double)actual.Count;
    }
}
