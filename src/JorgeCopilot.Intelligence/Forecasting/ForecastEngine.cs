namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>
/// Forecasts monthly series with seasonal naive, two Holt-Winters variants, Theta and a global LightGBM model; weights
/// them per series by a rolling-origin backtest over the months just before the origin (the best few, inversely to
/// their error) and puts conformal 80%/95% bands around the combination, chosen online among adaptive conformal experts by how their
/// bands scored on the forecasts realised before the origin (<see cref="AdaptiveBands"/>).
/// Nothing after the cutoff is read.
/// </summary>
public sealed class ForecastEngine(ForecastOptions options)
{
    /// <summary>Months a cutoff needs before every candidate can fit (two seasons plus a few months).</summary>
    public const int MinimumHistory = 2 * 12 + 4;

    public ForecastOptions Options { get; } = options;

    /// <summary>
    /// Forecasts every series from the first <paramref name="cutoff"/> months (all series start in the same month);
    /// <paramref name="report"/> collects which band expert each horizon and level took.
    /// </summary>
    public IReadOnlyList<SeriesForecast> Forecast(IReadOnlyList<ForecastSeries> series, int cutoff, CandidateCache? cache = null, BandReport? report = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        cache ??= new CandidateCache(series, Options);
        var horizon = Options.Horizon;
        // Weighting uses the origins whose 12 months are all known.
        var inner = Enumerable.Range(0, Options.InnerOrigins)
            .Select(j => cutoff - horizon - j * Options.InnerStep)
            .Where(c => c >= MinimumHistory)
            .ToArray();
        // Band calibration replays origins every InnerStep months back far enough for AdaptiveBands' lookback plus the
        // calibration window of its earliest replayed origin; partly known forecasts of the last year count too (their
        // early horizons), so a shock shows in the bands as soon as it is seen.
        var window = horizon / Options.InnerStep - 1 + Options.CalibrationOrigins;
        var calibration = Enumerable.Range(1, AdaptiveBands.LookbackSteps + window + horizon / Options.InnerStep)
            .Select(j => cutoff - j * Options.InnerStep)
            .Where(c => c >= MinimumHistory)
            .OrderBy(c => c)
            .ToArray();
        cache.Prepare(calibration.Select(c => inner.Contains(c) ? c : CandidateCache.YearlyModelCutoff(c)).Concat(inner).Append(cutoff).Distinct().OrderBy(c => c));

        var weights = new IReadOnlyDictionary<string, double>[series.Count];
        var scales = new double[series.Count];
        var residuals = calibration.Select(_ => new double[series.Count][]).ToArray();
        Parallel.For(0, series.Count, new ParallelOptions { MaxDegreeOfParallelism = Options.Parallelism }, i =>
        {
            var values = series[i].Values;
            var log = LogScale.For(values.AsSpan(0, cutoff));
            scales[i] = Math.Max(SeasonalNaive.InSampleMae(log.To(values.AsSpan(0, cutoff))), 1e-6);
            weights[i] = Weigh(inner.Select(c => (c, cache.Get(i, c))).ToArray(), values, log);
            for (var j = 0; j < calibration.Length; j++)
            {
                var c = calibration[j];
                var combined = Combine(cache.Get(i, c, fresh: inner.Contains(c)), weights[i], horizon);
                var row = new double[horizon];
                for (var h = 0; h < horizon; h++)
                {
                    row[h] = c + h < cutoff ? (log.To(values[c + h]) - log.To(combined[h])) / scales[i] : double.NaN;
                }

                residuals[j][i] = row;
            }
        });

        var bands = AdaptiveBands.Fit(calibration, residuals, cutoff, horizon, window);
        report?.Add(bands.Chosen);
        var results = new SeriesForecast[series.Count];
        Parallel.For(0, series.Count, new ParallelOptions { MaxDegreeOfParallelism = Options.Parallelism }, i =>
        {
            var log = LogScale.For(series[i].Values.AsSpan(0, cutoff));
            var median = Combine(cache.Get(i, cutoff), weights[i], horizon);
            var band = new double[ConformalBands.Levels.Length][];
            for (var level = 0; level < band.Length; level++)
            {
                band[level] = new double[horizon];
                for (var h = 0; h < horizon; h++)
                {
                    band[level][h] = log.From(log.To(median[h]) + bands.Quantile(h, level) * scales[i]);
                }
            }

            var months = Enumerable.Range(cutoff, horizon).Select(series[i].MonthAt).ToArray();
            results[i] = new SeriesForecast(series[i].Key, months, median, band[1], band[2], band[0], band[3], weights[i]);
        });
        return results;
    }

    /// <summary>Weights ∝ 1 / backtest error (mean absolute log error) over the best few candidates; equal weights without a backtest.</summary>
    private Dictionary<string, double> Weigh((int Cutoff, IReadOnlyDictionary<string, double[]> Candidates)[] backtests, double[] values, LogScale log)
    {
        if (backtests.Length == 0)
        {
            return new Dictionary<string, double>(StringComparer.Ordinal) { ["ets-log-damped"] = 0.5, ["theta"] = 0.5 };
        }

        var names = backtests.Select(b => b.Candidates.Keys).Aggregate((a, b) => a.Intersect(b)).ToArray();
        var errors = names.ToDictionary(n => n, n => backtests.Average(b =>
        {
            var forecast = b.Candidates[n];
            var sum = 0.0;
            for (var h = 0; h < forecast.Length; h++)
            {
                sum += Math.Abs(log.To(values[b.Cutoff + h]) - log.To(forecast[h]));
            }

            return sum / forecast.Length;
        }), StringComparer.Ordinal);
        var best = errors.OrderBy(e => e.Value).Take(Math.Max(1, Options.Combine)).ToArray();
        var total = best.Sum(e => 1 / Math.Max(e.Value, 1e-9));
        return best.ToDictionary(e => e.Key, e => 1 / Math.Max(e.Value, 1e-9) / total, StringComparer.Ordinal);
    }

    private static double[] Combine(IReadOnlyDictionary<string, double[]> candidates, IReadOnlyDictionary<string, double> weights, int horizon)
    {
        var result = new double[horizon];
        var total = 0.0;
        foreach (var (name, weight) in weights)
        {
            if (!candidates.TryGetValue(name, out var forecast))
            {
                continue;
            }

            total += weight;
            for (var h = 0; h < horizon; h++)
            {
                result[h] += weight * forecast[h];
            }
        }

        if (total <= 0)
        {
            return candidates.Values.First();
        }

        for (var h = 0; h < horizon; h++)
        {
            result[h] /= total;
        }

        return result;
    }
}
