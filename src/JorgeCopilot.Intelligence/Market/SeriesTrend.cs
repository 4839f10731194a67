namespace JorgeCopilot.Intelligence.Market;

/// <summary>
/// Direction and surprises of one monthly series: month-over-month and year-over-year change, momentum (the latest
/// 3-month change, annualised, minus the year-over-year change: positive means accelerating), and anomalies: months
/// whose residual from a seasonal fit (month-of-year means after a 12-month moving-average trend) has a robust |z| above 3.5.
/// </summary>
public sealed record SeriesTrend(
    string Metric,
    DateOnly LatestMonth,
    double Latest,
    double? MonthOverMonth,
    double? YearOverYear,
    double? Momentum,
    string Direction,
    IReadOnlyList<SeriesAnomaly> Anomalies)
{
    public static SeriesTrend? Analyze(string metric, IReadOnlyList<MonthlyPoint> points, int anomalyLookbackMonths = 24)
    {
        ArgumentNullException.ThrowIfNull(points);
        var series = points.Where(p => !double.IsNaN(p.Value)).OrderBy(p => p.Month).ToArray();
        if (series.Length == 0)
        {
            return null;
        }

        var latest = series[^1];
        double? Change(int monthsBack)
        {
            var target = latest.Month.AddMonths(-monthsBack);
            var match = series.LastOrDefault(p => p.Month == target);
            return match.Month == target && match.Value != 0 ? latest.Value / match.Value - 1 : null;
        }

        var mom = Change(1);
        var yoy = Change(12);
        var three = Change(3);
        double? momentum = three is { } t && yoy is { } y ? Math.Pow(1 + t, 4) - 1 - y : null;
        var direction = yoy switch
        {
            null => mom is > 0 ? "rising" : mom is < 0 ? "falling" : "flat",
            > 0.01 => "rising",
            < -0.01 => "falling",
            _ => "flat",
        };
        return new SeriesTrend(metric, latest.Month, latest.Value, mom, yoy, momentum, direction, FindAnomalies(series, anomalyLookbackMonths));
    }

    /// <summary>Residuals of a seasonal fit scored by robust z; returns flagged months inside the look-back window.</summary>
    public static IReadOnlyList<SeriesAnomaly> FindAnomalies(IReadOnlyList<MonthlyPoint> series, int lookbackMonths)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count < 24)
        {
            return [];
        }

        var values = series.Select(p => p.Value).ToArray();
        var trend = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            // Centred 12-month moving average, shrinking the window at the ends.
            var lo = Math.Max(0, i - 6);
            var hi = Math.Min(values.Length - 1, i + 6);
            trend[i] = values[lo..(hi + 1)].Average();
        }

        var detrended = values.Select((v, i) => v - trend[i]).ToArray();
        var seasonal = new double[12];
        for (var m = 0; m < 12; m++)
        {
            var same = detrended.Where((_, i) => series[i].Month.Month == m + 1).ToArray();
            seasonal[m] = same.Length > 0 ? same.Average() : 0;
        }

        var residuals = detrended.Select((d, i) => d - seasonal[series[i].Month.Month - 1]).ToArray();
        var z = RobustZScore.Compute(residuals);
        var cutoff = series[^1].Month.AddMonths(-lookbackMonths);
        var flagged = new List<SeriesAnomaly>();
        for (var i = 0; i < series.Count; i++)
        {
            if (series[i].Month > cutoff && Math.Abs(z[i]) > RobustZScore.Threshold)
            {
                flagged.Add(new SeriesAnomaly(series[i].Month, series[i].Value, trend[i] + seasonal[series[i].Month.Month - 1], z[i]));
            }
        }

        return flagged;
    }
}

/// <summary>A month whose value is far from what trend and season predict.</summary>
public sealed record SeriesAnomaly(DateOnly Month, double Value, double Expected, double RobustZ);
