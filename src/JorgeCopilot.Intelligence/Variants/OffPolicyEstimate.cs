namespace JorgeCopilot.Intelligence.Variants;

/// <summary>A policy value estimate with its bootstrap 95% percentile interval.</summary>
public sealed record OffPolicyEstimate(double Value, double Low, double High)
{
    public bool Contains(double value) => value >= Low && value <= High;
}
