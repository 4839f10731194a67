namespace JorgeCopilot.Intelligence.Variants;

/// <summary>A Beta-Bernoulli posterior: <c>Beta(PriorAlpha + successes, PriorBeta + failures)</c>.</summary>
public readonly record struct BetaArm(double Alpha, double Beta)
{
    public static BetaArm FromCounts(long trials, long successes, double priorAlpha = 1, double priorBeta = 1) =>
        new(priorAlpha + successes, priorBeta + Math.Max(0, trials - successes));

    public double Mean => Alpha / (Alpha + Beta);
}
