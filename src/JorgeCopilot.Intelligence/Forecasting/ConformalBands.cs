namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>
/// Weighted split-conformal bands per horizon from backtest residuals on the log scale, each divided by its series'
/// scale (the in-sample seasonal-naive error of its log values) so volatile and calm series share one calibration.
/// Market months are not exchangeable (shocks come in regimes), so older residuals count less: weights halve every
/// <see cref="HalfLifeMonths"/> months of age (Barber et al. 2023, "Conformal prediction beyond exchangeability"), and the
/// test point's own mass sits beyond the extremes, which keeps the finite-sample correction. This is the "plain, test
/// mass 1, γ 0" expert of <see cref="AdaptiveBands"/>, which chooses among it and its adaptive variants.
/// </summary>
internal static class ConformalBands
{
    public const double HalfLifeMonths = 24;

    /// <summary>Lower 95, lower 80, upper 80, upper 95 quantile levels.</summary>
    public static readonly double[] Levels = [0.025, 0.10, 0.90, 0.975];

    public static double Weight(int ageMonths) => Math.Pow(0.5, ageMonths / HalfLifeMonths);

    /// <summary>Weighted quantiles with a unit-weight test point placed beyond the extremes (so the tails are conservative).</summary>
    internal static double[] Quantiles((double Residual, double Weight)[] residuals)
    {
        Array.Sort(residuals, (a, b) => a.Residual.CompareTo(b.Residual));
        return Levels.Select(q => AdaptiveBands.Quantile(residuals, q, testMass: 1)).ToArray();
    }
}
