namespace JorgeCopilot.Intelligence.Variants;

/// <summary>Mean over runs of one allocation rule's results on simulated traffic.</summary>
public sealed record SimulationOutcome(double Conversions, double Regret, double[] CumulativeConversions);

/// <summary>Thompson sampling against a fixed equal split, both on the same simulated contacts.</summary>
public sealed record SimulationResult(SimulationOutcome Thompson, SimulationOutcome EqualSplit, double OracleConversions, int Checkpoint);

/// <summary>
/// Simulated traffic whose arms convert at given true rates (calibrated on a real campaign). Both rules see the same
/// contacts: contact t of run r has one uniform number per arm, so an arm converts for both rules or for neither;
/// the comparison then measures allocation, not luck. Regret is expected (pseudo-)regret against always serving the
/// best arm. The bandit learns from every outcome as it arrives.
/// </summary>
public static class BanditSimulation
{
    public static SimulationResult Run(IReadOnlyList<double> rates, int contacts, int runs, int seed, int checkpoints = 50)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var best = rates.Max();
        var every = Math.Max(1, contacts / checkpoints);
        var tsCurve = new double[contacts / every];
        var abCurve = new double[contacts / every];
        double tsConversions = 0, abConversions = 0, tsRegret = 0, abRegret = 0;
        for (var run = 0; run < runs; run++)
        {
            var world = new Random(seed + run);
            var policy = new Random(seed + 1_000_003 * (run + 1));
            var trials = new long[rates.Count];
            var successes = new long[rates.Count];
            var arms = new BetaArm[rates.Count];
            double ts = 0, ab = 0;
            var u = new double[rates.Count];
            for (var t = 0; t < contacts; t++)
            {
                for (var a = 0; a < u.Length; a++)
                {
                    u[a] = world.NextDouble();
                }

                for (var a = 0; a < arms.Length; a++)
                {
                    arms[a] = BetaArm.FromCounts(trials[a], successes[a]);
                }

                var chosen = ThompsonSampling.Choose(arms, policy);
                var converted = u[chosen] < rates[chosen];
                trials[chosen]++;
                successes[chosen] += converted ? 1 : 0;
                ts += converted ? 1 : 0;
                tsRegret += best - rates[chosen];

                // The A/B test's fixed rotation: the same share of contacts to every arm, whatever they return.
                var split = t % rates.Count;
                ab += u[split] < rates[split] ? 1 : 0;
                abRegret += best - rates[split];

                if ((t + 1) % every == 0 && (t + 1) / every - 1 < tsCurve.Length)
                {
                    tsCurve[(t + 1) / every - 1] += ts / runs;
                    abCurve[(t + 1) / every - 1] += ab / runs;
                }
            }

            tsConversions += ts / runs;
            abConversions += ab / runs;
        }

        return new SimulationResult(
            new SimulationOutcome(tsConversions, tsRegret / runs, tsCurve),
            new SimulationOutcome(abConversions, abRegret / runs, abCurve),
            best * contacts,
            every);
    }
}
