namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>
/// Coverage of a probability interval. A single yes/no outcome cannot fall "inside" a probability interval, so coverage
/// is measured on groups, the way <see cref="ConformalProbabilityInterval"/> states its claim: held-out leads are sorted
/// by predicted probability into bins of about 200, and a bin counts as covered when its observed conversion rate lies
/// within the bin's mean interval. An honest 80% interval covers about 80% of bins on data like the training data.
/// </summary>
public static class IntervalCoverage
{
    public static double BinCoverage(IReadOnlyList<LeadPrediction> predictions, IReadOnlyList<bool> labels,
        int binSize = ConformalProbabilityInterval.DefaultBinSize)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(labels);
        var bins = ConformalProbabilityInterval.Binned(predictions.Select(p => p.Probability).ToList(), labels, binSize).ToList();
        var covered = bins.Count(b => b.Rate >= b.Rows.Average(i => predictions[i].Low) && b.Rate <= b.Rows.Average(i => predictions[i].High));
        return covered / (double)bins.Count;
    }
}
