using JorgeCopilot.Intelligence.Conversations;

namespace JorgeCopilot.Intelligence.Behavior;

/// <summary>
/// Assembles a meeting brief or a touch sequence from what the other Behavior parts computed: predicted objections with
/// prepared answers, the handling that most often preceded a win for each, contact time and channel, and the strategies
/// of the won conversations most similar to this lead. Pure: nothing here is generated, every line points at its source.
/// </summary>
public static class EngagementPlan
{
    public const int SimilarConversations = 10;
    public const int MinGapDays = 2;

    /// <summary>Strategy labels of the similar won conversations, most frequent first (label counted once per conversation).</summary>
    public static IReadOnlyList<StrategyWin> WinningStrategies(IReadOnlyList<ConversationHit> wonNeighbours) =>
        wonNeighbours.SelectMany(h => h.Strategies.Distinct(StringComparer.Ordinal).Select(s => (Strategy: s, h.ExternalId, h.Corpus)))
            .GroupBy(x => x.Strategy, StringComparer.Ordinal)
            .Select(g => new StrategyWin(g.Key, g.Count(), wonNeighbours.Count, g.First().Corpus))
            .OrderByDescending(s => s.Conversations).ThenBy(s => s.Strategy, StringComparer.Ordinal).Take(3).ToList();

    public static IReadOnlyList<BriefItem> Agenda(ObjectionForecast objections, IReadOnlyList<ObjectionPattern> patterns)
    {
        ArgumentNullException.ThrowIfNull(objections);
        return objections.Objections.Select(o =>
            {
                var handling = patterns.FirstOrDefault(p => p.Objection == o.Objection)?.BestHandling.FirstOrDefault();
                var answer = o.PreparedResponses.FirstOrDefault();
                return new BriefItem(o.Label, o.ProbabilityPercent, handling?.Strategy, handling is null ? null : Math.Round(handling.WinRate * 100, 1),
                    answer?.Response, answer is null ? null : $"{answer.Corpus} {answer.ConversationId}");
            })
            .ToList();
    }

    /// <summary>
    /// Touch 1 opens with the strategy that won the most similar conversations; each next touch pre-empts the next most
    /// likely objection with the handling that preceded wins. Touches go out in the best slots in order, at least
    /// <see cref="MinGapDays"/> days apart (longer when the lead usually takes longer to answer), so each has its reply window.
    /// </summary>
    public static IReadOnlyList<PlannedTouch> Sequence(IReadOnlyList<BriefItem> agenda, IReadOnlyList<StrategyWin> strategies, ContactAdvice? contact,
        int touches)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        ArgumentNullException.ThrowIfNull(strategies);
        var slots = contact?.BestTimes.Select(t => t.Key).ToList() ?? [];
        var channel = contact?.Channels.FirstOrDefault()?.Key ?? contact?.RecordedChannel;
        var gap = Math.Max(MinGapDays, contact?.MedianReplyHours is { } h ? (int)Math.Ceiling(h / 24) + 1 : MinGapDays);
        var result = new List<PlannedTouch>();
        for (var i = 0; i < touches; i++)
        {
            var slot = slots.Count == 0 ? null : slots[i % slots.Count];
            if (i == 0 || i - 1 >= agenda.Count)
            {
                var strategy = strategies.Count == 0 ? null : strategies[Math.Min(i == 0 ? 0 : i - agenda.Count, strategies.Count - 1)];
                result.Add(new PlannedTouch(i + 1, i * gap, slot, channel, i == 0 ? "open the conversation" : "follow up", strategy?.Strategy, null));
                continue;
            }

            var item = agenda[i - 1];
            result.Add(new PlannedTouch(i + 1, i * gap, slot, channel, $"pre-empt: {item.Objection}", item.Handling, item.PreparedAnswer));
        }

        return result;
    }
}

/// <param name="Conversations">How many of the <paramref name="OutOf"/> similar won conversations used it.</param>
public sealed record StrategyWin(string Strategy, int Conversations, int OutOf, string Corpus);

/// <param name="Handling">The strategy that most often came right after this objection in dialogues that were won.</param>
/// <param name="HandlingWinRatePercent">How often dialogues with that handling were won.</param>
/// <param name="PreparedAnswer">What the winning side answered to the most similar objection.</param>
public sealed record BriefItem(string Objection, double ProbabilityPercent, string? Handling, double? HandlingWinRatePercent, string? PreparedAnswer,
    string? From);

/// <param name="Day">Days after the first touch.</param>
/// <param name="Slot">Weekday and part of day (or weekday for campaign rates) ranked by reply or success rate.</param>
public sealed record PlannedTouch(int Touch, int Day, string? Slot, string? Channel, string Aim, string? Strategy, string? ExampleAnswer);
