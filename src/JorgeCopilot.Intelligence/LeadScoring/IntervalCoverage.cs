namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>
/// Coverage of a probability interval. A single yes/no outcome cannot fall "inside" a probability interval, so coverage
/// is measured on groups: held-out leads are sorted by predicted probability into bins of about 200, and a bin counts as
/// covered when its observed conversion rate lies within the bin's mean interval. A calibrated 80% interval should
/// cover about 80% of bins (less when the interval ignores the bin rate's own sampling noise, as it does here).
/// </summary>
public static class IntervalCoverage
{
    public const int BinSize = 200;

    public static double BinCoverage(IReadOnlyList<LeadPrediction> predictions, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(labels);
        var order = Enumerable.Range(0, predictions.Count).OrderBy(i => predictions[i].Probability).ToArray();
        var bins = Math.Max(1, order.Length / BinSize);
        var covered = 0;
        for (var b = 0; b < bins; b++)
        {
            var members = order[(b * order.Length / bins)..((b + 1) * order.Length / bins)];
            var rate = members.Count(i => labels[i]) / (double)members.Length;
            var low = members.Average(i => predictions[i].Low);
            var high = members.Average(i => predictions[i].High);
            if (rate >= low && rate <= high)
            {
                covered++;
            }
        }

        return covered / (double)bins;
    }
}
