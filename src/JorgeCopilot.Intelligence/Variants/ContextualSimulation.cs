namespace JorgeCopilot.Intelligence.Variants;

/// <summary>A policy's totals over runs: mean and 95% interval of conversions, mean regret.</summary>
public sealed record PolicyOutcome(double Conversions, double ConversionsLow, double ConversionsHigh, double Regret);

/// <summary>Segment Thompson sampling against the contextual policy on the same simulated leads.</summary>
public sealed record ContextualComparison(PolicyOutcome Segment, PolicyOutcome Contextual, double Difference, double DifferenceLow, double DifferenceHigh, double OracleConversions, int Runs);

/// <summary>
/// Both policies serve the same simulated leads (common random numbers: lead t of run r has the same context and the
/// same uniform number per arm for both), each learning from every outcome as it arrives. The segment policy keeps a
/// Beta(1,1) per (context, arm); the contextual policy is <see cref="ContextualThompson"/> over the context's facts.
/// Regret is expected conversions lost against the best arm of each lead's context. Intervals are normal 95% over runs
/// (the difference's interval is over paired runs).
/// </summary>
public static class ContextualSimulation
{
    public static ContextualComparison Run(IReadOnlyList<WorldContext> contexts, int armCount, int contacts, int runs, int seed)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        var vocabulary = ContextualThompson.Vocabulary(contexts.Select(c => string.Join('|', c.Facts)));
        var features = contexts.Select(c => ContextualThompson.Features(c.Facts, vocabulary)).ToArray();
        var cumulative = new double[contexts.Count];
        var total = 0.0;
        for (var i = 0; i < contexts.Count; i++)
        {
            total += contexts[i].Share;
            cumulative[i] = total;
        }

        var oracle = contexts.Sum(c => c.Share * c.Rates.Max()) * contacts;
        var seg = new double[runs];
        var ctx = new double[runs];
        double segRegret = 0, ctxRegret = 0;
        for (var run = 0; run < runs; run++)
        {
            var world = new Random(seed + run);
            var segPolicy = new Random(seed + 1_000_003 * (run + 1));
            var ctxPolicy = new Random(seed + 2_000_003 * (run + 1));
            var trials = new long[contexts.Count, armCount];
            var successes = new long[contexts.Count, armCount];
            var models = Enumerable.Range(0, armCount).Select(_ => new LinearPosterior(vocabulary.Count + 1, ContextualThompson.Ridge)).ToArray();
            var betas = new BetaArm[armCount];
            var u = new double[armCount];
            for (var t = 0; t < contacts; t++)
            {
                var c = Array.BinarySearch(cumulative, world.NextDouble() * total);
                c = Math.Min(c < 0 ? ~c : c, contexts.Count - 1);
                for (var a = 0; a < armCount; a++)
                {
                    u[a] = world.NextDouble();
                }

                var rates = contexts[c].Rates;
                var best = rates.Max();
                for (var a = 0; a < armCount; a++)
                {
                    betas[a] = BetaArm.FromCounts(trials[c, a], successes[c, a]);
                }

                var s = ThompsonSampling.Choose(betas, segPolicy);
                var sy = u[s] < rates[s];
                trials[c, s]++;
                successes[c, s] += sy ? 1 : 0;
                seg[run] += sy ? 1 : 0;
                segRegret += best - rates[s];

                var k = 0;
                var top = double.NegativeInfinity;
                for (var a = 0; a < armCount; a++)
                {
                    var (mean, sd) = models[a].Score(features[c], ContextualThompson.Noise);
                    var draw = mean + sd * ContextualThompson.Normal(ctxPolicy);
                    if (draw > top)
                    {
                        top = draw;
                        k = a;
                    }
                }

                var ky = u[k] < rates[k];
                models[k].Add(features[c], 1, ky ? 1 : 0);
                ctx[run] += ky ? 1 : 0;
                ctxRegret += best - rates[k];
            }
        }

        var diff = ctx.Zip(seg, (a, b) => a - b).ToArray();
        var (d, dLow, dHigh) = Interval(diff);
        return new ContextualComparison(Outcome(seg, segRegret / runs), Outcome(ctx, ctxRegret / runs), d, dLow, dHigh, oracle, runs);
    }

    private static PolicyOutcome Outcome(double[] conversions, double regret)
    {
        var (mean, low, high) = Interval(conversions);
        return new PolicyOutcome(mean, low, high, regret);
    }

    private static (double Mean, double Low, double High) Interval(double[] values)
    {
        var mean = values.Average();
        var sd = values.Length < 2 ? 0 : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        var half = 1.96 * sd / Math.Sqrt(values.Length);
        return (mean, mean - half, mean + half);
    }
}
