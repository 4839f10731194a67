using JorgeCopilot.Intelligence.Variants;

namespace JorgeCopilot.UnitTests.Variants;

public sealed class BanditSimulationTests
{
    [Fact]
    public void Thompson_sampling_loses_less_than_an_equal_split_when_one_arm_is_clearly_better()
    {
        var result = BanditSimulation.Run([0.05, 0.15], contacts: 5_000, runs: 5, seed: 1);

        result.Thompson.Regret.ShouldBeLessThan(result.EqualSplit.Regret / 5);
        result.Thompson.Conversions.ShouldBeGreaterThan(result.EqualSplit.Conversions);
    }

    [Fact]
    public void With_identical_arms_neither_rule_has_regret()
    {
        var result = BanditSimulation.Run([0.1, 0.1, 0.1], contacts: 2_000, runs: 2, seed: 1);

        result.Thompson.Regret.ShouldBe(0);
        result.EqualSplit.Regret.ShouldBe(0);
    }
}
