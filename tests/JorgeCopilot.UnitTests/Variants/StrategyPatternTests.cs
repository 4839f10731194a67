using JorgeCopilot.Intelligence.Variants;

namespace JorgeCopilot.UnitTests.Variants;

public sealed class StrategyPatternTests
{
    [Fact]
    public void A_strategy_that_goes_with_more_wins_has_an_interval_above_zero()
    {
        var random = new Random(1);
        var units = Enumerable.Range(0, 400).Select(i =>
        {
            var used = i % 2 == 0;
            IReadOnlySet<string> strategies = used ? new HashSet<string> { Strategies.Empathetic } : new HashSet<string>();
            var won = random.NextDouble() < (used ? 0.7 : 0.4);
            return ("corpus", "won", strategies, won ? 1.0 : 0.0);
        }).ToList();

        var effect = StrategyPatternAnalyzer.Effects(units).Single(e => e.Strategy == Strategies.Empathetic);

        effect.ClearlyPositive.ShouldBeTrue();
        effect.Difference.ShouldBe(0.3, 0.1);
        effect.CohensD.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_strategy_unrelated_to_the_outcome_is_not_called_clear()
    {
        var random = new Random(2);
        var units = Enumerable.Range(0, 400).Select(i =>
        {
            IReadOnlySet<string> strategies = i % 2 == 0 ? new HashSet<string> { Strategies.Urgency } : new HashSet<string>();
            return ("corpus", "won", strategies, random.NextDouble() < 0.5 ? 1.0 : 0.0);
        }).ToList();

        var effect = StrategyPatternAnalyzer.Effects(units).Single(e => e.Strategy == Strategies.Urgency);

        effect.ClearlyPositive.ShouldBeFalse();
        effect.ClearlyNegative.ShouldBeFalse();
    }

    [Fact]
    public void Every_corpus_label_maps_to_at_most_one_strategy()
    {
        var labels = StrategyLabels.ByStrategy.SelectMany(kv => kv.Value).ToList();

        labels.Distinct(StringComparer.Ordinal).Count().ShouldBe(labels.Count);
    }
}
