namespace JorgeCopilot.Intelligence.Variants;

/// <summary>
/// Beta-Bernoulli Thompson sampling. A draw ranks arms by one sample from each posterior; the probability that an arm
/// takes a slot (the propensity we log, and the posterior probability of being best for slot 0) has no closed form for
/// more than two arms, so it is estimated by Monte Carlo over the same draw.
/// </summary>
public static class ThompsonSampling
{
    /// <summary>Arm indices ordered best-first by one posterior draw.</summary>
    public static int[] Rank(IReadOnlyList<BetaArm> arms, Random random)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(random);
        var draws = new double[arms.Count];
        for (var i = 0; i < arms.Count; i++)
        {
            draws[i] = BetaSampler.Sample(random, arms[i].Alpha, arms[i].Beta);
        }

        var order = Enumerable.Range(0, arms.Count).ToArray();
        Array.Sort(order, (a, b) => draws[b].CompareTo(draws[a]));
        return order;
    }

    /// <summary>Index of the arm with the highest posterior draw.</summary>
    public static int Choose(IReadOnlyList<BetaArm> arms, Random random)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(random);
        var best = 0;
        var bestDraw = double.NegativeInfinity;
        for (var i = 0; i < arms.Count; i++)
        {
            var draw = BetaSampler.Sample(random, arms[i].Alpha, arms[i].Beta);
            if (draw > bestDraw)
            {
                bestDraw = draw;
                best = i;
            }
        }

        return best;
    }

    /// <summary>P(arm is the argmax of a draw): the propensity of a single-slot choice and the probability of being best.</summary>
    public static double[] ChoiceProbabilities(IReadOnlyList<BetaArm> arms, int simulations, Random random)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var counts = new double[arms.Count];
        for (var s = 0; s < simulations; s++)
        {
            counts[Choose(arms, random)]++;
        }

        return counts.Select(c => c / simulations).ToArray();
    }

    /// <summary><c>p[arm, slot]</c> = P(arm is ranked at slot) for a ranked list of <paramref name="slots"/>.</summary>
    public static double[,] SlotProbabilities(IReadOnlyList<BetaArm> arms, int slots, int simulations, Random random)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(random);
        var n = arms.Count;
        slots = Math.Min(slots, n);
        var p = new double[n, slots];
        var draws = new double[n];
        var taken = new bool[n];
        var weight = 1.0 / simulations;
        for (var s = 0; s < simulations; s++)
        {
            for (var i = 0; i < n; i++)
            {
                draws[i] = BetaSampler.Sample(random, arms[i].Alpha, arms[i].Beta);
                taken[i] = false;
            }

            // Partial selection: only the first few slots matter, so no sort and no allocation per draw.
            for (var k = 0; k < slots; k++)
            {
                var best = -1;
                for (var i = 0; i < n; i++)
                {
                    if (!taken[i] && (best < 0 || draws[i] > draws[best]))
                    {
                        best = i;
                    }
                }

                taken[best] = true;
                p[best, k] += weight;
            }
        }

        return p;
    }
}
