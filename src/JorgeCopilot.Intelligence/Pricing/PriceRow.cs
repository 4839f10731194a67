using Microsoft.ML.Data;

namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>ML.NET row: the feature vector and log(sale price).</summary>
public sealed class PriceRow
{
    [VectorType(PricingFeatures.Count)]
    public float[] Features { get; set; } = new float[PricingFeatures.Count];

    /// <summary>log(price) minus <see cref="Baseline"/>: the model learns how this home differs from its neighbourhood.</summary>
    public float Label { get; set; }

    /// <summary>Location baseline (log): nearby price per sq ft times this home's size. Not a model input column.</summary>
    [NoColumn]
    public double Baseline { get; set; }
}

/// <summary>ML.NET output: predicted log price, and per-feature contributions when the explainer runs.</summary>
public sealed class PricePrediction
{
    public float Score { get; set; }

    [VectorType(PricingFeatures.Count)]
    public float[] FeatureContributions { get; set; } = [];
}
