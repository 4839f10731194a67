namespace JorgeCopilot.Intelligence.Explain;

/// <summary>Signed per-feature contributions to a model's raw score: <c>Bias + Σ Contributions = raw score</c>.</summary>
public interface IScoreExplainer
{
    int FeatureCount { get; }

    FeatureAttribution Explain(ReadOnlySpan<float> features);
}

/// <param name="Bias">The expected raw score over the background (training) data.</param>
/// <param name="Contributions">One signed value per feature, in raw-score units.</param>
public sealed record FeatureAttribution(double Bias, double[] Contributions)
{
    public double Total => Bias + Contributions.Sum();
}
