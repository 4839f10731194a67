using JorgeCopilot.Intelligence.LeadScoring;

namespace JorgeCopilot.UnitTests.LeadScoring;

public sealed class ConformalIntervalTests
{
    [Fact]
    public void Covers_about_the_nominal_share_of_bins_on_fresh_leads_drawn_like_the_calibration_leads()
    {
        var (calibrationP, calibrationY) = Calibrated(40_000, seed: 1, shift: 0);
        var interval = ConformalProbabilityInterval.Fit(calibrationP, calibrationY, level: 0.8);
        interval.Bins.ShouldBe(200);

        var (testP, testY) = Calibrated(40_000, seed: 2, shift: 0);
        var predictions = Predictions(interval, testP);
        IntervalCoverage.BinCoverage(predictions, testY).ShouldBeInRange(0.7, 0.9);
    }

    [Fact]
    public void Coverage_collapses_when_the_later_leads_convert_more_than_the_model_says()
    {
        var (calibrationP, calibrationY) = Calibrated(40_000, seed: 1, shift: 0);
        var interval = ConformalProbabilityInterval.Fit(calibrationP, calibrationY, level: 0.8);

        // The same probabilities, but every lead converts 15 points more often: the interval should not pretend.
        var (testP, testY) = Calibrated(40_000, seed: 3, shift: 0.15);
        IntervalCoverage.BinCoverage(Predictions(interval, testP), testY).ShouldBeLessThan(0.2);
    }

    [Fact]
    public void Widened_by_the_drift_of_the_latest_leads_it_covers_later_leads_that_drift_the_same_way()
    {
        var (calibrationP, calibrationY) = Calibrated(40_000, seed: 1, shift: 0);
        var outOfFold = ConformalProbabilityInterval.Fit(calibrationP, calibrationY, level: 0.8);
        var (recentP, recentY) = Calibrated(8_000, seed: 5, shift: 0.05);
        var recent = ConformalProbabilityInterval.Fit(recentP, recentY, level: 0.8);

        var widened = outOfFold.WidenedBy(recent);

        widened.Quantile.ShouldBe(Math.Max(outOfFold.Quantile, recent.Quantile));
        widened.OutOfFoldQuantile.ShouldBe(outOfFold.Quantile);
        widened.RecentQuantile.ShouldBe(recent.Quantile);
        var (laterP, laterY) = Calibrated(40_000, seed: 6, shift: 0.05);
        IntervalCoverage.BinCoverage(Predictions(outOfFold, laterP), laterY).ShouldBeLessThan(0.5);
        IntervalCoverage.BinCoverage(Predictions(widened, laterP), laterY).ShouldBeGreaterThan(0.7);
    }

    [Fact]
    public void A_time_ordered_fit_records_the_drift_of_its_latest_rows_in_the_interval()
    {
        // Engagement rises over time, so the latest rows convert more than the earlier rows' model expects.
        var rows = SyntheticLeads.Generate(2500, seed: 11).Concat(SyntheticLeads.Generate(1000, seed: 12, shift: 0.6)
            .Select((e, i) => e with { Order = 2500 + i })).ToList();

        var model = LeadModelFitter.Fit(rows, SyntheticLeads.SmallOptions with { TimeOrdered = true });
        var plain = LeadModelFitter.Fit(rows, SyntheticLeads.SmallOptions);

        model.Artifact.Interval!.RecentQuantile.ShouldNotBeNull();
        model.Artifact.Interval.Quantile.ShouldBeGreaterThanOrEqualTo(model.Artifact.Interval.OutOfFoldQuantile!.Value);
        plain.Artifact.Interval!.RecentQuantile.ShouldBeNull();
    }

    [Fact]
    public void Interval_holds_the_probability_stays_in_range_and_is_wider_where_outcomes_are_noisier()
    {
        var interval = new ConformalProbabilityInterval(0.8, Quantile: 1.5 / Math.Sqrt(200), BinSize: 200, Bins: 100);
        foreach (var p in new[] { 0, 0.001, 0.05, 0.5, 0.97, 1 })
        {
            var (low, high) = interval.For(p);
            low.ShouldBeInRange(0, p);
            high.ShouldBeInRange(p, 1);
        }

        Width(interval, 0.5).ShouldBeGreaterThan(Width(interval, 0.05));
        Width(interval, 0.05).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_higher_level_gives_a_wider_interval()
    {
        var (p, y) = Calibrated(20_000, seed: 4, shift: 0);
        var narrow = ConformalProbabilityInterval.Fit(p, y, 0.5);
        var wide = ConformalProbabilityInterval.Fit(p, y, 0.95);
        wide.Quantile.ShouldBeGreaterThan(narrow.Quantile);
    }

    [Fact]
    public void Rejects_a_level_outside_zero_to_one_and_mismatched_labels()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ConformalProbabilityInterval.Fit([0.1, 0.2], [true, false], 1.0));
        Should.Throw<ArgumentException>(() => ConformalProbabilityInterval.Fit([0.1, 0.2], [true], 0.8));
    }

    private static double Width(ConformalProbabilityInterval interval, double p)
    {
        var (low, high) = interval.For(p);
        return high - low;
    }

    /// <summary>Probabilities spread like a lead book (mostly low) and outcomes drawn from them, optionally shifted up.</summary>
    private static (double[] P, bool[] Y) Calibrated(int n, int seed, double shift)
    {
        var random = new Random(seed);
        var p = Enumerable.Range(0, n).Select(_ => Math.Pow(random.NextDouble(), 3) * 0.9).ToArray();
        var y = p.Select(q => random.NextDouble() < Math.Min(1, q + shift)).ToArray();
        return (p, y);
    }

    private static List<LeadPrediction> Predictions(ConformalProbabilityInterval interval, double[] p) =>
        p.Select(q =>
        {
            var (low, high) = interval.For(q);
            return new LeadPrediction(q, low, high, "warm", 0);
        }).ToList();
}
