namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>Each month repeats the same month a year earlier: the benchmark MASE is scaled by.</summary>
public sealed class SeasonalNaive : ILocalForecaster
{
    public const int Period = 12;

    public string Name => "seasonal-naive";

    public double[] Forecast(ReadOnlySpan<double> history, int horizon)
    {
        if (history.Length < Period)
        {
            throw new ArgumentException($"Seasonal naive needs at least {Period} months.", nameof(history));
        }

        var result = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            result[h] = history[history.Length - Period + (h % Period)];
        }

        return result;
    }

    /// <summary>In-sample mean absolute error of the seasonal-naive forecast: the MASE denominator.</summary>
    public static double InSampleMae(ReadOnlySpan<double> history)
    {
        var sum = 0.0;
        for (var t = Period; t < history.Length; t++)
        {
            sum += Math.Abs(history[t] - history[t - Period]);
        }

        return sum / Math.Max(1, history.Length - Period);
    }
}
