using JorgeCopilot.Intelligence.Variants;

namespace JorgeCopilot.UnitTests.Variants;

public sealed class ThompsonSamplingTests
{
    [Fact]
    public void Beta_draws_average_to_the_posterior_mean()
    {
        var random = new Random(3);
        var arm = new BetaArm(3, 47);

        var mean = Enumerable.Range(0, 50_000).Average(_ => BetaSampler.Sample(random, arm.Alpha, arm.Beta));

        mean.ShouldBe(arm.Mean, 0.002);
    }

    [Fact]
    public void Choice_probabilities_sum_to_one_and_favour_the_arm_with_more_evidence_of_success()
    {
        var arms = new[] { BetaArm.FromCounts(200, 10), BetaArm.FromCounts(200, 30), BetaArm.FromCounts(200, 12) };

        var p = ThompsonSampling.ChoiceProbabilities(arms, 20_000, new Random(1));

        p.Sum().ShouldBe(1, 1e-9);
        p[1].ShouldBeGreaterThan(0.95);
    }

    [Fact]
    public void Two_arms_with_equal_posteriors_are_chosen_about_equally_often()
    {
        var arms = new[] { BetaArm.FromCounts(50, 5), BetaArm.FromCounts(50, 5) };

        var p = ThompsonSampling.ChoiceProbabilities(arms, 40_000, new Random(2));

        p[0].ShouldBe(0.5, 0.02);
    }

    [Fact]
    public void Every_slot_of_a_ranking_is_filled_with_probability_one()
    {
        var arms = Enumerable.Range(0, 6).Select(i => BetaArm.FromCounts(100, i * 3)).ToArray();

        var p = ThompsonSampling.SlotProbabilities(arms, 3, 10_000, new Random(4));

        for (var slot = 0; slot < 3; slot++)
        {
            Enumerable.Range(0, arms.Length).Sum(a => p[a, slot]).ShouldBe(1, 1e-9);
        }
    }
}
