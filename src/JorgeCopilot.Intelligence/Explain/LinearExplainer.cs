namespace JorgeCopilot.Intelligence.Explain;

/// <summary>
/// Exact Shapley values of a linear raw score (with independent features): <c>w_i (x_i - mean_i)</c>.
/// Used when the regularised logistic model wins model selection; the weights act on the features as given
/// (any normalisation is folded into them by the caller).
/// </summary>
public sealed class LinearExplainer : IScoreExplainer
{
    private readonly double[] _weights;
    private readonly double[] _means;
    private readonly double _bias;

    public LinearExplainer(double[] weights, double intercept, double[] means)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(means);
        if (weights.Length != means.Length)
        {
            throw new ArgumentException("Weights and means differ in length.", nameof(means));
        }

        _weights = weights;
        _means = means;
        _bias = intercept + weights.Select((w, i) => w * means[i]).Sum();
    }

    public int FeatureCount => _weights.Length;

    public FeatureAttribution Explain(ReadOnlySpan<float> features)
    {
        var phi = new double[_weights.Length];
        for (var i = 0; i < phi.Length; i++)
        {
            phi[i] = _weights[i] * (features[i] - _means[i]);
        }

        return new FeatureAttribution(_bias, phi);
    }
}
