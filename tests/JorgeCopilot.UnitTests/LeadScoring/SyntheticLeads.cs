using System.Globalization;
using JorgeCopilot.Intelligence.LeadScoring;

namespace JorgeCopilot.UnitTests.LeadScoring;

/// <summary>
/// Seeded synthetic leads with a known structure (conversion rises with engagement and previous contacts, depends on
/// the source), so the lead-scoring machinery can be tested without data files. One small trained model is shared.
/// </summary>
public static class SyntheticLeads
{
    public static readonly LeadModelOptions SmallOptions = new()
    {
        Folds = 2,
        Trees = 40,
        Leaves = 8,
        MinLeafCount = 20,
        LearningRate = 0.1,
        Candidates = [LeadAlgorithm.LightGbm],
    };

    private static readonly Lazy<LeadScoringModel> TreeModel = new(() => LeadModelFitter.Fit(Generate(1500, seed: 7), SmallOptions));

    public static LeadScoringModel Model => TreeModel.Value;

    public static List<LeadExample> Generate(int count, int seed, double shift = 0)
    {
        var random = new Random(seed);
        string[] sources = ["web", "referral", "portal"];
        var result = new List<LeadExample>(count);
        for (var i = 0; i < count; i++)
        {
            var engagement = random.NextDouble() + shift;
            var previous = random.Next(0, 5);
            var source = sources[random.Next(sources.Length)];
            var age = 20 + random.Next(50);
            var logit = -2.0 + 2.5 * engagement + 0.4 * previous + (source == "referral" ? 1.0 : 0) - 0.01 * (age - 45);
            var converted = random.NextDouble() < 1 / (1 + Math.Exp(-logit));
            var attributes = new Dictionary<string, string>
            {
                ["engagement"] = engagement.ToString("0.000", CultureInfo.InvariantCulture),
                ["previous"] = previous.ToString(CultureInfo.InvariantCulture),
                ["age"] = random.NextDouble() < 0.05 ? "" : age.ToString(CultureInfo.InvariantCulture),
                ["lead_source"] = source,
            };
            result.Add(new LeadExample(LeadRecord.FromAttributes($"s-{i}", attributes), converted, i));
        }

        return result;
    }
}
