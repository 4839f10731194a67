using JorgeCopilot.Intelligence.Forecasting;

namespace JorgeCopilot.UnitTests.Forecasting;

public sealed class AdaptiveBandsTests
{
    private const int Horizon = 12;
    private const int Window = 23;

    [Fact]
    public void The_aci_step_widens_after_misses_and_narrows_after_a_covered_run()
    {
        // Nominal 20% miss rate, γ = 0.05, a hand-made run of realised miss rates: a shock then calm.
        var alpha = 0.2;
        var path = new List<double>();
        foreach (var miss in new[] { 0.2, 0.9, 0.8, 0.0, 0.0 })
        {
            alpha = AdaptiveBands.Step(alpha, 0.05, 0.2, miss);
            path.Add(alpha);
        }

        path[0].ShouldBe(0.2, 1e-12);
        path[1].ShouldBe(0.2 - 0.05 * 0.7, 1e-12);
        path[2].ShouldBe(0.165 - 0.05 * 0.6, 1e-12);
        path[3].ShouldBe(0.135 + 0.05 * 0.2, 1e-12);
        path[4].ShouldBe(0.145 + 0.05 * 0.2, 1e-12);
        AdaptiveBands.Step(0.2, 0, 0.2, 1).ShouldBe(0.2);
    }

    [Fact]
    public void Pinball_loss_charges_a_bound_by_its_level()
    {
        AdaptiveBands.Pinball(2, 1, 0.9).ShouldBe(0.9, 1e-12);
        AdaptiveBands.Pinball(0, 1, 0.9).ShouldBe(0.1, 1e-12);
        AdaptiveBands.Pinball(1, 1, 0.9).ShouldBe(0);
    }

    [Fact]
    public void Quantile_with_a_larger_test_mass_moves_toward_the_extremes()
    {
        var sorted = Enumerable.Range(1, 99).Select(i => ((double)i, 1.0)).ToArray();

        AdaptiveBands.Quantile(sorted, 0.9, 1).ShouldBe(90);
        AdaptiveBands.Quantile(sorted, 0.9, 50).ShouldBe(99);
        AdaptiveBands.Quantile(sorted, 0.1, 1).ShouldBe(10);
    }

    [Fact]
    public void Calm_history_gives_about_the_nominal_quantiles_of_its_residuals()
    {
        var (cutoffs, residuals) = Residuals(60, 40, origin: 200, shockFrom: int.MaxValue, seed: 3);

        var bands = AdaptiveBands.Fit(cutoffs, residuals, 200, Horizon, Window);

        // Residuals are uniform on [-1, 1]: the 80% band is about ±0.8, the 95% band about ±0.95.
        bands.Quantile(0, 2).ShouldBeInRange(0.7, 0.9);
        bands.Quantile(0, 1).ShouldBeInRange(-0.9, -0.7);
        bands.Quantile(0, 3).ShouldBeInRange(0.88, 1.0);
    }

    [Fact]
    public void A_common_shock_seen_by_the_origin_widens_the_bands_beyond_plain_split_conformal()
    {
        const int origin = 200;
        var (cutoffs, residuals) = Residuals(60, 40, origin, shockFrom: 170, seed: 4);
        var plain = PlainUpper80(cutoffs, residuals, origin, h: 0);

        var bands = AdaptiveBands.Fit(cutoffs, residuals, origin, Horizon, Window);

        bands.Quantile(0, 2).ShouldBeGreaterThan(plain);
        bands.Chosen.ShouldContain(name => !name.StartsWith("plain, test mass 1, γ 0.00", StringComparison.Ordinal));
    }

    [Fact]
    public void Residuals_not_yet_realised_are_never_read()
    {
        const int origin = 200;
        var (cutoffs, residuals) = Residuals(60, 40, origin, shockFrom: 170, seed: 5);
        var a = AdaptiveBands.Fit(cutoffs, residuals, origin, Horizon, Window);
        // The engine marks unknown targets NaN; anything there must not matter. Put garbage in place of every NaN.
        foreach (var row in residuals.SelectMany(r => r))
        {
            for (var h = 0; h < row.Length; h++)
            {
                row[h] = double.IsNaN(row[h]) ? 1e6 : row[h];
            }
        }

        var b = AdaptiveBands.Fit(cutoffs, residuals, origin, Horizon, Window);

        for (var h = 0; h < Horizon; h++)
        {
            for (var level = 0; level < 4; level++)
            {
                b.Quantile(h, level).ShouldBe(a.Quantile(h, level));
            }
        }
    }

    [Fact]
    public void Dispersion_is_one_in_a_normal_quarter_and_larger_after_a_shock()
    {
        const int origin = 200;
        var (cutoffs, residuals) = Residuals(60, 40, origin, shockFrom: 170, seed: 6);

        var volatility = AdaptiveBands.Volatility(cutoffs, residuals, origin);

        volatility[cutoffs[10]].ShouldBeInRange(0.6, 1.5);
        volatility[origin].ShouldBeGreaterThan(3);
    }

    private static double PlainUpper80(int[] cutoffs, double[][][] residuals, int origin, int h)
    {
        var set = new List<(double, double)>();
        foreach (var j in Enumerable.Range(0, cutoffs.Length).Where(j => cutoffs[j] < origin).TakeLast(Window))
        {
            if (cutoffs[j] + h < origin)
            {
                set.AddRange(residuals[j].Select(r => (r[h], ConformalBands.Weight(origin - (cutoffs[j] + h)))));
            }
        }

        return ConformalBands.Quantiles([.. set])[2];
    }

    /// <summary>
    /// Scaled residuals of <paramref name="series"/> series at cutoffs every 3 months before the origin, uniform on [-1, 1];
    /// from <paramref name="shockFrom"/> on every series' target months sit 4 higher (a common shock). NaN where the
    /// target month is not known by the origin, as the engine passes them.
    /// </summary>
    private static (int[] Cutoffs, double[][][] Residuals) Residuals(int count, int series, int origin, int shockFrom, int seed)
    {
        var random = new Random(seed);
        var cutoffs = Enumerable.Range(1, count).Select(j => origin - 3 * j).Where(c => c > 0).OrderBy(c => c).ToArray();
        var residuals = cutoffs.Select(c => Enumerable.Range(0, series).Select(_ => Enumerable.Range(0, Horizon).Select(h =>
            c + h >= origin ? double.NaN : random.NextDouble() * 2 - 1 + (c + h >= shockFrom ? 4 : 0)).ToArray()).ToArray()).ToArray();
        return (cutoffs, residuals);
    }
}
