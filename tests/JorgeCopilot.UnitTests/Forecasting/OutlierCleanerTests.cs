using JorgeCopilot.Intelligence.Forecasting;

namespace JorgeCopilot.UnitTests.Forecasting;

public sealed class OutlierCleanerTests
{
    private static readonly OutlierRule Hampel = new(3, Iqr: false, KeepLast: 0);

    [Fact]
    public void One_spike_in_a_seasonal_series_is_replaced_by_the_fit_and_nothing_else_moves()
    {
        var clean = SyntheticSeries.Seasonal("s", 96, 1000, 0.004, 0.25, 0.03, 7).Values;
        var spiked = clean.ToArray();
        spiked[50] *= 3;

        var cleaned = OutlierCleaner.Clean(spiked, Hampel);

        // Back within the noise band of the true value (3% noise), far from the tripled month.
        (cleaned[50] / clean[50]).ShouldBeInRange(0.9, 1.1);
        for (var t = 0; t < clean.Length; t++)
        {
            if (t != 50)
            {
                cleaned[t].ShouldBe(spiked[t]);
            }
        }
    }

    [Fact]
    public void A_drop_is_cleaned_by_the_iqr_rule_too_but_not_inside_the_protected_last_months()
    {
        var values = SyntheticSeries.Seasonal("s", 96, 1000, 0.004, 0.25, 0.03, 8).Values.ToArray();
        values[40] *= 0.3;
        values[94] *= 0.3;

        var cleaned = OutlierCleaner.Clean(values, new OutlierRule(3, Iqr: true, KeepLast: 3));

        cleaned[40].ShouldBeGreaterThan(2 * values[40]);
        cleaned[94].ShouldBe(values[94]);
    }

    [Fact]
    public void A_level_shift_is_not_an_outlier()
    {
        var values = SyntheticSeries.Seasonal("s", 96, 1000, 0, 0.25, 0.03, 9).Values.Select((v, t) => t >= 48 ? 0.6 * v : v).ToArray();

        var cleaned = OutlierCleaner.Clean(values, Hampel);

        // At most a month either side of the break may look odd to a 13-month median; the new level stays.
        cleaned.Where((v, t) => v != values[t]).Count().ShouldBeLessThanOrEqualTo(2);
        cleaned[60..].ShouldBe(values[60..]);
    }

    [Fact]
    public void Histories_under_three_years_come_back_unchanged()
    {
        var values = SyntheticSeries.Seasonal("s", 30, 1000, 0, 0.25, 0.03, 10).Values.ToArray();
        values[10] *= 5;

        OutlierCleaner.Clean(values, Hampel).ShouldBe(values);
    }
}
