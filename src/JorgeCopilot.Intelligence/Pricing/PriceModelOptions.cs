namespace JorgeCopilot.Intelligence.Pricing;

/// <summary>Training settings for the price model; defaults are what the eval measured.</summary>
public sealed record PriceModelOptions
{
    public int Seed { get; init; } = 1;
    public int Iterations { get; init; } = 1500;
    public double LearningRate { get; init; } = 0.03;
    public int Leaves { get; init; } = 48;
    public int MinimumLeafCount { get; init; } = 10;
    public double FeatureFraction { get; init; } = 0.7;
    public double SubsampleFraction { get; init; } = 0.8;
    /// <summary>Share of parcels held out of fitting to calibrate the conformal intervals.</summary>
    public double CalibrationShare { get; init; } = 0.15;
    /// <summary>Also fit one model per fold so every training sale gets an out-of-fold value (for undervalued homes).</summary>
    public bool OutOfFold { get; init; }
    public int Threads { get; init; } = 2;
}
