using JorgeCopilot.Intelligence.Variants;

namespace JorgeCopilot.UnitTests.Variants;

public sealed class OffPolicyEstimatorTests
{
    private const int Items = 4;
    private static readonly double[] TrueRates = [0.02, 0.05, 0.10, 0.20];

    [Fact]
    public void Valuing_the_logging_policy_itself_gives_the_logged_reward_rate()
    {
        var log = UniformLog(5_000, seed: 1);
        var estimator = new OffPolicyEstimator(log, Policy(_ => 1.0 / Items), ClickRateModel.Fit(log, Items));

        estimator.Ips().ShouldBe(log.Average(r => r.Reward ? 1.0 : 0.0), 1e-12);
    }

    [Theory]
    [InlineData("ips")]
    [InlineData("snips")]
    [InlineData("dr")]
    public void A_policy_that_always_shows_the_best_item_is_valued_near_its_true_rate(string kind)
    {
        var log = UniformLog(40_000, seed: 2);
        var estimator = new OffPolicyEstimator(log, Policy(a => a == 3 ? 1 : 0), ClickRateModel.CrossFit(log, Items));

        var estimate = estimator.Estimate((e, rows) => kind switch { "ips" => e.Ips(rows), "snips" => e.Snips(rows), _ => e.Dr(rows) }, seed: 1);

        estimate.Contains(TrueRates[3]).ShouldBeTrue();
        (estimate.High - estimate.Low).ShouldBeLessThan(0.05);
    }

    [Fact]
    public void Doubly_robust_is_tighter_than_ips_when_the_reward_model_is_informative()
    {
        var log = UniformLog(20_000, seed: 3);
        var estimator = new OffPolicyEstimator(log, Policy(a => a >= 2 ? 0.5 : 0), ClickRateModel.CrossFit(log, Items));

        var ips = estimator.Estimate((e, rows) => e.Ips(rows), seed: 1);
        var dr = estimator.Estimate((e, rows) => e.Dr(rows), seed: 1);

        (dr.High - dr.Low).ShouldBeLessThan(ips.High - ips.Low);
    }

    private static double[,] Policy(Func<int, double> probability)
    {
        var p = new double[Items, OpenBanditLog.Slots];
        for (var a = 0; a < Items; a++)
        {
            for (var k = 0; k < OpenBanditLog.Slots; k++)
            {
                p[a, k] = probability(a);
            }
        }

        return p;
    }

    private static List<LoggedImpression> UniformLog(int rows, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows).Select(_ =>
        {
            var item = random.Next(Items);
            return new LoggedImpression(item, random.Next(OpenBanditLog.Slots), random.NextDouble() < TrueRates[item], 1.0 / Items);
        }).ToList();
    }
}
