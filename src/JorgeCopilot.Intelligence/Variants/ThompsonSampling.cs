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
        return SlotProbabilities(arms.Select(a => PosteriorDraws(a, simulations, random)).ToArray(), slots);
    }

    /// <summary><paramref name="simulations"/> independent draws from one arm's posterior.</summary>
    public static double[] PosteriorDraws(BetaArm arm, int simulations, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var draws = new double[simulations];
        for (var s = 0; s < simulations; s++)
        {
            draws[s] = BetaSampler.Sample(random, arm.Alpha, arm.Beta);
        }

        return draws;
    }

    /// <summary>
    /// Slot probabilities from per-arm posterior draws (simulation s takes draw s of every arm). Arms' draws are
    /// independent of each other, so an arm whose counts did not move can keep its draws: after one outcome only that
    /// arm is re-sampled.
    /// </summary>
    public static double[,] SlotProbabilities(IReadOnlyList<double[]> draws, int slots)
    {
        ArgumentNullException.ThrowIfNull(draws);
        var n = draws.Count;
        var simulations = n == 0 ? 0 : draws.Min(d => d.Length);
        slots = Math.Min(slots, n);
        var p = new double[n, slots];
        var taken = new bool[n];
        var weight = 1.0 / Math.Max(1, simulations);
        for (var s = 0; s < simulations; s++)
        {
            Array.Clear(taken);

            // Partial selection: only the first few slots matter, so no sort and no allocation per draw.
            for (var k = 0; k < slots; k++)
            {
                var best = -1;
                for (var i = 0; i < n; i++)
                {
                    if (!taken[i] && (best < 0 || draws[i][s] > draws[best][s]))
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
