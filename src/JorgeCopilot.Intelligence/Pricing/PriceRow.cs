using Microsoft.ML.Data;

namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>ML.NET row: the feature vector and log(sale price).</summary>
public sealed class PriceRow
{
    [VectorType(PricingFeatures.Count)]
    public float[] Features { get; set; } = new float[PricingFeatures.Count];

    /// <summary>log(sale price).</summary>
    public float Label { get; set; }
}
