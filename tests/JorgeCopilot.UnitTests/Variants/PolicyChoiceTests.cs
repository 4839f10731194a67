using JorgeCopilot.Core.Evaluation;
using JorgeCopilot.Intelligence.Variants;

namespace JorgeCopilot.UnitTests.Variants;

public sealed class PolicyChoiceTests
{
    [Theory]
    [InlineData(new[] { 0.01, -0.02 }, new[] { 0.05, 0.01 }, VariantsOptions.ContextualPolicy)] // better once, never worse
    [InlineData(new[] { 0.01, -0.05 }, new[] { 0.05, -0.01 }, VariantsOptions.SegmentPolicy)] // better once, worse once
    [InlineData(new[] { -0.01, -0.02 }, new[] { 0.05, 0.01 }, VariantsOptions.SegmentPolicy)] // never significant
    public void Contextual_becomes_the_default_only_when_better_somewhere_and_worse_nowhere(double[] lows, double[] highs, string expected)
    {
        var runs = lows.Select((low, i) => new EvalMeasurement($"run-{i}", new Dictionary<string, double>
        {
            [PolicyChoice.DifferenceLow] = low,
            [PolicyChoice.DifferenceHigh] = highs[i],
        })).Append(new EvalMeasurement("no-comparison", new Dictionary<string, double> { ["ips"] = 0.1 })).ToList();

        var choice = PolicyChoice.Measure(runs, VariantsOptions.SegmentPolicy);

        choice.Metrics["comparisons"].ShouldBe(2);
        choice.Metrics["evidence_default_contextual"].ShouldBe(expected == VariantsOptions.ContextualPolicy ? 1 : 0);
        choice.Metrics["default_follows_evidence"].ShouldBe(expected == VariantsOptions.SegmentPolicy ? 1 : 0);
    }
}
