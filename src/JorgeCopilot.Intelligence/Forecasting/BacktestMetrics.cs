namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>
/// Accumulates the eval's figures over (series, origin) forecasts: MASE (MAE over the 12 horizons divided by the
/// in-sample seasonal-naive MAE of the training part), MAPE, sMAPE and band coverage, each averaged over horizons,
/// origins and series; the seasonal-naive MASE on the same origins gives <c>relative_mase</c>.
/// </summary>
public sealed class BacktestMetrics
{
    private readonly List<double> _mase = [];
    private readonly List<double> _snaive = [];
    private readonly List<double> _mape = [];
    private readonly List<double> _smape = [];
    private readonly List<double> _cover80 = [];
    private readonly List<double> _cover95 = [];

    public int Forecasts => _mase.Count;

    public void Add(ReadOnlySpan<double> history, ReadOnlySpan<double> actual, SeriesForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        var scale = Math.Max(SeasonalNaive.InSampleMae(history), 1e-9);
        var naive = new SeasonalNaive().Forecast(history, actual.Length);
        double mae = 0, naiveMae = 0, mape = 0, smape = 0, in80 = 0, in95 = 0;
        for (var h = 0; h < actual.Length; h++)
        {
            var a = actual[h];
            var f = forecast.Median[h];
            var error = Math.Abs(a - f);
            mae += error;
            naiveMae += Math.Abs(a - naive[h]);
            mape += a != 0 ? error / Math.Abs(a) : 0;
            smape += Math.Abs(a) + Math.Abs(f) > 0 ? 2 * error / (Math.Abs(a) + Math.Abs(f)) : 0;
            in80 += a >= forecast.Lower80[h] && a <= forecast.Upper80[h] ? 1 : 0;
            in95 += a >= forecast.Lower95[h] && a <= forecast.Upper95[h] ? 1 : 0;
        }

        var n = actual.Length;
        _mase.Add(mae / n / scale);
        _snaive.Add(naiveMae / n / scale);
        _mape.Add(mape / n);
        _smape.Add(smape / n);
        _cover80.Add(in80 / n);
        _cover95.Add(in95 / n);
    }

    public Dictionary<string, double> ToMetrics() => new(StringComparer.Ordinal)
    {
        ["mape"] = _mape.Average(),
        ["smape"] = _smape.Average(),
        ["mase"] = _mase.Average(),
        ["mase_snaive"] = _snaive.Average(),
        ["relative_mase"] = _mase.Average() / _snaive.Average(),
        ["coverage_80"] = _cover80.Average(),
        ["coverage_95"] = _cover95.Average(),
    };
}
