using JorgeCopilot.Core.Variants;
using JorgeCopilot.Intelligence.Variants;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.UnitTests.Variants;

public sealed class VariantBanditTests
{
    private static VariantBandit Bandit(int minimumTrials = 100) =>
        new(Options.Create(new VariantsOptions { Seed = 1, MinimumTrials = minimumTrials, Simulations = 5_000 }));

    private static VariantArm Arm(string strategy, long trials, long successes, ArmStatus status = ArmStatus.Exploring) =>
        new() { Id = strategy.GetHashCode(StringComparison.Ordinal), Segment = "all", Strategy = strategy, Trials = trials, Successes = successes, Status = status };

    [Fact]
    public void Nothing_is_promoted_or_retired_before_every_arm_has_the_minimum_sample()
    {
        var arms = new[] { Arm("a", 400, 200), Arm("b", 400, 20), Arm("c", 99, 0) };

        Bandit().Review(arms).ShouldBeEmpty();
    }

    [Fact]
    public void A_clear_winner_is_promoted_and_clear_losers_retired_but_two_arms_always_stay()
    {
        var arms = new[] { Arm("a", 400, 200), Arm("b", 400, 20), Arm("c", 400, 22) };

        var changes = Bandit().Review(arms).ToDictionary(c => c.Arm.Strategy, c => c.Status);

        changes["a"].ShouldBe(ArmStatus.Promoted);
        changes.Values.Count(s => s == ArmStatus.Retired).ShouldBe(1);
    }

    [Fact]
    public void Close_arms_stay_exploring()
    {
        var arms = new[] { Arm("a", 300, 60), Arm("b", 300, 63), Arm("c", 300, 58) };

        Bandit().Review(arms).ShouldBeEmpty();
    }

    [Fact]
    public void Retired_arms_are_never_served()
    {
        var arms = new[] { Arm("a", 10, 5), Arm("b", 10, 5, ArmStatus.Retired), Arm("c", 10, 5) };

        var ranked = Bandit().Rank(arms, 3);

        ranked.Select(r => r.Arm.Strategy).ShouldBe(["a", "c"], ignoreOrder: true);
    }

    [Fact]
    public void Propensities_of_the_first_rank_over_fresh_arms_are_close_to_uniform()
    {
        var arms = Strategies.All.Select(s => Arm(s, 0, 0)).ToArray();

        var ranked = Bandit().Rank(arms, 1);

        ranked.Single().Propensity.ShouldBe(1.0 / 6, 0.03);
    }

    [Fact]
    public void Segments_follow_the_configured_dimensions()
    {
        var facts = new LeadFacts("Hot", "Qualified", "sms");

        facts.Segment(new VariantsOptions()).ShouldBe("temperature=hot|stage=qualified");
        facts.Segment(new VariantsOptions { SegmentBy = ["channel"] }).ShouldBe("channel=sms");
        facts.Segment(new VariantsOptions { SegmentBy = [] }).ShouldBe("all");
    }
}
