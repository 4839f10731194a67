using JorgeCopilot.Intelligence.Forecasting;

namespace JorgeCopilot.UnitTests.Forecasting;

public sealed class LocalForecasterTests
{
    private static readonly double[] History = SyntheticSeries.Seasonal("s", 96, 1000, 0.004, 0.3, 0.0, 1).Values;

    [Fact]
    public void Seasonal_naive_repeats_the_same_month_a_year_earlier()
    {
        var forecast = new SeasonalNaive().Forecast(History, 14);

        forecast[0].ShouldBe(History[^12]);
        forecast[12].ShouldBe(History[^12]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Holt_winters_tracks_a_noise_free_seasonal_trend_within_two_percent(bool logAdditive)
    {
        var kind = logAdditive ? HoltWintersKind.LogAdditive : HoltWintersKind.Multiplicative;
        var full = SyntheticSeries.Seasonal("s", 108, 1000, 0.004, 0.3, 0.0, 1).Values;

        var forecast = new HoltWinters(kind).Forecast(full.AsSpan(0, 96), 12);

        for (var h = 0; h < 12; h++)
        {
            (Math.Abs(forecast[h] - full[96 + h]) / full[96 + h]).ShouldBeLessThan(0.02);
        }
    }

    [Fact]
    public void Theta_beats_seasonal_naive_on_a_growing_seasonal_series()
    {
        var full = SyntheticSeries.Seasonal("s", 108, 1000, 0.01, 0.3, 0.02, 3).Values;
        double Mae(double[] f) => f.Select((v, h) => Math.Abs(v - full[96 + h])).Average();

        var theta = Mae(new ThetaMethod().Forecast(full.AsSpan(0, 96), 12));
        var naive = Mae(new SeasonalNaive().Forecast(full.AsSpan(0, 96), 12));

        theta.ShouldBeLessThan(naive);
    }

    [Fact]
    public void Methods_refuse_histories_shorter_than_two_seasons()
    {
        Should.Throw<ArgumentException>(() => new HoltWinters(HoltWintersKind.LogAdditive).Forecast(History.AsSpan(0, 20), 12));
    }

    [Fact]
    public void Seasonal_naive_in_sample_error_is_the_mean_absolute_seasonal_difference()
    {
        double[] values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];

        SeasonalNaive.InSampleMae(values).ShouldBe(2);
    }
}
