namespace JorgeCopilot.Intelligence.Variants;

/// <summary>
/// Off-policy value of an evaluation policy <c>pi[action, slot]</c> from a log collected by another policy, with the
/// logged propensities: inverse propensity (IPS), self-normalised IPS and doubly robust (DR, a reward model plus an IPS
/// correction of its residuals). Intervals are percentile bootstraps over log rows (rows treated as independent, as
/// the Open Bandit Pipeline does).
/// </summary>
/// <remarks>A contextual policy gives each row its own <c>pi[action, slot]</c> (<c>policyOfRow</c>); the others one for all rows.</remarks>
public sealed class OffPolicyEstimator(IReadOnlyList<LoggedImpression> log, Func<int, double[,]> policyOfRow, Func<int, double[,]> rewardModelOfRow)
{
    public const int BootstrapSamples = 1000;

    private readonly double[] weights = log.Select((r, i) => policyOfRow(i)[r.Action, r.Slot] / r.Propensity).ToArray();
    private readonly double[] rewards = log.Select(r => r.Reward ? 1.0 : 0.0).ToArray();
    private readonly double[] directTerms = log.Select((r, i) => Expected(policyOfRow(i), rewardModelOfRow(i), r.Slot)).ToArray();
    private readonly double[] predicted = log.Select((r, i) => rewardModelOfRow(i)[r.Action, r.Slot]).ToArray();

    public OffPolicyEstimator(IReadOnlyList<LoggedImpression> log, double[,] policy, Func<int, double[,]> rewardModelOfRow)
        : this(log, _ => policy, rewardModelOfRow)
    {
    }

    public OffPolicyEstimator(IReadOnlyList<LoggedImpression> log, double[,] policy, double[,] rewardModel)
        : this(log, _ => policy, _ => rewardModel)
    {
    }

    public int Count => rewards.Length;

    public double Ips(int[]? rows = null) => Mean(rows, i => weights[i] * rewards[i]);

    public double Snips(int[]? rows = null)
    {
        double numerator = 0, denominator = 0;
        foreach (var i in rows ?? All())
        {
            numerator += weights[i] * rewards[i];
            denominator += weights[i];
        }

        return denominator == 0 ? 0 : numerator / denominator;
    }

    public double Dr(int[]? rows = null) => Mean(rows, i => directTerms[i] + weights[i] * (rewards[i] - predicted[i]));

    /// <summary>Point estimate on the whole log and a 95% interval from <see cref="BootstrapSamples"/> resamples.</summary>
    public OffPolicyEstimate Estimate(Func<OffPolicyEstimator, int[]?, double> estimator, int seed)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        var samples = Bootstrap(Count, seed).Select(rows => estimator(this, rows)).ToArray();
        return new OffPolicyEstimate(estimator(this, null), Quantile(samples, 0.025), Quantile(samples, 0.975));
    }

    /// <summary>The same row resamples for every caller with the same seed, so paired statistics (lift) stay paired.</summary>
    public static IEnumerable<int[]> Bootstrap(int count, int seed)
    {
        var random = new Random(seed);
        for (var b = 0; b < BootstrapSamples; b++)
        {
            var rows = new int[count];
            for (var i = 0; i < count; i++)
            {
                rows[i] = random.Next(count);
            }

            yield return rows;
        }
    }

    public static double Quantile(double[] values, double q)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }

    private static double Expected(double[,] policy, double[,] rewardModel, int slot)
    {
        double sum = 0;
        for (var a = 0; a < policy.GetLength(0); a++)
        {
            sum += policy[a, slot] * rewardModel[a, slot];
        }

        return sum;
    }

    private double Mean(int[]? rows, Func<int, double> term)
    {
        double sum = 0;
        var n = 0;
        foreach (var i in rows ?? All())
        {
            sum += term(i);
            n++;
        }

        return n == 0 ? 0 : sum / n;
    }

    private IEnumerable<int> All() => Enumerable.Range(0, Count);
}
