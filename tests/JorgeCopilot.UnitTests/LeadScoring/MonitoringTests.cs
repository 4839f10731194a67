using JorgeCopilot.Intelligence.Monitoring;

namespace JorgeCopilot.UnitTests.LeadScoring;

public sealed class MonitoringTests
{
    private static float[] Normal(int n, double mean, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ =>
            (float)(mean + Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()))).ToArray();
    }

    [Fact]
    public void Psi_is_near_zero_for_the_same_distribution_and_large_for_a_shift()
    {
        var bins = PopulationStability.Fit("x", Normal(5000, 0, 1));
        var same = PopulationStability.Index(bins.Proportions, PopulationStability.Proportions(bins.Edges, Normal(5000, 0, 2)));
        var shifted = PopulationStability.Index(bins.Proportions, PopulationStability.Proportions(bins.Edges, Normal(5000, 1, 3)));
        same.ShouldBeLessThan(0.02);
        shifted.ShouldBeGreaterThan(PopulationStability.SignificantShift);
        PopulationStability.Band(same).ShouldBe("stable");
        PopulationStability.Band(0.15).ShouldBe("moderate");
        PopulationStability.Band(shifted).ShouldBe("significant");
    }

    [Fact]
    public void Psi_matches_the_formula_on_given_proportions()
    {
        var psi = PopulationStability.Index([0.5, 0.5], [0.25, 0.75]);
        psi.ShouldBe((0.25 - 0.5) * Math.Log(0.25 / 0.5) + (0.75 - 0.5) * Math.Log(0.75 / 0.5), 1e-12);
    }

    [Fact]
    public void Drift_report_flags_a_retrain_only_with_enough_traffic_and_a_significant_shift()
    {
        var reference = new[] { PopulationStability.Fit("a", Normal(3000, 0, 4)), PopulationStability.Fit("b", Normal(3000, 0, 5)) };
        var few = ModelMonitor.Drift(reference, Enumerable.Range(0, 10).Select(_ => new[] { 0f, 0f }).ToList());
        few.RetrainRecommended.ShouldBeFalse();
        few.Features.ShouldBeEmpty();

        var a = Normal(500, 0, 6);
        var b = Normal(500, 2, 7);
        var drifted = ModelMonitor.Drift(reference, a.Select((v, i) => new[] { v, b[i] }).ToList());
        drifted.RetrainRecommended.ShouldBeTrue();
        drifted.Features[0].Feature.ShouldBe("b");
        drifted.Features.Single(f => f.Feature == "a").Band.ShouldBe("stable");
    }

    [Fact]
    public void Binary_metrics_match_known_values()
    {
        double[] scores = [0.1, 0.4, 0.35, 0.8];
        bool[] labels = [false, false, true, true];
        BinaryMetrics.Auc(scores, labels).ShouldBe(0.75, 1e-12);
        BinaryMetrics.PrAuc(scores, labels).ShouldBe(0.8333333333, 1e-9); // scikit-learn's average_precision_score
        BinaryMetrics.Brier([1.0, 0.0], [true, true]).ShouldBe(0.5, 1e-12);
        BinaryMetrics.BaselineAccuracy([true, false, false, false]).ShouldBe(0.75);
        BinaryMetrics.TopDecileLift(Enumerable.Range(0, 100).Select(i => (double)i).ToArray(), Enumerable.Range(0, 100).Select(i => i >= 90).ToArray())
            .ShouldBe(10, 1e-12);
    }

    [Fact]
    public void Next_retraining_run_is_the_next_configured_weekday_and_hour()
    {
        var wednesday = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        Intelligence.Monitoring.RetrainingJob.NextRun(wednesday, DayOfWeek.Sunday, 3).ShouldBe(new DateTimeOffset(2026, 11, 29, 3, 0, 0, TimeSpan.Zero));
        Intelligence.Monitoring.RetrainingJob.NextRun(wednesday, DayOfWeek.Wednesday, 12).ShouldBe(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        Intelligence.Monitoring.RetrainingJob.NextRun(wednesday, DayOfWeek.Wednesday, 10).ShouldBe(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
    }
}
