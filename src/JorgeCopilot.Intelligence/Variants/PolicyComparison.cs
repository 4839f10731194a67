namespace JorgeCopilot.Intelligence.Variants;

/// <summary>The segment and the contextual policy valued on the same logged rows (IPS, SNIPS, DR with 95% intervals) and their paired DR difference.</summary>
public sealed record PolicyComparison(
    (OffPolicyEstimate Ips, OffPolicyEstimate Snips, OffPolicyEstimate Dr) Segment,
    (OffPolicyEstimate Ips, OffPolicyEstimate Snips, OffPolicyEstimate Dr) Contextual,
    double Difference, double DifferenceLow, double DifferenceHigh)
{
    /// <summary>Adds <c>segment_*</c>, <c>contextual_*</c> (ips, snips, dr and their <c>_ci_low</c>/<c>_ci_high</c>) and <c>contextual_minus_segment*</c>.</summary>
    public void AddTo(IDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        foreach (var (policy, estimates) in new[] { ("segment", Segment), ("contextual", Contextual) })
        {
            foreach (var (name, estimate) in new[] { ("ips", estimates.Ips), ("snips", estimates.Snips), ("dr", estimates.Dr) })
            {
                metrics[$"{policy}_{name}"] = estimate.Value;
                metrics[$"{policy}_{name}_ci_low"] = estimate.Low;
                metrics[$"{policy}_{name}_ci_high"] = estimate.High;
            }
        }

        metrics[PolicyChoice.Difference] = Difference;
        metrics[PolicyChoice.DifferenceLow] = DifferenceLow;
        metrics[PolicyChoice.DifferenceHigh] = DifferenceHigh;
    }
}
