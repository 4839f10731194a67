using JorgeCopilot.Intelligence.Forecasting;

namespace JorgeCopilot.UnitTests.Forecasting;

public sealed class CommonFactorTests
{
    [Fact]
    public void The_common_factor_is_the_mean_log_year_on_year_change_across_series()
    {
        var a = new ForecastSeries("a", new DateOnly(2010, 1, 1), Enumerable.Range(0, 24).Select(t => t < 12 ? 99.0 : 199.0).ToArray());
        var b = new ForecastSeries("b", new DateOnly(2010, 1, 1), Enumerable.Repeat(49.0, 24).ToArray());

        var factor = LagFeatures.CommonFactor([a, b]);

        factor[..12].ShouldAllBe(f => f == 0);
        factor[12].ShouldBe((Math.Log(200) - Math.Log(100)) / 2, 1e-12);
    }

    [Fact]
    public void Common_features_at_a_cutoff_read_no_later_month()
    {
        var series = Enumerable.Range(0, 3).Select(i => SyntheticSeries.Seasonal($"s{i}", 80, 500 + 100 * i, 0.003, 0.2, 0.1, 30 + i)).ToArray();
        var tampered = series.Select(s => s with { Values = s.Values.Select((v, t) => t >= 60 ? v * 40 : v).ToArray() }).ToArray();
        var before = new float[LagFeatures.Count + LagFeatures.CommonCount];
        var after = new float[before.Length];

        LagFeatures.FillCommon(LagFeatures.CommonFactor(series), 60, before);
        LagFeatures.FillCommon(LagFeatures.CommonFactor(tampered), 60, after);

        after.ShouldBe(before);
        before[LagFeatures.Count + 2].ShouldNotBe(0f);
    }
}
