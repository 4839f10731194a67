namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>
/// The Theta method (Assimakopoulos and Nikolopoulos 2000, in Hyndman and Billah's form: simple exponential smoothing
/// plus half the linear trend's slope, with the drift term that depends on α and n). It runs on log values with the
/// season taken out by a classical 2×12 moving-average decomposition and put back on the forecast.
/// </summary>
internal sealed class ThetaMethod : ILocalForecaster
{
    private const int Period = 12;

    public string Name => "theta";

    public double[] Forecast(ReadOnlySpan<double> history, int horizon)
    {
        if (history.Length < 2 * Period + 1)
        {
            throw new ArgumentException($"Theta needs at least {2 * Period + 1} months.", nameof(history));
        }

        var scale = LogScale.For(history);
        var x = scale.To(history);
        var season = SeasonalIndices(x);
        var n = x.Length;
        var z = new double[n];
        for (var t = 0; t < n; t++)
        {
            z[t] = x[t] - season[t % Period];
        }

        var slope = Slope(z);
        var (alpha, level) = SimpleExponentialSmoothing(z);
        var drift = Math.Pow(1 - alpha, n) / alpha;
        var result = new double[horizon];
        for (var h = 1; h <= horizon; h++)
        {
            var value = level + slope / 2 * (h - 1 + 1 / alpha - drift);
            result[h - 1] = scale.From(value + season[(n + h - 1) % Period]);
        }

        return result;
    }

    /// <summary>Additive seasonal indices (sum zero) from deviations around a centred 2×12 moving average.</summary>
    internal static double[] SeasonalIndices(double[] x)
    {
        var sums = new double[Period];
        var counts = new int[Period];
        for (var t = Period / 2; t < x.Length - Period / 2; t++)
        {
            var ma = 0.5 * x[t - Period / 2] + 0.5 * x[t + Period / 2];
            for (var k = t - Period / 2 + 1; k < t + Period / 2; k++)
            {
                ma += x[k];
            }

            sums[t % Period] += x[t] - ma / Period;
            counts[t % Period]++;
        }

        var indices = new double[Period];
        for (var j = 0; j < Period; j++)
        {
            indices[j] = counts[j] > 0 ? sums[j] / counts[j] : 0;
        }

        var mean = indices.Average();
        for (var j = 0; j < Period; j++)
        {
            indices[j] -= mean;
        }

        return indices;
    }

    private static double Slope(double[] z)
    {
        var n = z.Length;
        var meanT = (n - 1) / 2.0;
        var meanZ = z.Average();
        double num = 0, den = 0;
        for (var t = 0; t < n; t++)
        {
            num += (t - meanT) * (z[t] - meanZ);
            den += (t - meanT) * (t - meanT);
        }

        return num / den;
    }

    /// <summary>α by golden-section search on the one-step sum of squared errors; returns α and the final level.</summary>
    private static (double Alpha, double Level) SimpleExponentialSmoothing(double[] z)
    {
        double Sse(double alpha)
        {
            var level = z[0];
            var sse = 0.0;
            for (var t = 1; t < z.Length; t++)
            {
                var e = z[t] - level;
                sse += e * e;
                level += alpha * e;
            }

            return sse;
        }

        var ratio = (Math.Sqrt(5) - 1) / 2;
        double a = 0.01, b = 0.99;
        var c = b - ratio * (b - a);
        var d = a + ratio * (b - a);
        for (var i = 0; i < 40; i++)
        {
            if (Sse(c) < Sse(d))
            {
                b = d;
            }
            else
            {
                a = c;
            }

            c = b - ratio * (b - a);
            d = a + ratio * (b - a);
        }

        var alpha = (a + b) / 2;
        var final = z[0];
        for (var t = 1; t < z.Length; t++)
        {
            final += alpha * (z[t] - final);
        }

        return (alpha, final);
    }
}
