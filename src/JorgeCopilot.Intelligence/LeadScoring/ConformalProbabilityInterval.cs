using System.Text.Json.Serialization;

namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>
/// Split-conformal interval for a calibrated conversion probability. One yes/no outcome cannot fall inside a
/// probability interval, so the claim is about groups: "among about <see cref="BinSize"/> leads scored like this one,
/// the conversion rate lies in [low, high]". Fitting: the out-of-fold probabilities (rows no fold model was trained on)
/// are sorted into bins of <see cref="BinSize"/>; each bin's nonconformity is |observed rate − mean probability| scaled
/// by √(p(1−p)), so one number covers both the bin's sampling noise and the model's miscalibration at every level of p;
/// <see cref="Quantile"/> is the conformal (⌈(n+1)·level⌉/n) quantile of those scores. The same binning measures
/// coverage on held-out leads (<see cref="IntervalCoverage"/>), so coverage is near the level when the future looks like
/// the training data and falls when it drifts, which is exactly what the eval should show.
/// </summary>
public sealed record ConformalProbabilityInterval(
    [property: JsonPropertyName("level")] double Level,
    [property: JsonPropertyName("quantile")] double Quantile,
    [property: JsonPropertyName("binSize")] int BinSize,
    [property: JsonPropertyName("bins")] int Bins,
    [property: JsonPropertyName("recentQuantile")] double? RecentQuantile = null,
    [property: JsonPropertyName("outOfFoldQuantile")] double? OutOfFoldQuantile = null)
{
    public const int DefaultBinSize = 200;

    /// <summary>Smallest spread used for p near 0 or 1, so the interval never collapses to a point.</summary>
    private const double MinimumSpread = 0.02;

    public (double Low, double High) For(double probability)
    {
        var half = Quantile * Spread(probability);
        return (Math.Max(0, probability - half), Math.Min(1, probability + half));
    }

    /// <summary>
    /// This interval widened to the drift measured on the latest rows (<paramref name="recent"/>): the larger quantile is
    /// kept, and the recent one recorded so the registry shows how much drift widened it.
    /// </summary>
    public ConformalProbabilityInterval WidenedBy(ConformalProbabilityInterval recent)
    {
        ArgumentNullException.ThrowIfNull(recent);
        return this with { Quantile = Math.Max(Quantile, recent.Quantile), RecentQuantile = recent.Quantile, OutOfFoldQuantile = Quantile };
    }

    public static ConformalProbabilityInterval Fit(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, double level,
        int binSize = DefaultBinSize)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        if (probabilities.Count != labels.Count)
        {
            throw new ArgumentException("One label per probability.", nameof(labels));
        }

        if (level is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "The interval level is a probability between 0 and 1.");
        }

        var scores = Binned(probabilities, labels, binSize).Select(b => Score(b.MeanProbability, b.Rate)).ToArray();
        return new ConformalProbabilityInterval(level, ConformalQuantile(scores, level), binSize, scores.Length);
    }

    /// <summary>A bin's nonconformity: |observed rate − mean probability| in units of √(p(1−p)).</summary>
    public static double Score(double meanProbability, double rate) => Math.Abs(rate - meanProbability) / Spread(meanProbability);

    /// <summary>
    /// The conformal (⌈(n+1)·level⌉-th smallest) of <paramref name="scores"/>; with fewer scores than the level can
    /// resolve no finite conformal quantile exists, so the largest score seen is used.
    /// </summary>
    public static double ConformalQuantile(IReadOnlyCollection<double> scores, double level)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
        {
            throw new ArgumentException("At least one score is needed.", nameof(scores));
        }

        var sorted = scores.Order().ToArray();
        var rank = (int)Math.Ceiling((sorted.Length + 1) * level);
        return rank > sorted.Length ? sorted[^1] : sorted[rank - 1];
    }

    /// <summary>Consecutive bins of about <paramref name="binSize"/> rows in order of probability (at least one bin).</summary>
    public static IEnumerable<(double MeanProbability, double Rate, int[] Rows)> Binned(IReadOnlyList<double> probabilities,
        IReadOnlyList<bool> labels, int binSize)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        var order = Enumerable.Range(0, probabilities.Count).OrderBy(i => probabilities[i]).ToArray();
        var bins = Math.Max(1, order.Length / binSize);
        for (var b = 0; b < bins; b++)
        {
            var rows = order[(b * order.Length / bins)..((b + 1) * order.Length / bins)];
            yield return (rows.Average(i => probabilities[i]), rows.Count(i => labels[i]) / (double)rows.Length, rows);
        }
    }

    private static double Spread(double p) => Math.Max(MinimumSpread, Math.Sqrt(p * (1 - p)));
}
