namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>
/// Features of the global model for "the value h months after the last known month", all on the log scale relative
/// to the last year's mean level, so a metro of 500 sales a month and one of 20,000 share one model: the last 12 months,
/// the same month one and two years before the target, 3- and 6-month means, the year-on-year growth, the recent
/// seasonal-difference volatility, the target's month of year, the horizon, the
/// year-on-year log changes of the last 12 months and the target month's weekdays (and their change from a year before).
/// </summary>
internal static class LagFeatures
{
    public const int Count = 34;

    /// <summary>Extra features with <see cref="ForecastOptions.CommonFactor"/>: the market-wide year-on-year change.</summary>
    public const int CommonCount = 3;

    /// <summary>Smallest number of known months the features need.</summary>
    public const int MinimumHistory = 36;

    /// <summary>Mean of the last 12 known log values: the level features and the target are measured from.</summary>
    public static double Level(ReadOnlySpan<double> x, int cutoff) => Mean(x, cutoff - 12, cutoff);

    public static void Fill(ReadOnlySpan<double> x, int cutoff, int h, ForecastSeries series, Span<float> features)
    {
        var level = Level(x, cutoff);
        for (var k = 0; k < 12; k++)
        {
            features[k] = (float)(x[cutoff - 1 - k] - level);
        }

        // The same month in the latest known year (a year back for h <= 12, two for 13..24, ...).
        var sameMonth = Anchor(cutoff, h);
        features[12] = (float)(x[sameMonth] - level);
        var twoYears = sameMonth - 12;
        features[13] = twoYears >= 0 ? (float)(x[twoYears] - level) : features[12];
        features[14] = (float)(Mean(x, cutoff - 3, cutoff) - level);
        features[15] = (float)(Mean(x, cutoff - 6, cutoff) - level);
        features[16] = (float)(level - Mean(x, cutoff - 24, cutoff - 12));
        var volatility = 0.0;
        for (var t = cutoff - 12; t < cutoff; t++)
        {
            volatility += Math.Abs(x[t] - x[t - 12]);
        }

        features[17] = (float)(volatility / 12);
        features[18] = series.MonthOfYear(cutoff - 1 + h);
        features[19] = h;
        for (var k = 0; k < 12; k++)
        {
            features[20 + k] = (float)(x[cutoff - 1 - k] - x[cutoff - 13 - k]);
        }

        // Closings happen on business days: a month with two more weekdays than the same month last year sells more.
        var target = Weekdays(series.MonthAt(cutoff - 1 + h));
        features[32] = target;
        features[33] = target - Weekdays(series.MonthAt(Anchor(cutoff, h)));
    }

    public static int Weekdays(DateOnly month)
    {
        var count = 0;
        for (var d = new DateOnly(month.Year, month.Month, 1); d.Month == month.Month; d = d.AddDays(1))
        {
            count += d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1;
        }

        return count;
    }

    /// <summary>
    /// Cross-series common factor per month: the mean over the series of the log year-on-year change of that month
    /// (log1p, so an empty month stays finite). Entry t reads months t and t - 12 only, so features from it at a cutoff
    /// read nothing after the cutoff.
    /// </summary>
    public static double[] CommonFactor(IReadOnlyList<ForecastSeries> series)
    {
        var length = series.Max(s => s.Values.Length);
        var result = new double[length];
        for (var t = 12; t < length; t++)
        {
            var sum = 0.0;
            var count = 0;
            foreach (var s in series)
            {
                if (t < s.Values.Length)
                {
                    sum += Math.Log(1 + Math.Max(0, s.Values[t])) - Math.Log(1 + Math.Max(0, s.Values[t - 12]));
                    count++;
                }
            }

            result[t] = count > 0 ? sum / count : 0;
        }

        return result;
    }

    /// <summary>The common factor's last month and its 3- and 6-month means before the cutoff, after the <see cref="Count"/> own features.</summary>
    public static void FillCommon(double[] common, int cutoff, Span<float> features)
    {
        var sum = 0.0;
        for (var k = 1; k <= 6; k++)
        {
            var t = cutoff - k;
            sum += t >= 12 && t < common.Length ? common[t] : 0;
            if (k == 1)
            {
                features[Count] = (float)sum;
            }
            else if (k == 3)
            {
                features[Count + 1] = (float)(sum / 3);
            }
        }

        features[Count + 2] = (float)(sum / 6);
    }

    /// <summary>
    /// Index of the same calendar month as the target in the latest known year: the model predicts the log change from
    /// it, so the season comes for free and the trees only learn how recent year-on-year growth carries forward.
    /// </summary>
    public static int Anchor(int cutoff, int h) => cutoff - 1 + h - 12 * ((h + 11) / 12);

    private static double Mean(ReadOnlySpan<double> x, int from, int to)
    {
        var sum = 0.0;
        for (var t = from; t < to; t++)
        {
            sum += x[t];
        }

        return sum / (to - from);
    }
}
