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
        var p = new double[arms.Count, slots];
        for (var s = 0; s < simulations; s++)
        {
            var order = Rank(arms, random);
            for (var k = 0; k < slots && k < order.Length; k++)
            {
                p[order[k], k] += 1.0 / simulations;
            }
        }

        return p;
    }
}
