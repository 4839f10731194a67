using JorgeCopilot.Intelligence.Pricing;

namespace JorgeCopilot.UnitTests.Pricing;

public sealed class PriceMetricsTests
{
    [Fact]
    public void Percentage_errors_and_shares_are_measured_against_the_actual_price()
    {
        double[] actual = [100, 100, 100, 100];
        double[] predicted = [104, 92, 115, 130];

        var m = PriceMetrics.Compute(actual, predicted, "time_");

        m["time_mdape"].ShouldBe(0.115, 1e-9);
        m["time_mape"].ShouldBe((0.04 + 0.08 + 0.15 + 0.30) / 4, 1e-9);
        m["time_within_5"].ShouldBe(0.25);
        m["time_within_10"].ShouldBe(0.5);
        m["time_within_20"].ShouldBe(0.75);
        m.ShouldContainKey("time_r2");
    }

    [Fact]
    public void Parcel_split_keeps_repeat_sales_together_and_is_about_one_fifth()
    {
        var sales = SyntheticSalesWithRepeats();
        var (train, test) = PricingHoldout.RandomSplit(sales);

        train.Select(s => s.ParcelId).Intersect(test.Select(s => s.ParcelId)).ShouldBeEmpty();
        (test.Count / (double)sales.Count).ShouldBeInRange(0.15, 0.25);
        ParcelHash.Uniform("7129300520", 1).ShouldBe(ParcelHash.Uniform("7129300520", 1));
    }

    private static List<HomeSale> SyntheticSalesWithRepeats()
    {
        var sales = JorgeCopilot.Testing.SyntheticSales.Generate(1000);
        sales.AddRange(sales.Take(100).Select(s => s with { SaleDate = s.SaleDate.AddDays(200) }));
        return sales;
    }
}
