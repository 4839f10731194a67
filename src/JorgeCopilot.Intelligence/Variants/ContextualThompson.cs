namespace JorgeCopilot.Intelligence.Variants;

/// <summary>
/// Linear Thompson sampling over a lead's segment facts (policy <c>contextual</c>). The features are an intercept plus
/// one one-hot per segment fact (e.g. <c>temperature=hot</c>, <c>stage=qualified</c>), so a strategy's model is
/// additive in the facts and what it learns on hot leads in one stage carries to hot leads in another stage; the
/// segment policy keeps every segment apart. The arm counts already are the sufficient statistics: every lead of a
/// segment has the same features, so n outcomes of a segment enter as one weighted update.
/// </summary>
public static class ContextualThompson
{
    /// <summary>Posterior noise scale v: the largest standard deviation of a Bernoulli outcome.</summary>
    public const double Noise = 0.5;

    /// <summary>Prior precision of each weight.</summary>
    public const double Ridge = 1.0;

    /// <summary>The facts of a segment key, e.g. "temperature=hot|stage=qualified" → ["temperature=hot", "stage=qualified"].</summary>
    public static string[] Facts(string segment) =>
        string.IsNullOrEmpty(segment) || segment == "all" ? [] : segment.Split('|', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Intercept followed by one-hots of <paramref name="facts"/> over <paramref name="vocabulary"/> (facts outside it are ignored).</summary>
    public static double[] Features(IEnumerable<string> facts, IReadOnlyDictionary<string, int> vocabulary)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var x = new double[vocabulary.Count + 1];
        x[0] = 1;
        foreach (var fact in facts)
        {
            if (vocabulary.TryGetValue(fact, out var i))
            {
                x[i + 1] = 1;
            }
        }

        return x;
    }

    /// <summary>Index of every distinct fact, in ordinal order (stable whatever order the segments come in).</summary>
    public static Dictionary<string, int> Vocabulary(IEnumerable<string> segments) =>
        segments.SelectMany(Facts).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i, StringComparer.Ordinal);

    /// <summary>Standard normal draw (Box–Muller) from a seedable generator.</summary>
    public static double Normal(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary><paramref name="simulations"/> draws of each arm's score for one lead, arm-major (for slot probabilities).</summary>
    public static double[][] ScoreDraws(IReadOnlyList<(double Mean, double Sd)> scores, int simulations, Random random)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return scores.Select(s =>
        {
            var draws = new double[simulations];
            for (var i = 0; i < simulations; i++)
            {
                draws[i] = s.Mean + s.Sd * Normal(random);
            }

            return draws;
        }).ToArray();
    }
}
