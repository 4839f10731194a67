using System.Globalization;
using JorgeCopilot.Intelligence.Behavior;

namespace JorgeCopilot.Intelligence.Variants;

/// <summary>One slot or channel with its (shrunk) reply rate, as the timing model measured it.</summary>
public sealed record TimingOption(string Option, double ReplyRatePct, int SentToLead);

/// <summary>When and how the bot should follow up with, or escalate, a lead.</summary>
/// <param name="WaitHours">Follow-ups: how long to wait for a reply before following up (twice the lead's median reply time, else the reply window).</param>
/// <param name="ChannelRates">Reply rate per channel, best first, as one line: an answer shows one table (the times), and a second list would be shown only as its count.</param>
public sealed record TimingRecommendation(long LeadId, string Name, string Purpose, string When, string Channel, double? WaitHours, string Basis,
    IReadOnlyList<TimingOption> Times, string ChannelRates);

/// <summary>
/// <c>recommend_timing</c> from the Behavior capability's timing model (<see cref="ContactTimingService"/>): a follow-up
/// goes at the best-answered slot on the best-answered channel once the lead has had time to reply; an escalation moves
/// to the best-answered channel other than the one in use, at the best slot, without waiting.
/// </summary>
public sealed class TimingRecommender(ContactTimingService timing)
{
    public const string FollowUp = "follow_up";
    public const string Escalation = "escalation";

    /// <summary>Escalation when the words say so ("escalate", "escalation"), a follow-up otherwise (the agent passes the request in words).</summary>
    public static string ParsePurpose(string? purpose) =>
        purpose is not null && purpose.Contains("escalat", StringComparison.OrdinalIgnoreCase) ? Escalation : FollowUp;

    public async Task<TimingRecommendation?> RecommendAsync(long leadId, string purpose, CancellationToken cancellationToken)
    {
        if (await timing.ForLeadAsync(leadId, cancellationToken) is not { } advice || advice.BestTimes.Count == 0 || advice.Channels.Count == 0)
        {
            return null;
        }

        var channels = advice.Channels.OrderByDescending(c => c.Rate).ToList();
        var current = advice.RecordedChannel;
        var channel = purpose == Escalation
            ? (channels.FirstOrDefault(c => !string.Equals(c.Key, current, StringComparison.OrdinalIgnoreCase)) ?? channels[0]).Key
            : channels[0].Key;
        double? wait = purpose == Escalation ? null
            : Math.Round(advice.MedianReplyHours is { } median ? Math.Min(2 * median, ReplyPatterns.ReplyWindow.TotalHours) : ReplyPatterns.ReplyWindow.TotalHours, 1);
        return new TimingRecommendation(advice.LeadId, advice.Name, purpose, advice.BestTimes[0].Key, channel, wait, advice.Basis,
            advice.BestTimes.Take(3).Select(Option).ToList(),
            string.Join("; ", channels.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {Math.Round(c.Rate * 100, 1)}%"))));
    }

    private static TimingOption Option(ShrunkRate r) => new(r.Key, Math.Round(r.Rate * 100, 1), r.Sent);
}
