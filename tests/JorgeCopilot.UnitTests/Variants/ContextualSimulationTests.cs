using JorgeCopilot.Intelligence.Variants;

namespace JorgeCopilot.UnitTests.Variants;

public sealed class ContextualSimulationTests
{
    // Eight segments (temperature × stage); arm 0 wins with hot leads, arm 1 with cold ones, whatever the stage.
    private static readonly WorldContext[] World = new[] { "hot", "cold" }
        .SelectMany(t => new[] { "new", "qualified", "showing", "offer" }.Select(s =>
            new WorldContext([$"temperature={t}", $"stage={s}"], 1.0 / 8, t == "hot" ? [0.40, 0.10] : [0.05, 0.30])))
        .ToArray();

    [Fact]
    public void Both_policies_lose_far_less_than_a_coin_flip_and_the_comparison_repeats_exactly_under_its_seed()
    {
        const int leads = 1_500;
        var first = ContextualSimulation.Run(World, 2, leads, runs: 10, seed: 5);
        var again = ContextualSimulation.Run(World, 2, leads, runs: 10, seed: 5);

        // A coin flip between the two arms loses half the gap (0.30 hot, 0.25 cold) on every lead.
        var coinFlipRegret = leads * (0.30 + 0.25) / 2 / 2;
        first.Segment.Regret.ShouldBeLessThan(0.35 * coinFlipRegret);
        first.Contextual.Regret.ShouldBeLessThan(0.35 * coinFlipRegret);
        first.OracleConversions.ShouldBe(leads * (0.40 + 0.30) / 2, 1e-6);
        again.ShouldBe(first with { });
        first.Difference.ShouldBe(first.Contextual.Conversions - first.Segment.Conversions, 1e-9);
        first.DifferenceLow.ShouldBeLessThanOrEqualTo(first.Difference);
        first.DifferenceHigh.ShouldBeGreaterThanOrEqualTo(first.Difference);
    }
}
