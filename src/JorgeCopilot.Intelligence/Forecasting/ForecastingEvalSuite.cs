using System.Diagnostics;
using System.Globalization;
using JorgeCopilot.Core.Data;
using JorgeCopilot.Core.Evaluation;
using JorgeCopilot.Intelligence.Pricing;

namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>
/// Eval suite "forecasting": rolling-origin backtests, origins every 3 months over the 36 months before the final 12
/// (13 origins), horizons 1–12, on Zillow metro sales counts (85 series), US new-home sales and Redfin national homes
/// sold. At each origin the engine sees only the months before it: its candidate weights and conformal bands come
/// from inner backtests that end at the origin too.
/// </summary>
public sealed class ForecastingEvalSuite(DataLocator data) : IEvalSuite
{
    public const int Span = 36;
    public const int Step = 3;
    public const string SeattleKey = "Seattle, WA";
    public const string RevenueDataset = "jorge-revenue";

    public string Name => "forecasting";

    public ForecastOptions Options { get; init; } = new();

    public async Task<IReadOnlyList<EvalMeasurement>> RunAsync(EvalContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sets = new (string Dataset, Func<IReadOnlyList<ForecastSeries>> Load)[]
        {
            ("zillow-metros", () => MarketSeriesFiles.ZillowSalesCounts(data)),
            ("us-new-home-sales", () => [MarketSeriesFiles.NewHomeSales(data)]),
            ("redfin-national", () => [MarketSeriesFiles.RedfinHomesSold(data)]),
        };
        var results = new List<EvalMeasurement>();
        foreach (var (dataset, load) in sets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var series = load();
            results.Add(await Task.Run(() => Evaluate(context, dataset, series, cancellationToken), cancellationToken));
        }

        if (PricingTrainer.KingCountyFile(data) is { } file)
        {
            results.Add(await Task.Run(() => Revenue(file), cancellationToken));
        }

        return results;
    }

    /// <summary>
    /// The seed's "&lt; 15% monthly revenue error", measured: the one-month-ahead revenue backtest on the generated deal
    /// history (real King County prices and dates, generated attribution) with Seattle's real sales counts.
    /// </summary>
    private EvalMeasurement Revenue(string kingCountyFile)
    {
        var options = new RevenueOptions();
        var deals = DealHistoryGenerator.Generate(KingCountySales.Read(kingCountyFile), options);
        var seattle = MarketSeriesFiles.ZillowSalesCounts(data).First(s => s.Key == SeattleKey);
        var result = RevenueBacktest.Run(deals, seattle, options);
        return new EvalMeasurement(RevenueDataset, new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["mape"] = result.Mape,
            ["mape_low"] = result.MapeLow,
            ["mape_high"] = result.MapeHigh,
            ["months"] = result.Months.Count,
        })
        {
            Notes =
            [
                $"One-month-ahead forecasts of Jorge's commission at each month end after the first {RevenueBacktest.WarmUpMonths} months of his history; mape_low/high = bootstrap 95% interval of the MAPE over those months.",
                $"Per month (forecast / actual): {string.Join(", ", result.Months.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Month:yyyy-MM} {m.Forecast:N0}/{m.Actual:N0}")))}.",
                ForecastProvenance.Both(seattle.Key),
            ],
        };
    }

    private static readonly string[][] FixedCombinations =
    [
        ["ets-log-damped", "theta", "seasonal-naive"],
        ["ets-log-damped", "theta"],
        ["ets-log-damped", "holt-winters-multiplicative", "theta"],
    ];

    /// <summary>The eval's origins (cutoffs = months known) for a series of <paramref name="length"/> months.</summary>
    public static int[] Origins(int length, int horizon) =>
        Enumerable.Range(0, Span / Step + 1).Select(j => length - horizon - Span + j * Step).ToArray();

    /// <summary>
    /// The same protocol 48 months earlier: 13 origins whose last forecast month is the first test origin's last known
    /// month, so nothing chosen on it has seen the test window.
    /// </summary>
    internal static int[] ValidationOrigins(int[] testOrigins, int horizon) =>
        testOrigins.Select(o => o - Span - horizon).Where(o => o >= ForecastEngine.MinimumHistory).ToArray();

    /// <summary>
    /// A longer validation window for choices that the 13 calm origins cannot tell apart: the <see cref="LongValidationCount"/>
    /// origins every <see cref="Step"/> months ending with the validation window's last, each with all its inner origins
    /// after the engine's minimum history.
    /// </summary>
    internal static int[] LongValidationOrigins(int[] testOrigins, ForecastOptions options)
    {
        var last = ValidationOrigins(testOrigins, options.Horizon).DefaultIfEmpty(-1).Max();
        var earliest = ForecastEngine.MinimumHistory + options.Horizon + (options.InnerOrigins - 1) * options.InnerStep;
        return Enumerable.Range(0, LongValidationCount).Select(j => last - (LongValidationCount - 1 - j) * Step).Where(o => o >= earliest).ToArray();
    }

    /// <summary>Origins in the long validation window (2013-01 … 2018-10 as last known month on the Zillow metros).</summary>
    public const int LongValidationCount = 24;

    private static (Dictionary<string, double> Metrics, DateOnly First, DateOnly Last, string PerOrigin)? Validate(EvalContext context, string dataset,
        IReadOnlyList<ForecastSeries> series, ForecastEngine engine, CandidateCache cache, int[] origins, CancellationToken cancellationToken)
    {
        if (origins.Length == 0)
        {
            return null;
        }

        var metrics = new BacktestMetrics();
        var perOrigin = new List<string>();
        foreach (var origin in origins)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var forecasts = engine.Forecast(series, origin, cache);
            var originMetrics = new BacktestMetrics();
            for (var i = 0; i < series.Count; i++)
            {
                var values = series[i].Values;
                metrics.Add(values.AsSpan(0, origin), values.AsSpan(origin, engine.Options.Horizon), forecasts[i]);
                originMetrics.Add(values.AsSpan(0, origin), values.AsSpan(origin, engine.Options.Horizon), forecasts[i]);
            }

            var om = originMetrics.ToMetrics();
            perOrigin.Add(string.Create(CultureInfo.InvariantCulture, $"{series[0].MonthAt(origin - 1):yyyy-MM} {om["coverage_80"]:F2}/{om["coverage_95"]:F2}"));
            context.Report($"forecasting: {dataset} validation origin {series[0].MonthAt(origin):yyyy-MM} done");
        }

        return (metrics.ToMetrics(), series[0].MonthAt(origins[0] - 1), series[0].MonthAt(origins[^1] - 1), string.Join(", ", perOrigin));
    }

    private EvalMeasurement Evaluate(EvalContext context, string dataset, IReadOnlyList<ForecastSeries> series, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var engine = new ForecastEngine(Options);
        var cache = new CandidateCache(series, Options);
        var length = series.Min(s => s.Values.Length);
        var origins = Origins(length, Options.Horizon);
        var metrics = new BacktestMetrics();
        var perMethod = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var chosen = new Dictionary<string, double>(StringComparer.Ordinal);
        var perOrigin = new List<string>();
        var coverageByOrigin = new List<(DateOnly Month, double Cover80, double Cover95)>();
        var bandReport = new BandReport();
        SeriesForecast? seattle = null;
        foreach (var origin in origins)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var forecasts = engine.Forecast(series, origin, cache, bandReport);
            var originMetrics = new BacktestMetrics();
            for (var i = 0; i < series.Count; i++)
            {
                var values = series[i].Values;
                var history = values.AsSpan(0, origin);
                var actual = values.AsSpan(origin, Options.Horizon);
                metrics.Add(history, actual, forecasts[i]);
                originMetrics.Add(history, actual, forecasts[i]);
                var scale = Math.Max(SeasonalNaive.InSampleMae(history), 1e-9);
                foreach (var (name, candidate) in cache.Get(i, origin))
                {
                    var mae = 0.0;
                    for (var h = 0; h < actual.Length; h++)
                    {
                        mae += Math.Abs(actual[h] - candidate[h]);
                    }

                    (perMethod.TryGetValue(name, out var list) ? list : perMethod[name] = []).Add(mae / actual.Length / scale);
                }

                // Fixed equal-weight combinations, as diagnostics: no weighting from the inner backtests.
                var candidates = cache.Get(i, origin);
                foreach (var combo in FixedCombinations.Where(c => c.All(candidates.ContainsKey)))
                {
                    var mae = 0.0;
                    for (var h = 0; h < actual.Length; h++)
                    {
                        mae += Math.Abs(actual[h] - combo.Average(n => candidates[n][h]));
                    }

                    var key = "mean(" + string.Join("+", combo) + ")";
                    (perMethod.TryGetValue(key, out var list) ? list : perMethod[key] = []).Add(mae / actual.Length / scale);
                }

                foreach (var (name, weight) in forecasts[i].Weights)
                {
                    chosen[name] = chosen.GetValueOrDefault(name) + weight;
                }

                if (origin == origins[^1] && (series[i].Key == SeattleKey || series.Count == 1))
                {
                    seattle = forecasts[i];
                }
            }

            var om = originMetrics.ToMetrics();
            coverageByOrigin.Add((series[0].MonthAt(origin - 1), om["coverage_80"], om["coverage_95"]));
            perOrigin.Add(string.Create(CultureInfo.InvariantCulture,
                $"{series[0].MonthAt(origin - 1):yyyy-MM} {om["coverage_80"]:F2}/{om["coverage_95"]:F2} (rel. MASE {om["relative_mase"]:F2})"));
            context.Report($"forecasting: {dataset} origin {series[0].MonthAt(origin):yyyy-MM} done ({clock.Elapsed.TotalSeconds:F0} s)");
        }

        var result = metrics.ToMetrics();
        var validation = series.Count > 1 ? Validate(context, dataset, series, engine, cache, ValidationOrigins(origins, Options.Horizon), cancellationToken) : null;
        var longValidation = series.Count > 1 ? Validate(context, dataset, series, engine, cache, LongValidationOrigins(origins, Options), cancellationToken) : null;
        foreach (var (prefix, window) in new[] { ("validation_", validation), ("long_validation_", longValidation) })
        {
            if (window is not null)
            {
                foreach (var key in new[] { "relative_mase", "coverage_80", "coverage_95" })
                {
                    result[prefix + key] = window.Value.Metrics[key];
                }
            }
        }

        var snaive = perMethod["seasonal-naive"].Average();
        var methods = string.Join(", ", perMethod.OrderBy(m => m.Value.Average()).Select(m =>
            string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value.Average():F3} ({m.Value.Average() / snaive:F3})")));
        var totalWeight = chosen.Values.Sum();
        var weights = string.Join(", ", chosen.OrderByDescending(c => c.Value).Select(c =>
            string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value / totalWeight:P0}")));
        var charts = new List<string>();
        if (seattle is not null)
        {
            var index = series.Count == 1 ? 0 : series.ToList().FindIndex(s => s.Key == SeattleKey);
            var s = series[index];
            var from = Math.Max(0, origins[^1] - 48);
            var (full, relative) = context.ChartPath(Name, $"{dataset}-fan.png");
            ForecastCharts.Fan($"{s.Key}: forecast from {s.MonthAt(origins[^1] - 1):yyyy-MM} with 80%/95% conformal bands",
                Enumerable.Range(from, origins[^1] - from).Select(s.MonthAt).ToArray(), s.Values[from..origins[^1]], seattle,
                s.Values[origins[^1]..(origins[^1] + Options.Horizon)], "monthly sales", full);
            charts.Add(relative);
        }

        var (coverageFull, coverageRelative) = context.ChartPath(Name, $"{dataset}-coverage.png");
        ForecastCharts.CoverageByOrigin($"{dataset}: band coverage per origin (test window)", coverageByOrigin, coverageFull);
        charts.Add(coverageRelative);
        var experts = bandReport.Counts.Values.Sum();
        var expertNote = string.Join(", ", bandReport.Counts.OrderByDescending(c => c.Value).Select(c =>
            string.Create(CultureInfo.InvariantCulture, $"{c.Key} {(double)c.Value / experts:P0}")));
        return new EvalMeasurement(dataset, result)
        {
            Charts = charts,
            Notes =
            [
                $"{series.Count} series × {origins.Length} origins ({series[0].MonthAt(origins[0] - 1):yyyy-MM} … {series[0].MonthAt(origins[^1] - 1):yyyy-MM} as last known month), horizons 1–{Options.Horizon}; {clock.Elapsed.TotalSeconds:F0} s.",
                $"MASE of each candidate alone on the same origins (relative to seasonal naive): {methods}.",
                $"Combination weights chosen by the inner backtests ({Options.InnerOrigins} origins {Options.InnerStep} months apart before each origin), averaged: {weights}.",
                $"Coverage 80/95 by origin (last known month): {string.Join(", ", perOrigin)}.",
                "Bands: conformal on the combination's log residuals scaled by each series' in-sample seasonal-naive error, from the 23 origins before each replayed origin (age-weighted, half-life 24 months; pooled over horizons by √h for a single series).",
                $"Band scheme LEARNED ONLINE at each origin (no window chose it): for each horizon and level the engine replays up to {AdaptiveBands.LookbackSteps} earlier origins and keeps the expert whose bands had the lowest pinball loss on the forecasts realised by the origin; experts = ACI step γ ∈ {{0, 0.05, 0.1}} × scores plain or divided by the cross-series dispersion of the latest 1–3-month errors × test mass 1 or one origin's worth of points. Chosen at the test origins: {expertNote}.",
                validation is { } v
                    ? string.Create(CultureInfo.InvariantCulture, $"Validation window (origins {v.First:yyyy-MM} … {v.Last:yyyy-MM} as last known month, ends before the first test origin; the same engine): relative MASE {v.Metrics["relative_mase"]:F3}, coverage 80/95 {v.Metrics["coverage_80"]:F3}/{v.Metrics["coverage_95"]:F3}; by origin: {v.PerOrigin}. Chosen on this window: the point forecast combines the best {Options.Combine} candidates per series, inversely to their inner-backtest errors (that count was chosen on this window among 3, 4 and 5, by relative MASE); the alternatives tried, with validation and test figures, are in the README's forecasting section.")
                    : "No validation window for a single series (the scheme is learned online).",
                longValidation is { } lv
                    ? string.Create(CultureInfo.InvariantCulture, $"Long validation window ({lv.First:yyyy-MM} … {lv.Last:yyyy-MM}, {LongValidationOrigins(origins, Options).Length} origins; the same engine): relative MASE {lv.Metrics["relative_mase"]:F3}, coverage 80/95 {lv.Metrics["coverage_80"]:F3}/{lv.Metrics["coverage_95"]:F3}. Session 4's ideas (outlier cleaning, robust combination operators, a common-factor global model, the earlier grid re-run here) were ranked on it and had to beat the engine on both validation windows: none did (docs/forecasting-choices.md).")
                    : "No long validation window for a single series.",
                "Peer (statsmodels damped ETS on log counts and Theta, same origins): /usr/bin/python3 evals/baselines/forecasting_baseline.py data.",
            ],
        };
    }
}
