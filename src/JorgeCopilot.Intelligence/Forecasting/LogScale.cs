namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>
/// The log transform the methods fit on: counts and money grow and swing in proportion to their level, so errors and
/// seasonal swings are closer to constant on the log scale. A series with zeros gets an offset (a tenth of its mean) so
/// an empty month stays finite without dominating the fit.
/// </summary>
internal readonly record struct LogScale(double Offset)
{
    public static LogScale For(ReadOnlySpan<double> values)
    {
        var min = double.MaxValue;
        var sum = 0.0;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
            sum += v;
        }

        return min > 0 ? new LogScale(0) : new LogScale(Math.Max(1, 0.1 * sum / Math.Max(1, values.Length)));
    }

    public double To(double value) => Math.Log(Math.Max(value, 0) + Offset);

    public double From(double log) => Math.Max(0, Math.Exp(log) - Offset);

    public double[] To(ReadOnlySpan<double> values)
    {
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = To(values[i]);
        }

        return result;
    }
}
