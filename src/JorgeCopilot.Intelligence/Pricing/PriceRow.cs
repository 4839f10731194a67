using Microsoft.ML.Data;

namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>ML.NET row: the feature vector, log(sale price) and the sale's fitting weight.</summary>
public sealed class PriceRow
{
    [VectorType(PricingFeatures.Count)]
    public float[] Features { get; set; } = new float[PricingFeatures.Count];

    /// <summary>log(sale price).</summary>
    public float Label { get; set; }

    /// <summary>How much the sale counts in fitting (below 1 for a likely non-market sale; see <see cref="PriceModelBuilder"/>).</summary>
    public float Weight { get; set; } = 1;
}
