using JorgeCopilot.Intelligence.Pricing;

namespace JorgeCopilot.UnitTests.Pricing;

public sealed class ConformalCalibratorTests
{
    [Fact]
    public void Half_width_is_the_ceil_n_plus_one_times_coverage_order_statistic()
    {
        var residuals = Enumerable.Range(1, 99).Select(i => (double)i).Reverse().ToArray();

        ConformalCalibrator.HalfWidth(residuals, 0.80).ShouldBe(80);
        ConformalCalibrator.HalfWidth(residuals, 0.95).ShouldBe(95);
    }

    [Fact]
    public void Too_few_residuals_fall_back_to_the_largest()
    {
        ConformalCalibrator.HalfWidth([0.1, 0.3, 0.2], 0.95).ShouldBe(0.3);
    }

    [Fact]
    public void Intervals_from_exchangeable_residuals_cover_close_to_nominal()
    {
        var random = new Random(5);
        double Noise() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()) * 0.15;
        var calibration = Enumerable.Range(0, 3000).Select(_ => Math.Abs(Noise())).ToArray();
        var actual = Enumerable.Range(0, 20000).Select(_ => Noise()).ToArray();

        foreach (var nominal in new[] { 0.80, 0.95 })
        {
            var w = ConformalCalibrator.HalfWidth(calibration, nominal);
            var coverage = ConformalCalibrator.Coverage(actual, actual.Select(_ => (-w, w)).ToArray());
            coverage.ShouldBeInRange(nominal - 0.02, nominal + 0.02);
        }
    }

    [Fact]
    public void Coverage_counts_values_inside_closed_intervals()
    {
        ConformalCalibrator.Coverage([1, 5, 10, 20], [(0, 1), (6, 9), (10, 12), (0, 19)]).ShouldBe(0.5);
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Should.Throw<ArgumentException>(() => ConformalCalibrator.HalfWidth([], 0.8));
        Should.Throw<ArgumentOutOfRangeException>(() => ConformalCalibrator.HalfWidth([1.0], 1.0));
        Should.Throw<ArgumentException>(() => ConformalCalibrator.Coverage([1.0], []));
    }
}
