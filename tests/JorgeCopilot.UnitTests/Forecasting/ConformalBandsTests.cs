using JorgeCopilot.Intelligence.Forecasting;

namespace JorgeCopilot.UnitTests.Forecasting;

public sealed class ConformalBandsTests
{
    [Fact]
    public void Equal_weights_give_the_finite_sample_conformal_order_statistic()
    {
        var residuals = Enumerable.Range(1, 99).Select(i => ((double)i, 1.0)).ToArray();

        var q = ConformalBands.Quantiles(residuals);

        q[2].ShouldBe(90);
        q[3].ShouldBe(98);
    }

    [Fact]
    public void Recent_residuals_outweigh_old_ones()
    {
        var old = Enumerable.Range(0, 50).Select(_ => (0.1, ConformalBands.Weight(120))).ToArray();
        var recent = Enumerable.Range(0, 50).Select(_ => (1.0, ConformalBands.Weight(0))).ToArray();

        var q = ConformalBands.Quantiles([.. old, .. recent]);

        q[1].ShouldBe(1.0);
    }
}
