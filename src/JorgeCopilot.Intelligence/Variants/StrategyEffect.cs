namespace JorgeCopilot.Intelligence.Variants;

/// <summary>
/// How conversations (or negotiators) that used a strategy fared against those that did not: the outcome's mean in
/// each group, the difference with its 95% interval, and Cohen's d. Observational: an association, not a cause.
/// </summary>
public sealed record StrategyEffect(
    string Corpus,
    string Strategy,
    string Outcome,
    int UsedCount,
    int NotUsedCount,
    double UsedMean,
    double NotUsedMean,
    double Difference,
    double DifferenceLow,
    double DifferenceHigh,
    double CohensD)
{
    public bool ClearlyPositive => DifferenceLow > 0;

    public bool ClearlyNegative => DifferenceHigh < 0;
}
