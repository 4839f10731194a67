using JorgeCopilot.Core.Evaluation;
using JorgeCopilot.Evals.Runner;

namespace JorgeCopilot.UnitTests.Evals;

public sealed class ThresholdEvaluatorTests
{
    private static readonly Dictionary<string, MetricThreshold> Bounds = new()
    {
        ["auc"] = new MetricThreshold(Min: 0.79),
        ["brier"] = new MetricThreshold(Max: 0.09),
    };

    [Fact]
    public void A_run_within_every_bound_passes()
    {
        var run = ThresholdEvaluator.Evaluate("lead-scoring", FixedEvalSuite.Measure("bank-marketing", ("auc", 0.80), ("brier", 0.08), ("ece", 0.5)), Bounds);

        run.Passed.ShouldBeTrue();
        run.Failures.ShouldBeNull();
        run.Thresholds.ShouldBe(Bounds);
    }

    [Fact]
    public void A_value_exactly_on_the_bound_passes()
    {
        ThresholdEvaluator.Evaluate("s", FixedEvalSuite.Measure("d", ("auc", 0.79), ("brier", 0.09)), Bounds).Passed.ShouldBeTrue();
    }

    [Fact]
    public void Below_min_and_above_max_fail_with_the_values_named()
    {
        var run = ThresholdEvaluator.Evaluate("lead-scoring", FixedEvalSuite.Measure("bank-marketing", ("auc", 0.71), ("brier", 0.12)), Bounds);

        run.Passed.ShouldBeFalse();
        run.Failures!.ShouldBe(["auc: 0.71 < min 0.79", "brier: 0.12 > max 0.09"], ignoreOrder: true);
    }

    [Fact]
    public void A_gated_metric_that_was_not_measured_fails()
    {
        var run = ThresholdEvaluator.Evaluate("s", FixedEvalSuite.Measure("d", ("auc", 0.9)), Bounds);

        run.Passed.ShouldBeFalse();
        run.Failures!.ShouldBe(["brier: not measured"]);
    }

    [Fact]
    public void NaN_never_meets_a_bound()
    {
        var run = ThresholdEvaluator.Evaluate("s", FixedEvalSuite.Measure("d", ("auc", double.NaN), ("brier", 0.01)), Bounds);

        run.Passed.ShouldBeFalse();
        run.Failures!.Single().ShouldStartWith("auc: NaN");
    }

    [Fact]
    public void A_run_without_thresholds_passes_and_says_so()
    {
        var run = ThresholdEvaluator.Evaluate("s", FixedEvalSuite.Measure("d", ("auc", 0.1)), new Dictionary<string, MetricThreshold>());

        run.Passed.ShouldBeTrue();
        run.Notes!.ShouldContain(n => n.Contains("No thresholds"));
    }
}
