using System.Collections.Concurrent;

namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>
/// Every candidate method's forecast per (series, cutoff), computed once. Rolling-origin evaluation asks for the same
/// cutoffs again and again (the inner origins of one outer origin are the outer origins of earlier ones), so a backtest of
/// 13 origins × 4 inner origins fits each method at about 20 cutoffs instead of 65.
/// </summary>
public sealed class CandidateCache
{
    private static readonly ILocalForecaster[] Locals =
    [
        new SeasonalNaive(),
        new HoltWinters(HoltWintersKind.LogAdditive),
        new HoltWinters(HoltWintersKind.Multiplicative),
        new ThetaMethod(),
    ];

    private readonly IReadOnlyList<ForecastSeries> _series;
    private readonly ForecastOptions _options;
    private readonly ConcurrentDictionary<(int Series, int Cutoff, int ModelCutoff), IReadOnlyDictionary<string, double[]>> _forecasts = new();
    private readonly ConcurrentDictionary<int, GlobalBoostedModel?> _global = new();

    public CandidateCache(IReadOnlyList<ForecastSeries> series, ForecastOptions options)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        if (series.Select(s => s.Start).Distinct().Count() > 1)
        {
            throw new ArgumentException("Series forecast together must start in the same month.", nameof(series));
        }

        _series = series;
        _options = options;
    }

    public IReadOnlyList<ForecastSeries> Series => _series;

    /// <summary>How many global-model fits were made (for the eval's notes and the benchmark).</summary>
    public int GlobalFits => _global.Count;

    /// <summary>Fits the global model for each cutoff up front, one after another (LightGBM trains one at a time anyway).</summary>
    public void Prepare(IEnumerable<int> cutoffs)
    {
        ArgumentNullException.ThrowIfNull(cutoffs);
        if (!_options.UseGlobalModel)
        {
            return;
        }

        foreach (var cutoff in cutoffs)
        {
            _global.GetOrAdd(cutoff, c => GlobalBoostedModel.Fit(_series, c, _options.Horizon, _options));
        }
    }

    /// <summary>
    /// Candidate forecasts from <paramref name="cutoff"/>. With <paramref name="fresh"/> false (calibration-only
    /// origins) the global model is the one trained at the last whole year of data before the cutoff: it still sees
    /// nothing after the cutoff, and a yearly refit saves most of the LightGBM fits.
    /// </summary>
    public IReadOnlyDictionary<string, double[]> Get(int series, int cutoff, bool fresh = true) =>
        _forecasts.GetOrAdd((series, cutoff, fresh ? cutoff : cutoff - cutoff % 12), key => Compute(key.Series, key.Cutoff, key.ModelCutoff));

    /// <summary>The model cutoff a calibration-only origin uses (see <see cref="Get"/>).</summary>
    public static int YearlyModelCutoff(int cutoff) => cutoff - cutoff % 12;

    private Dictionary<string, double[]> Compute(int index, int cutoff, int modelCutoff)
    {
        var series = _series[index];
        var history = series.Values.AsSpan(0, cutoff);
        // Seasonal naive stays on the raw history: it is the benchmark the others are judged against.
        var cleaned = _options.Outliers is { } rule ? OutlierCleaner.Clean(history, rule) : null;
        var result = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var method in Locals)
        {
            try
            {
                result[method.Name] = cleaned is null || method is SeasonalNaive
                    ? method.Forecast(history, _options.Horizon)
                    : method.Forecast(cleaned, _options.Horizon);
            }
            catch (ArgumentException)
            {
                // Too short a history for this method: the others still compete.
            }
        }

        if (_options.UseGlobalModel && modelCutoff >= LagFeatures.MinimumHistory
            && _global.GetOrAdd(modelCutoff, c => GlobalBoostedModel.Fit(_series, c, _options.Horizon, _options)) is { } global)
        {
            result[GlobalBoostedModel.Name] = global.Forecast(series, cutoff, _options.Horizon);
        }

        return result;
    }
}
