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

    [Fact]
    public void Arms_with_equal_posteriors_share_the_slots_evenly_rather_than_tying_in_every_simulation()
    {
        var bandit = Bandit();
        var arms = Strategies.All.Select(s => Arm(s, 0, 0)).ToArray();

        // Many draws: each rank's propensity is read for whichever arm the draw put there.
        var first = new Dictionary<string, double>();
        for (var i = 0; i < 60 && first.Count < arms.Length; i++)
        {
            var top = bandit.Rank(arms, 3)[0];
            first[top.Arm.Strategy] = top.Propensity;
        }

        first.Values.ShouldAllBe(p => Math.Abs(p - 1.0 / arms.Length) < 0.03);
    }

    [Fact]
    public void After_one_arm_moves_the_propensities_follow_the_new_posteriors()
    {
        var bandit = Bandit();
        var arms = new[] { Arm("a", 100, 10), Arm("b", 100, 10), Arm("c", 100, 10) };
        bandit.Rank(arms, 1);

        arms[0].Trials = 100;
        arms[0].Successes = 60;
        var pick = bandit.Rank(arms, 1).Single();

        pick.Arm.Strategy.ShouldBe("a");
        pick.Propensity.ShouldBeGreaterThan(0.99);
    }
}
