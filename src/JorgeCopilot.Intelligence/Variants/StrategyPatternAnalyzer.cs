using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Intelligence.Variants;

/// <summary>
/// Which strategies go with wins in the annotated corpora. Persuasion For Good: per annotated dialogue, whether the
/// persuader used the strategy, against whether the persuadee donated (and how much). CaSiNo: per negotiator in an
/// annotated dialogue, whether they used it, against the points they scored. Differences carry a Welch-style normal
/// 95% interval; with a few hundred units per corpus, only large associations are clear.
/// </summary>
public sealed class StrategyPatternAnalyzer(JorgeDbContextFactory contexts)
{
    public const string Persuasion = "persuasion-for-good";
    public const string Casino = "casino";

    public async Task<IReadOnlyList<StrategyEffect>> AnalyzeAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var conversations = await db.Conversations.AsNoTracking()
            .Where(c => c.Corpus == Persuasion || c.Corpus == Casino)
            .Select(c => new { c.Id, c.Corpus, c.Succeeded, c.OutcomeValue, c.Attributes })
            .ToListAsync(cancellationToken);
        var ids = conversations.Select(c => c.Id).ToHashSet();
        var turns = await db.ConversationTurns.AsNoTracking()
            .Where(t => ids.Contains(t.ConversationId))
            .Select(t => new { t.ConversationId, t.SpeakerRole, t.Labels })
            .ToListAsync(cancellationToken);

        // Strategies used per (conversation, speaker); only conversations with any annotation take part.
        var used = turns.Where(t => t.Labels.Count > 0)
            .GroupBy(t => (t.ConversationId, t.SpeakerRole))
            .ToDictionary(g => g.Key, g => g.SelectMany(t => t.Labels).Select(StrategyLabels.StrategyOf).OfType<string>().ToHashSet(StringComparer.Ordinal));
        var annotated = used.Keys.Select(k => k.ConversationId).ToHashSet();

        var units = new List<(string Corpus, string Outcome, HashSet<string> Strategies, double Value)>();
        foreach (var c in conversations.Where(c => annotated.Contains(c.Id)))
        {
            if (c.Corpus == Persuasion)
            {
                var strategies = used.GetValueOrDefault((c.Id, "persuader")) ?? [];
                units.Add((Persuasion, "donated", strategies, c.Succeeded == true ? 1 : 0));
                units.Add((Persuasion, "donation_usd", strategies, c.OutcomeValue ?? 0));
            }
            else
            {
                foreach (var agent in new[] { "mturk_agent_1", "mturk_agent_2" })
                {
                    var key = agent == "mturk_agent_1" ? "agent_1_points" : "agent_2_points";
                    if (c.Attributes.TryGetValue(key, out var raw) && double.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out var points))
                    {
                        units.Add((Casino, "points", used.GetValueOrDefault((c.Id, agent)) ?? [], points));
                    }
                }
            }
        }

        return Effects(units.Select(u => (u.Corpus, u.Outcome, (IReadOnlySet<string>)u.Strategies, u.Value)).ToList());
    }

    public static IReadOnlyList<StrategyEffect> Effects(IReadOnlyList<(string Corpus, string Outcome, IReadOnlySet<string> Strategies, double Value)> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var effects = new List<StrategyEffect>();
        foreach (var group in units.GroupBy(u => (u.Corpus, u.Outcome)))
        {
            foreach (var strategy in Strategies.All)
            {
                var with = group.Where(u => u.Strategies.Contains(strategy)).Select(u => u.Value).ToArray();
                var without = group.Where(u => !u.Strategies.Contains(strategy)).Select(u => u.Value).ToArray();
                if (with.Length < 2 || without.Length < 2)
                {
                    continue;
                }

                var (m1, v1) = MeanVariance(with);
                var (m0, v0) = MeanVariance(without);
                var se = Math.Sqrt(v1 / with.Length + v0 / without.Length);
                var pooled = Math.Sqrt(((with.Length - 1) * v1 + (without.Length - 1) * v0) / (with.Length + without.Length - 2));
                effects.Add(new StrategyEffect(group.Key.Corpus, strategy, group.Key.Outcome, with.Length, without.Length, m1, m0,
                    m1 - m0, m1 - m0 - 1.96 * se, m1 - m0 + 1.96 * se, pooled == 0 ? 0 : (m1 - m0) / pooled));
            }
        }

        return effects;
    }

    private static (double Mean, double Variance) MeanVariance(double[] values)
    {
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, values.Length - 1);
        return (mean, variance);
    }
}
