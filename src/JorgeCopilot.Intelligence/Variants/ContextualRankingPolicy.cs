namespace JorgeCopilot.Intelligence.Variants;

/// <summary>
/// The contextual policy on a logged ranking task (Open Bandit): per item, the same Bayesian linear model the
/// <c>contextual</c> variants policy uses (<see cref="LinearPosterior"/> over an intercept plus one-hots of the user's
/// facts), fitted on logged impressions; a Thompson ranking draws every item's score for the user and shows the best
/// <see cref="OpenBanditLog.Slots"/>. Its slot probabilities per user are estimated by Monte Carlo and kept per distinct
/// set of facts (a few hundred in a log), so valuing it off-policy costs one estimate per kind of user, not per row.
/// </summary>
public sealed class ContextualRankingPolicy
{
    /// <summary>Candidate noise scales v (posterior spread): 0.5 is the Bernoulli maximum the variants policy uses; clicks
    /// near 0.5% make it almost uniform, so smaller ones are tried, chosen on an inner split as the segment prior is.</summary>
    public static readonly double[] NoiseScales = [0.5, 0.1, 0.02, 0.005];

    private readonly LinearPosterior[] _items;
    private readonly Dictionary<string, int> _vocabulary;
    private readonly double _noise;
    private readonly int _simulations;
    private readonly Random _random;
    private readonly Dictionary<string, double[,]> _byContext = new(StringComparer.Ordinal);

    private ContextualRankingPolicy(LinearPosterior[] items, Dictionary<string, int> vocabulary, double noise, int simulations, int seed)
    {
        _items = items;
        _vocabulary = vocabulary;
        _noise = noise;
        _simulations = simulations;
        _random = new Random(seed);
    }

    public double Noise => _noise;

    /// <summary>Fits one posterior per item on <paramref name="training"/>; facts not seen in training are ignored later.</summary>
    public static ContextualRankingPolicy Fit(IReadOnlyList<LoggedImpression> training, int actions, double noise, int simulations, int seed)
    {
        ArgumentNullException.ThrowIfNull(training);
        var vocabulary = training.SelectMany(r => r.Context ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i, StringComparer.Ordinal);
        var items = Enumerable.Range(0, actions).Select(_ => new LinearPosterior(vocabulary.Count + 1, ContextualThompson.Ridge)).ToArray();
        foreach (var row in training)
        {
            items[row.Action].Add(ContextualThompson.Features(row.Context ?? [], vocabulary), 1, row.Reward ? 1 : 0);
        }

        return new ContextualRankingPolicy(items, vocabulary, noise, simulations, seed);
    }

    /// <summary><c>p[item, slot]</c> for a user with these facts.</summary>
    public double[,] SlotProbabilities(IReadOnlyList<string>? context)
    {
        var facts = context ?? [];
        var key = string.Join('|', facts);
        if (!_byContext.TryGetValue(key, out var p))
        {
            var x = ContextualThompson.Features(facts, _vocabulary);
            var scores = _items.Select(item => item.Score(x, _noise)).ToArray();
            p = ThompsonSampling.SlotProbabilities(ContextualThompson.ScoreDraws(scores, _simulations, _random), OpenBanditLog.Slots);
            _byContext[key] = p;
        }

        return p;
    }

    /// <summary>The policy of each row of <paramref name="log"/>, for <see cref="OffPolicyEstimator"/>.</summary>
    public Func<int, double[,]> Of(IReadOnlyList<LoggedImpression> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        return i => SlotProbabilities(log[i].Context);
    }
}
