using JorgeCopilot.Intelligence.LeadScoring;
using JorgeCopilot.Intelligence.Monitoring;

namespace JorgeCopilot.UnitTests.LeadScoring;

public sealed class CalibrationAndBandsTests
{
    [Fact]
    public void Platt_recovers_the_sigmoid_that_generated_the_labels()
    {
        var random = new Random(11);
        var scores = Enumerable.Range(0, 20000).Select(_ => random.NextDouble() * 8 - 4).ToArray();
        // True p = 1 / (1 + exp(-1.5 s + 0.5)), i.e. A = -1.5, B = 0.5.
        var labels = scores.Select(s => random.NextDouble() < 1 / (1 + Math.Exp(-1.5 * s + 0.5))).ToArray();
        var platt = PlattCalibrator.Fit(scores, labels);
        platt.A.ShouldBe(-1.5, 0.1);
        platt.B.ShouldBe(0.5, 0.1);
        BinaryMetrics.Ece(scores.Select(platt.Probability).ToArray(), labels).ShouldBeLessThan(0.02);
    }

    [Fact]
    public void Calibrated_model_is_calibrated_on_new_leads()
    {
        var model = SyntheticLeads.Model;
        var fresh = SyntheticLeads.Generate(3000, seed: 21);
        var p = model.PredictBatch(fresh.Select(e => model.Features.Transform(e.Lead)).ToList()).Select(q => q.Probability).ToArray();
        var y = fresh.Select(e => e.Converted).ToArray();
        BinaryMetrics.Ece(p, y).ShouldBeLessThan(0.05);
        BinaryMetrics.Auc(p, y).ShouldBeGreaterThan(0.7);
    }

    [Fact]
    public void Bands_come_from_the_data_and_order_hot_warm_cold()
    {
        var bands = SyntheticLeads.Model.Artifact.Bands;
        bands.Hot.ShouldBeGreaterThan(bands.Warm);
        bands.For(bands.Hot).ShouldBe(TemperatureBands.HotBand);
        bands.For((bands.Hot + bands.Warm) / 2).ShouldBe(TemperatureBands.WarmBand);
        bands.For(bands.Warm - 1e-6).ShouldBe(TemperatureBands.ColdBand);

        // Hot is the top decile of the training distribution: about a tenth of fresh leads land there.
        var model = SyntheticLeads.Model;
        var fresh = SyntheticLeads.Generate(2000, seed: 5);
        var hot = model.PredictBatch(fresh.Select(e => model.Features.Transform(e.Lead)).ToList()).Count(p => p.Band == TemperatureBands.HotBand) / 2000.0;
        hot.ShouldBeInRange(0.04, 0.2);
    }

    [Fact]
    public void Interval_contains_the_point_estimate_and_batch_scoring_matches_the_prediction_engine()
    {
        var model = SyntheticLeads.Model;
        var rows = SyntheticLeads.Generate(40, seed: 8).Select(e => model.Features.Transform(e.Lead)).ToList();
        var batch = model.PredictBatch(rows);
        for (var i = 0; i < rows.Count; i++)
        {
            var single = model.Predict(rows[i]);
            single.RawScore.ShouldBe(batch[i].RawScore, 1e-4);
            single.Low.ShouldBeLessThanOrEqualTo(single.Probability);
            single.High.ShouldBeGreaterThanOrEqualTo(single.Probability);
        }
    }

    [Fact]
    public void Saved_model_loads_back_to_the_same_predictions()
    {
        var model = SyntheticLeads.Model;
        var reloaded = LeadScoringModel.Load(model.Bytes);
        foreach (var example in SyntheticLeads.Generate(20, seed: 9))
        {
            reloaded.Predict(example.Lead).Probability.ShouldBe(model.Predict(example.Lead).Probability, 1e-9);
        }
    }

    [Fact]
    public void Reasons_are_signed_points_that_add_up_to_the_gap_from_the_average_lead()
    {
        var model = SyntheticLeads.Model;
        var lead = SyntheticLeads.Generate(5, seed: 10)[0].Lead;
        var explanation = model.Explain(lead);
        var baseline = model.Artifact.Calibrator.Probability(explanation.Attribution.Bias);
        explanation.AllReasons.Sum(r => r.Points).ShouldBe((explanation.Prediction.Probability - baseline) * 100, 0.5);
        explanation.TopReasons.ShouldNotBeEmpty();
        explanation.TopReasons[0].Text.ShouldMatch(@": [+−]\d+(\.\d)? pts$");
        explanation.TopReasons.Select(r => Math.Abs(r.Points)).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public void Coverage_counts_bins_whose_observed_rate_lies_inside_the_interval()
    {
        var predictions = Enumerable.Range(0, 400).Select(i => new LeadPrediction(0.5, 0.4, 0.6, "warm", 0)).ToList();
        var inside = Enumerable.Range(0, 400).Select(i => i % 2 == 0).ToList();
        var outside = Enumerable.Range(0, 400).Select(i => i % 10 == 0).ToList();
        IntervalCoverage.BinCoverage(predictions, inside).ShouldBe(1);
        IntervalCoverage.BinCoverage(predictions, outside).ShouldBe(0);
    }
}
