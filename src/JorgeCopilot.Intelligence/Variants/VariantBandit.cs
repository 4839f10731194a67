using System.Collections.Concurrent;
using System.Globalization;
using JorgeCopilot.Core.Variants;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Intelligence.Variants;

/// <summary>An arm chosen for a rank, with the probability that a Thompson draw puts it there.</summary>
public sealed record RankedArm(VariantArm Arm, int Rank, double Propensity);

/// <summary>
/// Thompson sampling over a segment's live (not retired) arms: one posterior draw ranks them; each rank's propensity is
/// the Monte Carlo probability of that arm landing there. Draws are serialised on one seedable generator. The
/// propensities depend only on the posteriors, so they are kept per posterior state (a segment between two outcomes
/// is served many times with the same counts) and recomputed when any count moves, from per-arm posterior draws that
/// are themselves kept per arm state: an outcome moves one arm, so only that arm is re-sampled (a sixth of the work).
/// </summary>
public sealed class VariantBandit(IOptions<VariantsOptions> options)
{
    private const int MaxCachedStates = 4_096;
    private readonly Random _random = options.Value.Seed is { } seed ? new Random(seed) : new Random();
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, double[,]> _propensities = new(StringComparer.Ordinal);
    private const int MaxCachedDraws = 1_024;
    private readonly Dictionary<(BetaArm Posterior, int Copy), double[]> _draws = [];

    /// <summary>
    /// Ranks a segment's live arms by the configured policy: <c>segment-thompson</c> (this segment's counts only) or
    /// <c>contextual</c> (linear Thompson sampling over segment facts, fitted on <paramref name="experimentArms"/>, every
    /// segment's arms of the experiment; without them the segment policy answers).
    /// </summary>
    public IReadOnlyList<RankedArm> Rank(IReadOnlyList<VariantArm> arms, int count, IReadOnlyList<VariantArm>? experimentArms = null)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var live = arms.Where(a => a.Status != ArmStatus.Retired).ToList();
        if (live.Count == 0 || count <= 0)
        {
            return [];
        }

        if (IsContextual && experimentArms is not null)
        {
            return RankContextual(live, count, experimentArms);
        }

        var posteriors = live.Select(a => BetaArm.FromCounts(a.Trials, a.Successes)).ToArray();
        var slots = Math.Min(count, live.Count);
        int[] order;
        double[,] propensities;
        var key = string.Join(';', posteriors.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Alpha}/{p.Beta}"))) + "#" + slots;
        lock (_gate)
        {
            order = ThompsonSampling.Rank(posteriors, _random);
            if (!_propensities.TryGetValue(key, out propensities!))
            {
                if (_draws.Count >= MaxCachedDraws)
                {
                    _draws.Clear();
                }

                propensities = ThompsonSampling.SlotProbabilities(DrawsOf(posteriors), slots);
                if (_propensities.Count >= MaxCachedStates)
                {
                    _propensities.Clear();
                }

                _propensities[key] = propensities;
            }
        }

        return order.Take(slots).Select((arm, rank) => new RankedArm(live[arm], rank, propensities[arm, rank])).ToList();
    }

    /// <summary>True when <c>Variants:Policy</c> is <c>contextual</c>.</summary>
    public bool IsContextual => string.Equals(options.Value.Policy, VariantsOptions.ContextualPolicy, StringComparison.OrdinalIgnoreCase);

    // One strategy model per live arm, fitted on that strategy's counts in every segment; the lead's segment gives x.
    // Propensities: Monte Carlo of the same normal draw the ranking takes (no cache: counts from all segments move).
    private List<RankedArm> RankContextual(List<VariantArm> live, int count, IReadOnlyList<VariantArm> experimentArms)
    {
        var scores = ContextualScores(live, experimentArms);
        var slots = Math.Min(count, live.Count);
        double[][] draws;
        double[] draw;
        lock (_gate)
        {
            draw = scores.Select(s => s.Mean + s.Sd * ContextualThompson.Normal(_random)).ToArray();
            draws = ContextualThompson.ScoreDraws(scores, options.Value.Simulations, _random);
        }

        var propensities = ThompsonSampling.SlotProbabilities(draws, slots);
        var order = Enumerable.Range(0, live.Count).OrderByDescending(i => draw[i]).ThenBy(i => i).ToArray();
        return order.Take(slots).Select((arm, rank) => new RankedArm(live[arm], rank, propensities[arm, rank])).ToList();
    }

    /// <summary>
    /// The contextual policy's score distribution (mean, sd of xᵀθ) for each of a segment's arms, each strategy's model
    /// fitted on its counts in every segment of <paramref name="experimentArms"/>; the segment of <paramref name="arms"/> gives x.
    /// </summary>
    public static (double Mean, double Sd)[] ContextualScores(IReadOnlyList<VariantArm> arms, IReadOnlyList<VariantArm> experimentArms)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(experimentArms);
        if (arms.Count == 0)
        {
            return [];
        }

        var segment = arms[0].Segment;
        var vocabulary = ContextualThompson.Vocabulary(experimentArms.Select(a => a.Segment).Append(segment));
        var x = ContextualThompson.Features(ContextualThompson.Facts(segment), vocabulary);
        return arms.Select(arm =>
        {
            var posterior = new LinearPosterior(x.Length, ContextualThompson.Ridge);
            foreach (var seen in experimentArms.Where(a => string.Equals(a.Strategy, arm.Strategy, StringComparison.Ordinal)))
            {
                posterior.Add(ContextualThompson.Features(ContextualThompson.Facts(seen.Segment), vocabulary), seen.Trials, seen.Successes);
            }

            return posterior.Score(x, ContextualThompson.Noise);
        }).ToArray();
    }

    // Called under _gate: draws are taken from the shared generator. Arms with equal posteriors (every fresh arm) must
    // not share draws, or they would tie in every simulation: the k-th arm with a posterior gets that posterior's k-th set.
    private double[][] DrawsOf(BetaArm[] posteriors)
    {
        var result = new double[posteriors.Length][];
        for (var i = 0; i < posteriors.Length; i++)
        {
            var copy = 0;
            for (var j = 0; j < i; j++)
            {
                copy += posteriors[j] == posteriors[i] ? 1 : 0;
            }

            if (!_draws.TryGetValue((posteriors[i], copy), out var draws))
            {
                _draws[(posteriors[i], copy)] = draws = ThompsonSampling.PosteriorDraws(posteriors[i], options.Value.Simulations, _random);
            }

            result[i] = draws;
        }

        return result;
    }

    /// <summary>Posterior probability that each arm is the best of the live arms (retired arms get 0).</summary>
    public IReadOnlyList<double> ProbabilityBest(IReadOnlyList<VariantArm> arms)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var live = arms.Select((a, i) => (a, i)).Where(x => x.a.Status != ArmStatus.Retired).ToList();
        var result = new double[arms.Count];
        if (live.Count == 0)
        {
            return result;
        }

        double[] p;
        lock (_gate)
        {
            p = ThompsonSampling.ChoiceProbabilities(live.Select(x => BetaArm.FromCounts(x.a.Trials, x.a.Successes)).ToArray(), options.Value.Simulations, _random);
        }

        for (var k = 0; k < live.Count; k++)
        {
            result[live[k].i] = p[k];
        }

        return result;
    }

    /// <summary>
    /// Status changes for a segment at a look: nothing until every live arm has the minimum sample; then the arm whose
    /// probability of being best passes the promotion bar is promoted and arms below the retirement bar are retired
    /// (never the last two live arms).
    /// </summary>
    public IReadOnlyList<(VariantArm Arm, ArmStatus Status)> Review(IReadOnlyList<VariantArm> arms)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var o = options.Value;
        var live = arms.Where(a => a.Status != ArmStatus.Retired).ToList();
        if (live.Count < 2 || live.Any(a => a.Trials < o.MinimumTrials))
        {
            return [];
        }

        var best = ProbabilityBest(arms);
        var changes = new List<(VariantArm, ArmStatus)>();
        var remaining = live.Count;
        foreach (var (arm, p) in arms.Zip(best).Where(x => x.First.Status != ArmStatus.Retired).OrderBy(x => x.Second))
        {
            if (p < o.RetireBelow && remaining > 2)
            {
                changes.Add((arm, ArmStatus.Retired));
                remaining--;
            }
            else if (p >= o.PromoteAbove && arm.Status != ArmStatus.Promoted)
            {
                changes.Add((arm, ArmStatus.Promoted));
            }
            else if (p < o.PromoteAbove && arm.Status == ArmStatus.Promoted)
            {
                changes.Add((arm, ArmStatus.Exploring));
            }
        }

        return changes;
    }
}
