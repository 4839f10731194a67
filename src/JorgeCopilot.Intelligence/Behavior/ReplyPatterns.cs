using JorgeCopilot.Core.Leads;

namespace JorgeCopilot.Intelligence.Behavior;

/// <summary>
/// Reply rates from message history: an outbound message counts as answered when the lead writes back within
/// <see cref="ReplyWindow"/>. Rates per weekday × part of day and per channel are shrunk toward the population's rate
/// with the weight of <see cref="PriorStrength"/> messages, so two lucky replies do not make a "best time".
/// </summary>
public static class ReplyPatterns
{
    public static readonly TimeSpan ReplyWindow = TimeSpan.FromHours(48);
    public const double PriorStrength = 5;

    public static string Slot(DateTime sentAt) => $"{sentAt.DayOfWeek.ToString()[..3]} {PartOfDay(sentAt.Hour)}";

    public static string PartOfDay(int hour) => hour switch
    {
        >= 8 and < 12 => "morning",
        >= 12 and < 17 => "afternoon",
        >= 17 and < 21 => "evening",
        _ => "night",
    };

    /// <summary>(outbound message, answered?, hours to the reply) for one lead's messages in time order.</summary>
    public static List<(Message Sent, bool Answered, double? Hours)> Outcomes(IReadOnlyList<Message> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var ordered = messages.OrderBy(m => m.SentAt).ToList();
        var result = new List<(Message, bool, double?)>();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Direction != MessageDirection.Outbound)
            {
                continue;
            }

            var reply = ordered.Skip(i + 1).FirstOrDefault(m => m.Direction == MessageDirection.Inbound);
            var hours = reply is null ? (double?)null : (reply.SentAt - ordered[i].SentAt).TotalHours;
            result.Add((ordered[i], hours is { } h && h <= ReplyWindow.TotalHours, hours));
        }

        return result;
    }

    /// <summary>Shrunk rate per key: (replies + m·prior) / (sent + m).</summary>
    public static IReadOnlyList<ShrunkRate> Rates(IEnumerable<(string Key, bool Answered)> lead, IReadOnlyDictionary<string, double> population, double overall)
    {
        ArgumentNullException.ThrowIfNull(population);
        var own = lead.GroupBy(x => x.Key).ToDictionary(g => g.Key, g => (Sent: g.Count(), Replies: g.Count(x => x.Answered)));
        return population.Keys.Union(own.Keys).Select(key =>
            {
                var (sent, replies) = own.GetValueOrDefault(key);
                var prior = population.GetValueOrDefault(key, overall);
                return new ShrunkRate(key, sent, replies, Math.Round((replies + (PriorStrength * prior)) / (sent + PriorStrength), 4));
            })
            .OrderByDescending(r => r.Rate).ThenByDescending(r => r.Sent).ToList();
    }
}

/// <param name="Sent">The lead's own outbound messages in this slot or channel.</param>
public sealed record ShrunkRate(string Key, int Sent, int Replies, double Rate);
