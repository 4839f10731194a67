using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>Which exponential-smoothing variant: seasonality added on the log scale, or multiplied on the raw scale.</summary>
internal enum HoltWintersKind
{
    /// <summary>ETS(A,Ad,A) on log values: multiplicative trend and season on the original scale (what the peer fits).</summary>
    LogAdditive,

    /// <summary>ETS(A,Ad,M) on raw values: seasonal swings proportional to the level, trend additive.</summary>
    Multiplicative,
}

/// <summary>
/// Holt-Winters with a damped trend in the error-correction form of ETS (Hyndman et al., "Forecasting with Exponential
/// Smoothing", ch. 2): α, β, γ, φ and the initial level and trend are chosen by Nelder-Mead on the one-step-ahead sum
/// of squared errors, with the parameters mapped through logistic functions so the search stays inside the usual region
/// (0 &lt; β &lt; α &lt; 1, 0 &lt; γ &lt; 1 − α, 0.8 &lt; φ &lt; 0.98).
/// </summary>
internal sealed class HoltWinters(HoltWintersKind kind) : ILocalForecaster
{
    private const int Period = 12;
    private const double PhiLow = 0.8;
    private const double PhiRange = 0.18;

    public string Name => kind == HoltWintersKind.LogAdditive ? "ets-log-damped" : "holt-winters-multiplicative";

    public double[] Forecast(ReadOnlySpan<double> history, int horizon)
    {
        if (history.Length < 2 * Period + 4)
        {
            throw new ArgumentException($"Holt-Winters needs at least {2 * Period + 4} months.", nameof(history));
        }

        var scale = kind == HoltWintersKind.LogAdditive ? LogScale.For(history) : new LogScale(0);
        var y = kind == HoltWintersKind.LogAdditive ? scale.To(history) : history.ToArray();
        var fit = Fit(y, kind == HoltWintersKind.Multiplicative);
        var forecast = fit.Forecast(horizon);
        if (kind == HoltWintersKind.LogAdditive)
        {
            for (var h = 0; h < horizon; h++)
            {
                forecast[h] = scale.From(forecast[h]);
            }
        }

        return forecast;
    }

    internal static Fitted Fit(double[] y, bool multiplicative)
    {
        var start = Initial(y, multiplicative);
        var unit = 0.0;
        for (var t = 1; t < y.Length; t++)
        {
            unit += Math.Abs(y[t] - y[t - 1]);
        }

        unit = Math.Max(unit / (y.Length - 1), 1e-9);
        var objective = ObjectiveFunction.Value(u => Run(y, Decode(u, start, unit), multiplicative, null));
        var guess = Vector<double>.Build.DenseOfArray([Logit(0.3), Logit(0.1), Logit(0.1), Logit((0.92 - PhiLow) / PhiRange), 0, 0]);
        var step = Vector<double>.Build.Dense(guess.Count, 0.5);
        Vector<double> best;
        try
        {
            best = new NelderMeadSimplex(1e-7, 4000).FindMinimum(objective, guess, step).MinimizingPoint;
        }
        catch (MaximumIterationsException)
        {
            best = guess;
        }

        var parameters = Decode(best, start, unit);
        var final = new State(0, 0, new double[Period]);
        Run(y, parameters, multiplicative, final);
        return new Fitted(final, parameters.Phi, multiplicative, y.Length);
    }

    private static double Run(double[] y, Parameters p, bool multiplicative, State? final)
    {
        var level = p.Level;
        var trend = p.Trend;
        var season = (double[])p.Season.Clone();
        var sse = 0.0;
        for (var t = 0; t < y.Length; t++)
        {
            var s = season[t % Period];
            var baseLevel = level + p.Phi * trend;
            var predicted = multiplicative ? baseLevel * s : baseLevel + s;
            var e = y[t] - predicted;
            sse += e * e;
            if (multiplicative)
            {
                var safeS = Math.Max(s, 1e-6);
                level = baseLevel + p.Alpha * e / safeS;
                trend = p.Phi * trend + p.Beta * e / safeS;
                season[t % Period] = s + p.Gamma * e / Math.Max(baseLevel, 1e-6);
            }
            else
            {
                level = baseLevel + p.Alpha * e;
                trend = p.Phi * trend + p.Beta * e;
                season[t % Period] = s + p.Gamma * e;
            }
        }

        if (final is not null)
        {
            final.Level = level;
            final.Trend = trend;
            Array.Copy(season, final.Season, Period);
        }

        return double.IsFinite(sse) ? sse : double.MaxValue;
    }

    /// <summary>Classical start: the first year's mean as level, the change between the first two years' means as trend, each month's average deviation from that line as season.</summary>
    private static State Initial(double[] y, bool multiplicative)
    {
        var first = y.AsSpan(0, Period).ToArray().Average();
        var second = y.AsSpan(Period, Period).ToArray().Average();
        var trend = (second - first) / Period;
        var level = first - 6.5 * trend;
        var season = new double[Period];
        for (var j = 0; j < Period; j++)
        {
            var sum = 0.0;
            for (var k = 0; k < 2; k++)
            {
                var t = k * Period + j;
                var line = level + (t + 1) * trend;
                sum += multiplicative ? y[t] / Math.Max(line, 1e-9) : y[t] - line;
            }

            season[j] = sum / 2;
        }

        var mean = season.Average();
        for (var j = 0; j < Period; j++)
        {
            season[j] = multiplicative ? season[j] / mean : season[j] - mean;
        }

        return new State(level, trend, season);
    }

    private static Parameters Decode(Vector<double> u, State start, double unit)
    {
        var alpha = 0.0001 + 0.9998 * Sigmoid(u[0]);
        var beta = alpha * Sigmoid(u[1]);
        var gamma = (1 - alpha) * Sigmoid(u[2]);
        var phi = PhiLow + PhiRange * Sigmoid(u[3]);
        return new Parameters(alpha, beta, gamma, phi, start.Level + u[4] * unit, start.Trend + u[5] * unit / Period, start.Season);
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static double Logit(double p) => Math.Log(p / (1 - p));

    private sealed record Parameters(double Alpha, double Beta, double Gamma, double Phi, double Level, double Trend, double[] Season);

    internal sealed class State(double level, double trend, double[] season)
    {
        public double Level { get; set; } = level;

        public double Trend { get; set; } = trend;

        public double[] Season { get; } = season;
    }

    internal sealed class Fitted
    {
        private readonly State _state;
        private readonly double _phi;
        private readonly bool _multiplicative;
        private readonly int _length;

        internal Fitted(State state, double phi, bool multiplicative, int length)
        {
            _state = state;
            _phi = phi;
            _multiplicative = multiplicative;
            _length = length;
        }

        public double[] Forecast(int horizon)
        {
            var result = new double[horizon];
            var damp = 0.0;
            var power = 1.0;
            for (var h = 0; h < horizon; h++)
            {
                power *= _phi;
                damp += power;
                var s = _state.Season[(_length + h) % Period];
                var baseLevel = _state.Level + damp * _state.Trend;
                result[h] = _multiplicative ? baseLevel * s : baseLevel + s;
            }

            return result;
        }
    }
}
