namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>
/// How <see cref="OutlierCleaner"/> flags a month: by its remainder after a robust trend and seasonal fit, against either
/// <paramref name="K"/> scaled MADs around the median (Hampel) or, with <paramref name="Iqr"/>, <paramref name="K"/>
/// interquartile ranges beyond the quartiles (forecast::tsoutliers). The last <paramref name="KeepLast"/> months are
/// never replaced.
/// </summary>
public sealed record OutlierRule(double K, bool Iqr, int KeepLast);

/// <summary>
/// Replaces one-off shocks and data glitches in a monthly history by its robust fit before the local methods see it, so a
/// single odd month bends neither a level nor a seasonal index. The fit works on logs: a running median of 13 months for
/// the trend and per-calendar-month medians of the detrended values for the season, twice (the second trend runs on the
/// deseasonalised series, so the short windows at the ends carry no seasonal bias). Medians throughout: the months being
/// hunted must not move the fit that judges them.
/// </summary>
public static class OutlierCleaner
{
    private const int Period = SeasonalNaive.Period;
    private const int HalfWindow = 6;

    /// <summary>The history with flagged months replaced by trend + season; a copy of it when too short to judge (under three years).</summary>
    public static double[] Clean(ReadOnlySpan<double> history, OutlierRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var result = history.ToArray();
        var n = history.Length;
        if (n < 3 * Period)
        {
            return result;
        }

        var log = LogScale.For(history);
        var y = log.To(history);
        var fit = Fit(y);
        var remainder = new double[n];
        for (var t = 0; t < n; t++)
        {
            remainder[t] = y[t] - fit[t];
        }

        var (low, high) = Limits(remainder, rule);
        for (var t = 0; t < n - rule.KeepLast; t++)
        {
            if (remainder[t] < low || remainder[t] > high)
            {
                result[t] = log.From(fit[t]);
            }
        }

        return result;
    }

    /// <summary>Robust trend + season of log values.</summary>
    internal static double[] Fit(double[] y)
    {
        var n = y.Length;
        var trend = RunningMedian(y);
        var season = SeasonalMedians(y, trend);
        var deseasonalised = new double[n];
        for (var t = 0; t < n; t++)
        {
            deseasonalised[t] = y[t] - season[t % Period];
        }

        trend = RunningMedian(deseasonalised);
        season = SeasonalMedians(y, trend);
        var fit = new double[n];
        for (var t = 0; t < n; t++)
        {
            fit[t] = trend[t] + season[t % Period];
        }

        return fit;
    }

    private static (double Low, double High) Limits(double[] remainder, OutlierRule rule)
    {
        var sorted = remainder.Order().ToArray();
        if (rule.Iqr)
        {
            var q1 = Quantile(sorted, 0.25);
            var q3 = Quantile(sorted, 0.75);
            return (q1 - rule.K * (q3 - q1), q3 + rule.K * (q3 - q1));
        }

        var median = Quantile(sorted, 0.5);
        var mad = 1.4826 * Median(remainder.Select(r => Math.Abs(r - median)).ToArray());
        return (median - rule.K * mad, median + rule.K * mad);
    }

    private static double[] RunningMedian(double[] y)
    {
        var result = new double[y.Length];
        for (var t = 0; t < y.Length; t++)
        {
            var from = Math.Max(0, t - HalfWindow);
            var to = Math.Min(y.Length - 1, t + HalfWindow);
            result[t] = Median(y[from..(to + 1)]);
        }

        return result;
    }

    private static double[] SeasonalMedians(double[] y, double[] trend)
    {
        var season = new double[Period];
        for (var m = 0; m < Period; m++)
        {
            var detrended = new List<double>();
            for (var t = m; t < y.Length; t += Period)
            {
                detrended.Add(y[t] - trend[t]);
            }

            season[m] = Median(detrended.ToArray());
        }

        return season;
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        return Quantile(values, 0.5);
    }

    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(sorted.Length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
