namespace JorgeCopilot.Intelligence.Forecasting;

/// <summary>A forecast with its 80% and 95% conformal bands and the weight each method got in the combination.</summary>
public sealed record SeriesForecast(
    string Key,
    IReadOnlyList<DateOnly> Months,
    double[] Median,
    double[] Lower80,
    double[] Upper80,
    double[] Lower95,
    double[] Upper95,
    IReadOnlyDictionary<string, double> Weights);
