using JorgeCopilot.Intelligence.Forecasting;

namespace JorgeCopilot.UnitTests.Forecasting;

public sealed class ForecastEngineTests
{
    private static readonly ForecastOptions Fast = new() { UseGlobalModel = false, Parallelism = 1, CalibrationOrigins = 8 };

    [Fact]
    public void Forecast_never_reads_months_after_the_cutoff()
    {
        var series = SyntheticSeries.Seasonal("s", 120, 1000, 0.003, 0.25, 0.05, 2);
        var tampered = series with { Values = series.Values.Select((v, t) => t >= 100 ? v * 50 : v).ToArray() };

        var a = new ForecastEngine(Fast).Forecast([series], 100)[0];
        var b = new ForecastEngine(Fast).Forecast([tampered], 100)[0];

        b.Median.ShouldBe(a.Median);
        b.Upper95.ShouldBe(a.Upper95);
    }

    [Fact]
    public void Combination_weights_and_band_choices_do_not_change_when_a_later_month_is_flipped()
    {
        var series = Enumerable.Range(0, 3).Select(i => SyntheticSeries.Seasonal($"s{i}", 132, 800 + 100 * i, 0.002, 0.25, 0.1, 20 + i)).ToArray();
        var flipped = series.Select(s => s with { Values = s.Values.Select((v, t) => t == 110 ? v * 0.01 : v).ToArray() }).ToArray();
        var reportA = new BandReport();
        var reportB = new BandReport();

        var a = new ForecastEngine(Fast).Forecast(series, 108, report: reportA);
        var b = new ForecastEngine(Fast).Forecast(flipped, 108, report: reportB);

        for (var i = 0; i < series.Length; i++)
        {
            b[i].Weights.ShouldBe(a[i].Weights);
            b[i].Lower80.ShouldBe(a[i].Lower80);
        }

        reportB.Counts.ShouldBe(reportA.Counts);
    }

    [Fact]
    public void With_outlier_cleaning_and_the_common_factor_a_flipped_later_month_changes_nothing()
    {
        // The cleaner's medians and the common factor both span many months: neither may reach past the cutoff.
        var options = Fast with { UseGlobalModel = true, CommonFactor = true, GlobalSeeds = 2, BoostingIterations = 40, Outliers = new OutlierRule(3, Iqr: false, KeepLast: 0) };
        var series = Enumerable.Range(0, 3).Select(i => SyntheticSeries.Seasonal($"s{i}", 120, 800 + 100 * i, 0.002, 0.25, 0.1, 40 + i)).ToArray();
        var flipped = series.Select(s => s with { Values = s.Values.Select((v, t) => t >= 100 ? v * 0.01 : v).ToArray() }).ToArray();

        var a = new ForecastEngine(options).Forecast(series, 100);
        var b = new ForecastEngine(options).Forecast(flipped, 100);

        for (var i = 0; i < series.Length; i++)
        {
            a[i].Weights.ShouldContainKey("lightgbm-global");
            b[i].Weights.ShouldBe(a[i].Weights);
            b[i].Median.ShouldBe(a[i].Median);
            b[i].Upper95.ShouldBe(a[i].Upper95);
        }
    }

    [Fact]
    public void Bands_are_nested_around_the_median()
    {
        var series = SyntheticSeries.Seasonal("s", 120, 1000, 0.003, 0.25, 0.1, 4);

        var f = new ForecastEngine(Fast).Forecast([series], 120)[0];

        for (var h = 0; h < 12; h++)
        {
            f.Lower95[h].ShouldBeLessThanOrEqualTo(f.Lower80[h]);
            f.Lower80[h].ShouldBeLessThanOrEqualTo(f.Median[h]);
            f.Median[h].ShouldBeLessThanOrEqualTo(f.Upper80[h]);
            f.Upper80[h].ShouldBeLessThanOrEqualTo(f.Upper95[h]);
        }
    }

    [Fact]
    public void Noisier_series_get_wider_bands()
    {
        var calm = SyntheticSeries.Seasonal("calm", 120, 1000, 0.003, 0.25, 0.02, 5);
        var noisy = SyntheticSeries.Seasonal("noisy", 120, 1000, 0.003, 0.25, 0.3, 5);

        var f = new ForecastEngine(Fast).Forecast([calm, noisy], 120);

        (f[1].Upper80[5] / f[1].Lower80[5]).ShouldBeGreaterThan(f[0].Upper80[5] / f[0].Lower80[5]);
    }

    [Fact]
    public void Combination_weights_sum_to_one()
    {
        var series = SyntheticSeries.Seasonal("s", 120, 1000, 0.003, 0.25, 0.1, 6);

        var f = new ForecastEngine(Fast).Forecast([series], 120)[0];

        f.Weights.Values.Sum().ShouldBe(1, 1e-9);
    }

    [Fact]
    public void Conformal_bands_cover_close_to_nominal_on_exchangeable_series()
    {
        var series = Enumerable.Range(0, 40).Select(i => SyntheticSeries.Seasonal($"s{i}", 132, 500 + 40 * i, 0.002, 0.3, 0.15, 100 + i)).ToArray();

        var forecasts = new ForecastEngine(Fast).Forecast(series, 120);
        var inside80 = 0.0;
        var inside95 = 0.0;
        for (var i = 0; i < series.Length; i++)
        {
            for (var h = 0; h < 12; h++)
            {
                var actual = series[i].Values[120 + h];
                inside80 += actual >= forecasts[i].Lower80[h] && actual <= forecasts[i].Upper80[h] ? 1 : 0;
                inside95 += actual >= forecasts[i].Lower95[h] && actual <= forecasts[i].Upper95[h] ? 1 : 0;
            }
        }

        (inside80 / (series.Length * 12)).ShouldBeInRange(0.7, 0.92);
        (inside95 / (series.Length * 12)).ShouldBeInRange(0.88, 1.0);
    }
}
