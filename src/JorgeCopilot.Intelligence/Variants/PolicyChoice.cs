using JorgeCopilot.Core.Evaluation;

namespace JorgeCopilot.Intelligence.Variants;

/// <summary>
/// Which policy the evidence supports as the default (issue 16, item 2: the contextual option is "chosen by offline
/// evaluation"). Every run of the suite that compares the two (the Open Bandit off-policy checks and the bank-marketing
/// simulations) reports a contextual − segment difference with a 95% interval. The contextual policy becomes the
/// default only when it is significantly better in at least one comparison and significantly worse in none; otherwise
/// the simpler segment policy stays. The measurement states the choice next to the configured default.
/// </summary>
public static class PolicyChoice
{
    public const string Dataset = "policy-choice";
    public const string Difference = "contextual_minus_segment";
    public const string DifferenceLow = "contextual_minus_segment_ci_low";
    public const string DifferenceHigh = "contextual_minus_segment_ci_high";

    public static string Verdict(double low, double high) =>
        low > 0 ? "contextual is better" : high < 0 ? "segment-thompson is better" : "no significant difference";

    /// <summary>The evidence's choice among <paramref name="runs"/>, against <paramref name="configuredPolicy"/>.</summary>
    public static EvalMeasurement Measure(IReadOnlyList<EvalMeasurement> runs, string configuredPolicy)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var comparisons = runs
            .Where(r => r.Metrics.ContainsKey(DifferenceLow) && r.Metrics.ContainsKey(DifferenceHigh))
            .Select(r => (r.Dataset, Low: r.Metrics[DifferenceLow], High: r.Metrics[DifferenceHigh]))
            .ToList();
        var contextualWins = comparisons.Count(c => c.Low > 0);
        var segmentWins = comparisons.Count(c => c.High < 0);
        var chosen = contextualWins > 0 && segmentWins == 0 ? VariantsOptions.ContextualPolicy : VariantsOptions.SegmentPolicy;
        var metrics = new Dictionary<string, double>
        {
            ["comparisons"] = comparisons.Count,
            ["contextual_better"] = contextualWins,
            ["segment_better"] = segmentWins,
            ["evidence_default_contextual"] = chosen == VariantsOptions.ContextualPolicy ? 1 : 0,
            ["configured_default_contextual"] = configuredPolicy == VariantsOptions.ContextualPolicy ? 1 : 0,
            ["default_follows_evidence"] = chosen == configuredPolicy ? 1 : 0,
        };
        return new EvalMeasurement(Dataset, metrics)
        {
            Notes =
            [
                $"Default policy chosen by this evaluation: {chosen} (configured default: {configuredPolicy}{(chosen == configuredPolicy ? ", which follows the evidence" : " — it does NOT follow the evidence")}).",
                $"Rule: contextual only when significantly better (95% interval of contextual − segment above 0) in at least one comparison and significantly worse in none. Comparisons: {string.Join("; ", comparisons.Select(c => $"{c.Dataset} [{c.Low:+0.#####;-0.#####}, {c.High:+0.#####;-0.#####}] {Verdict(c.Low, c.High)}"))}.",
            ],
        };
    }
}
