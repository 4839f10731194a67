using JorgeCopilot.Intelligence.LeadScoring;

namespace JorgeCopilot.UnitTests.LeadScoring;

/// <summary>The served champion is recalibrated on the store's outcomes of leads created after its training rows.</summary>
public sealed class RecalibratedServingTests
{
    private static readonly DateTime Start = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly Lazy<LeadScoringModel> Model = new(() =>
        LeadModelFitter.Fit(Dated(SyntheticLeads.Generate(1500, seed: 7), firstMonth: 0, months: 6), SyntheticLeads.SmallOptions));

    [Fact]
    public void The_model_records_when_its_training_rows_end()
    {
        Model.Value.Artifact.TrainedThrough.ShouldBe(Start.AddMonths(5));
    }

    [Fact]
    public void Outcomes_of_later_leads_that_convert_more_lift_the_served_probability_toward_what_they_show()
    {
        var model = Model.Value;
        var later = Converting(Dated(SyntheticLeads.Generate(1600, seed: 8), firstMonth: 6, months: 4), seed: 9);
        var labelled = later.Select(e => (e, e.Lead.CreatedAt)).ToList();

        var served = LeadScoringService.Recalibration(model, labelled).ShouldNotBeNull();

        served.Outcomes.ShouldBeGreaterThanOrEqualTo(RollingRecalibration.DefaultMinimumRows);
        var fresh = Converting(Dated(SyntheticLeads.Generate(2000, seed: 10), firstMonth: 10, months: 1), seed: 11);
        var predictions = model.PredictBatch(fresh.Select(e => model.Features.Transform(e.Lead)).ToList());
        var observed = fresh.Average(e => e.Converted ? 1.0 : 0.0);
        var asTrained = predictions.Average(p => p.Probability);
        var recalibrated = predictions.Select(p => served.Apply(p, model.Artifact.Bands)).ToList();
        Math.Abs(recalibrated.Average(p => p.Probability) - observed).ShouldBeLessThan(Math.Abs(asTrained - observed) / 3);
        recalibrated.ShouldAllBe(p => p.Low <= p.Probability && p.Probability <= p.High);
    }

    [Fact]
    public void Outcomes_the_model_was_trained_on_or_too_few_later_ones_leave_it_as_trained()
    {
        var model = Model.Value;
        var trainedOn = Dated(SyntheticLeads.Generate(1500, seed: 7), firstMonth: 0, months: 6);
        LeadScoringService.Recalibration(model, trainedOn.Select(e => (e, e.Lead.CreatedAt)).ToList()).ShouldBeNull();

        var few = Converting(Dated(SyntheticLeads.Generate(RollingRecalibration.DefaultMinimumRows - 1, seed: 12), firstMonth: 6, months: 2), seed: 13);
        LeadScoringService.Recalibration(model, few.Select(e => (e, e.Lead.CreatedAt)).ToList()).ShouldBeNull();
    }

    /// <summary>Rows spread evenly over <paramref name="months"/> months from <paramref name="firstMonth"/> after January 2025.</summary>
    private static List<LeadExample> Dated(List<LeadExample> rows, int firstMonth, int months) =>
        rows.Select((e, i) => e with { Lead = e.Lead with { CreatedAt = Start.AddMonths(firstMonth + i * months / rows.Count) } }).ToList();

    /// <summary>The same leads, but 40% of those that did not convert now do: the base rate jumps as in bank-marketing.</summary>
    private static List<LeadExample> Converting(List<LeadExample> rows, int seed)
    {
        var random = new Random(seed);
        return rows.Select(e => e with { Converted = e.Converted || random.NextDouble() < 0.4 }).ToList();
    }
}
