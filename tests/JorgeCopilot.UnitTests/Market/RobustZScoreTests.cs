using JorgeCopilot.Intelligence.Market;

namespace JorgeCopilot.UnitTests.Market;

public sealed class RobustZScoreTests
{
    [Fact]
    public void An_outlier_is_flagged_and_cannot_hide_itself_by_inflating_the_scale()
    {
        double[] values = [10, 11, 9, 10, 12, 8, 10, 11, 9, 60];

        var z = RobustZScore.Compute(values);

        Math.Abs(z[^1]).ShouldBeGreaterThan(RobustZScore.Threshold);
        z.Take(9).ShouldAllBe(v => Math.Abs(v) < RobustZScore.Threshold);
    }

    [Fact]
    public void Identical_majority_falls_back_to_mean_absolute_deviation()
    {
        var z = RobustZScore.Compute([5, 5, 5, 5, 5, 9]);

        z.ShouldAllBe(v => !double.IsNaN(v) && !double.IsInfinity(v));
        z[^1].ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Seasonal_series_spike_is_an_anomaly_but_the_season_is_not()
    {
        var start = new DateOnly(2018, 1, 1);
        var points = Enumerable.Range(0, 60).Select(i =>
        {
            var seasonal = 10 * Math.Sin(2 * Math.PI * i / 12);
            var wiggle = (i * 7 % 5) - 2;
            return new MonthlyPoint(start.AddMonths(i), 100 + i + seasonal + wiggle + (i == 50 ? 40 : 0));
        }).ToList();

        var trend = SeriesTrend.Analyze("zhvi", points)!;

        trend.Anomalies.Select(a => a.Month).ShouldContain(start.AddMonths(50));
        trend.Anomalies.Count.ShouldBeLessThanOrEqualTo(2);
        trend.Direction.ShouldBe("rising");
        trend.YearOverYear.ShouldNotBeNull();
        trend.MonthOverMonth.ShouldNotBeNull();
    }

    [Fact]
    public void Changes_and_momentum_follow_the_definitions()
    {
        var start = new DateOnly(2020, 1, 1);
        // Flat for a year, then +1% a month: accelerating.
        var points = Enumerable.Range(0, 25).Select(i => new MonthlyPoint(start.AddMonths(i), i < 12 ? 100 : 100 * Math.Pow(1.01, i - 12))).ToList();

        var trend = SeriesTrend.Analyze("zhvi", points)!;

        trend.MonthOverMonth!.Value.ShouldBe(0.01, 1e-9);
        trend.YearOverYear!.Value.ShouldBe(Math.Pow(1.01, 12) - 1, 1e-9);
        trend.Momentum!.Value.ShouldBe(Math.Pow(1.01, 12) - 1 - trend.YearOverYear.Value, 1e-9);
    }
}
