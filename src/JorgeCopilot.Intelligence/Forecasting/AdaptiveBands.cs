using System.Globalization;

namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>
/// 80%/95% bands that stay honest when a shock hits every series at once. Split conformal (<see cref="ConformalBands"/>)
/// assumes the months are exchangeable; the 2020 lockdown and the 2022 rate rise broke that for all 85 metros together
/// and per-origin coverage fell to 0.1–0.4. So the engine replays its own calibration, origin by origin (every
/// <c>InnerStep</c> months up to the forecast origin), with a pool of band "experts" and keeps, per horizon and level,
/// the one whose bands scored best on the forecasts already REALISED by the origin (pinball loss, pooled over series):
/// <list type="bullet">
/// <item>adaptive conformal inference (Gibbs and Candès 2021): each expert's miscoverage level moves by
/// γ·(α − realised miss rate) whenever forecasts made at earlier origins meet their actuals, γ ∈ {0, 0.05, 0.1};</item>
/// <item>volatility scaling: scores divided by the cross-series dispersion of the latest 1–3-month errors known at their
/// origin, and the band multiplied back by the dispersion known at the forecast origin (a shock seen widens the band);</item>
/// <item>the test point's conformal mass: one residual (exchangeable months) or one origin's worth of residuals (the
/// series of one origin share a common shock, so the effective sample is the number of origins, not of points).</item>
/// </list>
/// Everything read is observed by the origin: an expert's loss only counts forecasts whose target month is known.
/// </summary>
internal sealed class AdaptiveBands
{
    /// <summary>How many replayed origins feed the experts' losses and levels (10 years at 3-month steps).</summary>
    public const int LookbackSteps = 40;

    /// <summary>ACI step sizes in the pool; 0 is plain (weighted) split conformal.</summary>
    public static readonly double[] Gammas = [0, 0.05, 0.1];

    /// <summary>Nominal miscoverage per level pair: 95% uses quantile levels 0 and 3, 80% uses 1 and 2.</summary>
    private static readonly (double Alpha, int Lower, int Upper)[] Nominal = [(0.05, 0, 3), (0.20, 1, 2)];

    private const double MinimumAlpha = 0.002;
    private const double MaximumAlpha = 0.9;
    private const double VolatilityFloor = 0.05;
    private const int MinimumPerHorizon = 40;

    private readonly double[][] _quantiles;

    private AdaptiveBands(double[][] quantiles, IReadOnlyList<string> chosen)
    {
        _quantiles = quantiles;
        Chosen = chosen;
    }

    /// <summary>Which expert each (horizon, level) took at the origin, for the eval's notes.</summary>
    public IReadOnlyList<string> Chosen { get; }

    /// <summary>Quantile <paramref name="level"/> (index into <see cref="ConformalBands.Levels"/>) of the scaled log residual at horizon h.</summary>
    public double Quantile(int h, int level) => _quantiles[h][level];

    /// <summary>
    /// Replays the calibration origins <paramref name="cutoffs"/> (ascending, every one before <paramref name="origin"/>)
    /// whose scaled residuals are <paramref name="residuals"/>[cutoff][series][h] (NaN where the target month is not
    /// known by the origin), and returns the chosen bands at the origin. <paramref name="calibrationWindow"/> is how many
    /// earlier origins calibrate each replayed one.
    /// </summary>
    public static AdaptiveBands Fit(int[] cutoffs, double[][][] residuals, int origin, int horizon, int calibrationWindow)
    {
        ArgumentNullException.ThrowIfNull(cutoffs);
        ArgumentNullException.ThrowIfNull(residuals);
        var seriesCount = residuals.Length > 0 ? residuals[0].Length : 1;
        var experts = Experts(seriesCount);
        var volatility = Volatility(cutoffs, residuals, origin);

        // Steps: replayed origins with at least one fully known earlier forecast, then the origin itself.
        var steps = cutoffs.Where(s => cutoffs.Count(c => c + horizon - 1 < s) >= 1).TakeLast(LookbackSteps).Append(origin).ToArray();
        var alpha = new double[experts.Length, Nominal.Length, horizon];
        var loss = new double[experts.Length, Nominal.Length, horizon];
        for (var k = 0; k < experts.Length; k++)
        {
            for (var n = 0; n < Nominal.Length; n++)
            {
                for (var h = 0; h < horizon; h++)
                {
                    alpha[k, n, h] = Nominal[n].Alpha;
                }
            }
        }

        // Bounds each expert gave at each step (scaled-residual units), kept until their targets are realised.
        var issued = new Dictionary<int, (double Lower, double Upper)[,,]>();
        var result = new double[horizon][];
        var chosen = new List<string>();
        for (var si = 0; si < steps.Length; si++)
        {
            var s = steps[si];
            var bounds = new (double Lower, double Upper)[experts.Length, Nominal.Length, horizon];
            for (var h = 0; h < horizon; h++)
            {
                var plain = CalibrationSet(cutoffs, residuals, s, h, horizon, calibrationWindow, null);
                var scaled = CalibrationSet(cutoffs, residuals, s, h, horizon, calibrationWindow, volatility);
                for (var k = 0; k < experts.Length; k++)
                {
                    var e = experts[k];
                    var set = e.Scaled ? scaled : plain;
                    var unit = e.Scaled ? volatility.GetValueOrDefault(s, 1) : 1;
                    for (var n = 0; n < Nominal.Length; n++)
                    {
                        var a = Math.Clamp(alpha[k, n, h], MinimumAlpha, MaximumAlpha);
                        bounds[k, n, h] = set.Length == 0
                            ? (0, 0)
                            : (Quantile(set, a / 2, e.TestMass) * unit, Quantile(set, 1 - a / 2, e.TestMass) * unit);
                    }
                }
            }

            if (s == origin)
            {
                for (var h = 0; h < horizon; h++)
                {
                    result[h] = new double[ConformalBands.Levels.Length];
                    for (var n = 0; n < Nominal.Length; n++)
                    {
                        var best = 0;
                        for (var k = 1; k < experts.Length; k++)
                        {
                            best = loss[k, n, h] < loss[best, n, h] - 1e-12 ? k : best;
                        }

                        result[h][Nominal[n].Lower] = bounds[best, n, h].Lower;
                        result[h][Nominal[n].Upper] = bounds[best, n, h].Upper;
                        chosen.Add(experts[best].Name);
                    }

                    // Keep the 80% band inside the 95% band when different experts won them.
                    result[h][0] = Math.Min(result[h][0], result[h][1]);
                    result[h][3] = Math.Max(result[h][3], result[h][2]);
                }

                break;
            }

            issued[s] = bounds;
            var next = steps[si + 1];
            Feedback(steps, si, next, residuals, cutoffs, issued, experts, alpha, loss, horizon);
        }

        return new AdaptiveBands(result, chosen);
    }

    /// <summary>The forecasts whose targets become known between step s and the next update each expert's level and loss.</summary>
    private static void Feedback(int[] steps, int si, int next, double[][][] residuals, int[] cutoffs,
        Dictionary<int, (double Lower, double Upper)[,,]> issued, Expert[] experts, double[,,] alpha, double[,,] loss, int horizon)
    {
        var s = steps[si];
        for (var h = 0; h < horizon; h++)
        {
            for (var pi = 0; pi <= si; pi++)
            {
                var p = steps[pi];
                if (p + h < s || p + h >= next)
                {
                    continue;
                }

                var row = residuals[Array.IndexOf(cutoffs, p)];
                for (var n = 0; n < Nominal.Length; n++)
                {
                    var nominal = Nominal[n].Alpha;
                    for (var k = 0; k < experts.Length; k++)
                    {
                        var (lower, upper) = issued[p][k, n, h];
                        double misses = 0, pinball = 0, count = 0;
                        foreach (var series in row)
                        {
                            var r = series[h];
                            if (double.IsNaN(r))
                            {
                                continue;
                            }

                            misses += r < lower || r > upper ? 1 : 0;
                            pinball += Pinball(r, lower, nominal / 2) + Pinball(r, upper, 1 - nominal / 2);
                            count++;
                        }

                        if (count == 0)
                        {
                            continue;
                        }

                        alpha[k, n, h] = Step(alpha[k, n, h], experts[k].Gamma, nominal, misses / count);
                        loss[k, n, h] += pinball / count;
                    }
                }
            }
        }
    }

    /// <summary>
    /// The ACI update (Gibbs and Candès 2021, eq. 2): α ← α + γ(α* − miss rate). Misses above the nominal rate lower α
    /// (wider bands next time), a run of covered forecasts raises it.
    /// </summary>
    internal static double Step(double alpha, double gamma, double nominal, double missRate) => alpha + gamma * (nominal - missRate);

    /// <summary>Pinball (quantile) loss of bound q at level τ: the proper score an expert's bound is judged by.</summary>
    internal static double Pinball(double y, double q, double tau) => Math.Max(tau * (y - q), (tau - 1) * (y - q));

    /// <summary>
    /// Weighted residuals realised by step s at horizon h from the last <paramref name="window"/> origins before s (older
    /// ones count less, as in <see cref="ConformalBands"/>). With too few per horizon (one series) every horizon is used,
    /// rescaled by √h.
    /// </summary>
    private static (double Residual, double Weight)[] CalibrationSet(int[] cutoffs, double[][][] residuals, int s, int h, int horizon,
        int window, IReadOnlyDictionary<int, double>? volatility)
    {
        var earlier = Enumerable.Range(0, cutoffs.Length).Where(j => cutoffs[j] < s).TakeLast(window).ToArray();
        var set = Collect(earlier, cutoffs, residuals, s, h, h, volatility);
        if (set.Count >= MinimumPerHorizon)
        {
            return Sorted(set);
        }

        set.Clear();
        for (var other = 0; other < horizon; other++)
        {
            set.AddRange(Collect(earlier, cutoffs, residuals, s, other, h, volatility));
        }

        return Sorted(set);
    }

    private static (double Residual, double Weight)[] Sorted(List<(double Residual, double Weight)> set)
    {
        var array = set.ToArray();
        Array.Sort(array, (a, b) => a.Residual.CompareTo(b.Residual));
        return array;
    }

    private static List<(double Residual, double Weight)> Collect(int[] earlier, int[] cutoffs, double[][][] residuals, int s, int from, int to,
        IReadOnlyDictionary<int, double>? volatility)
    {
        var set = new List<(double, double)>();
        var rescale = Math.Sqrt((to + 1.0) / (from + 1.0));
        foreach (var j in earlier)
        {
            var c = cutoffs[j];
            if (c + from >= s)
            {
                continue;
            }

            var divide = volatility?.GetValueOrDefault(c, 1) ?? 1;
            var weight = ConformalBands.Weight(s - (c + from));
            foreach (var series in residuals[j])
            {
                if (!double.IsNaN(series[from]))
                {
                    set.Add((series[from] / divide * rescale, weight));
                }
            }
        }

        return set;
    }

    /// <summary>
    /// Dispersion known at each step: the median absolute 1–3-month scaled error of the forecasts made one origin earlier,
    /// over all series, divided by its median over the replay (so 1 is a normal quarter and 3 a shock).
    /// </summary>
    internal static Dictionary<int, double> Volatility(int[] cutoffs, double[][][] residuals, int origin)
    {
        ArgumentNullException.ThrowIfNull(cutoffs);
        ArgumentNullException.ThrowIfNull(residuals);
        var raw = new Dictionary<int, double>();
        foreach (var s in cutoffs.Append(origin))
        {
            var previous = Array.FindLastIndex(cutoffs, c => c < s);
            if (previous < 0)
            {
                continue;
            }

            var errors = new List<double>();
            foreach (var series in residuals[previous])
            {
                for (var h = 0; h < 3 && cutoffs[previous] + h < s && h < series.Length; h++)
                {
                    if (!double.IsNaN(series[h]))
                    {
                        errors.Add(Math.Abs(series[h]));
                    }
                }
            }

            if (errors.Count > 0)
            {
                raw[s] = Math.Max(Median(errors), VolatilityFloor);
            }
        }

        if (raw.Count == 0)
        {
            return raw;
        }

        var typical = Median([.. raw.Values]);
        return raw.ToDictionary(v => v.Key, v => v.Value / typical);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /// <summary>
    /// Weighted quantile at level q of residuals sorted ascending, with a test point of <paramref name="testMass"/> placed
    /// beyond the extremes (mass 1 is the usual finite-sample correction).
    /// </summary>
    internal static double Quantile((double Residual, double Weight)[] sorted, double q, double testMass)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var total = sorted.Sum(r => r.Weight) + testMass;
        if (q > 0.5)
        {
            var cumulative = 0.0;
            foreach (var (residual, weight) in sorted)
            {
                cumulative += weight;
                if (cumulative / total >= q)
                {
                    return residual;
                }
            }

            return sorted[^1].Residual;
        }

        var fromTop = 0.0;
        for (var i = sorted.Length - 1; i >= 0; i--)
        {
            fromTop += sorted[i].Weight;
            if (fromTop / total >= 1 - q)
            {
                return sorted[i].Residual;
            }
        }

        return sorted[0].Residual;
    }

    private static Expert[] Experts(int seriesCount) =>
    [
        .. from mass in new double[] { 1, seriesCount }.Distinct()
           from scaled in new[] { false, true }
           from gamma in Gammas
           select new Expert(mass, scaled, gamma),
    ];

    private sealed record Expert(double TestMass, bool Scaled, double Gamma)
    {
        public string Name => string.Create(CultureInfo.InvariantCulture, $"{(Scaled ? "vol-scaled" : "plain")}, test mass {TestMass:0}, γ {Gamma:0.00}");
    }
}
