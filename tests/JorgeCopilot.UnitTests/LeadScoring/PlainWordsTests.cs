using JorgeCopilot.Intelligence.LeadScoring;

namespace JorgeCopilot.UnitTests.LeadScoring;

/// <summary>Reasons use the mapping's labels, and a lead without the model's columns is told so in those words.</summary>
public sealed class PlainWordsTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["engagement"] = "engagement score", ["lead_source"] = "where the lead came from" };

    private static readonly Lazy<LeadScoringModel> Labelled = new(() =>
        LeadModelFitter.Fit(SyntheticLeads.Generate(1500, seed: 7), SyntheticLeads.SmallOptions, dataset: "synthetic", labels: Labels));

    [Fact]
    public void Reasons_name_columns_by_their_mapping_label()
    {
        var lead = SyntheticLeads.Generate(1, seed: 99)[0].Lead;

        var reasons = Labelled.Value.Explain(lead, top: 10).AllReasons;

        var engagement = reasons.Single(r => r.Feature == "engagement");
        engagement.Text.ShouldStartWith($"engagement score: {lead.Attributes["engagement"]}: ");
        reasons.Single(r => r.Feature == "lead_source").Text.ShouldStartWith($"where the lead came from: {lead.Attributes["lead_source"]}");
        // Unlabelled columns keep their name.
        reasons.Where(r => r.Feature == "age").ShouldAllBe(r => r.Text.StartsWith("age = ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_lead_lacking_most_columns_cannot_be_scored_and_the_message_names_them_in_plain_words()
    {
        var model = Labelled.Value;
        var crmLead = LeadRecord.FromAttributes("c-1", new Dictionary<string, string> { ["age"] = "40", ["utm_source"] = "google" });
        var bankLead = SyntheticLeads.Generate(1, seed: 5)[0].Lead;

        model.Artifact.Schema.CannotScore(crmLead).ShouldBeTrue();
        model.Artifact.Schema.CannotScore(bankLead).ShouldBeFalse();
        var message = LeadScoringService.NotEnoughToScore(3, model, crmLead);
        message.ShouldStartWith("Not enough to score this lead: missing engagement score, ");
        message.ShouldContain("where the lead came from");
        message.ShouldContain("v3, trained on synthetic");
        message.ShouldNotContain("age,");
    }
}
