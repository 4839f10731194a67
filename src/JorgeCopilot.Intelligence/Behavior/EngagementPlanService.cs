using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using JorgeCopilot.Intelligence.Conversations;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Intelligence.Behavior;

/// <summary><c>meeting_strategy</c> and <c>message_sequence</c>: gathers the parts <see cref="EngagementPlan"/> assembles.</summary>
public sealed class EngagementPlanService(ObjectionService objections, ContactTimingService timing, DecisionTimelineService timeline,
    IConversationSearch search, IDbContextFactory<JorgeDbContext> contexts)
{
    public const int DefaultTouches = 4;
    public const int MaxTouches = 8;

    private const string Caveat = "Assembled from retrieval and rates, not generated: objections from the objection model, answers and strategies from "
        + "won conversations (descriptive: they came before a win, which does not prove they caused it), timing and channel from reply or campaign rates.";

    public async Task<MeetingBrief?> MeetingAsync(long leadId, CancellationToken cancellationToken)
    {
        if (await PartsAsync(leadId, cancellationToken) is not { } p)
        {
            return null;
        }

        var when = p.Contact?.BestTimes.FirstOrDefault()?.Key;
        var decision = p.Timeline is { Clock: not "none" } t
            ? t.Status == "open" && t.ChanceNextPercent is { } c
                ? $"{c}% chance to convert in the {t.Horizon}; {t.EventualPercent}% of similar leads convert at all"
                : $"{t.Status}; {t.EventualPercent}% of similar leads convert at all"
            : "no timeline: the store does not measure time to conversion for this source";
        return new MeetingBrief(p.Forecast.LeadId!.Value, p.Forecast.Name!, p.Forecast.Basis, when, p.Contact?.Channels.FirstOrDefault()?.Key,
            p.Strategies.FirstOrDefault()?.Strategy, decision, p.Agenda, p.Strategies, Caveat);
    }

    public async Task<MessageSequence?> SequenceAsync(long leadId, int touches, CancellationToken cancellationToken)
    {
        if (await PartsAsync(leadId, cancellationToken) is not { } p)
        {
            return null;
        }

        var plan = EngagementPlan.Sequence(p.Agenda, p.Strategies, p.Contact, touches);
        return new MessageSequence(p.Forecast.LeadId!.Value, p.Forecast.Name!, plan.Count, plan[0].Channel, p.Contact?.Basis ?? "no contact history",
            plan, p.Strategies, Caveat);
    }

    private async Task<Parts?> PartsAsync(long leadId, CancellationToken cancellationToken)
    {
        var predicted = await objections.ForLeadAsync(leadId, cancellationToken);
        if (predicted.Forecast is not { } forecast)
        {
            return null;
        }

        var agenda = EngagementPlan.Agenda(forecast, await objections.PatternsAsync());
        var contact = await timing.ForLeadAsync(leadId, cancellationToken);
        var decision = await timeline.ForLeadAsync(leadId, cancellationToken);
        var query = await QueryAsync(leadId, forecast, cancellationToken);
        var similar = await search.SearchAsync(new ConversationQuery(query,
            new ConversationFilter(Outcome: Outcomes.Won, Kind: ConversationKinds.Conversation), EngagementPlan.SimilarConversations), cancellationToken);
        return new Parts(forecast, agenda, contact, decision, EngagementPlan.WinningStrategies(similar.Hits));
    }

    /// <summary>What the lead said lately; when they said nothing, the objections we expect stand in for them.</summary>
    private async Task<string> QueryAsync(long leadId, ObjectionForecast forecast, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var said = await db.Messages.AsNoTracking().Where(m => m.LeadId == leadId && m.Direction == MessageDirection.Inbound)
            .OrderByDescending(m => m.SentAt).Take(5).Select(m => m.Text).ToListAsync(cancellationToken);
        return said.Count > 0
            ? string.Join(" ", said)
            : string.Join(" ", forecast.Objections.Select(o => o.PreparedResponses.FirstOrDefault()?.Objection ?? o.Label));
    }

    private sealed record Parts(ObjectionForecast Forecast, IReadOnlyList<BriefItem> Agenda, ContactAdvice? Contact, DecisionTimeline? Timeline,
        IReadOnlyList<StrategyWin> Strategies);
}

/// <param name="BestTime">The top-ranked slot to set the meeting (or the call that sets it).</param>
/// <param name="OpenWith">The strategy most common among the won conversations most similar to this lead.</param>
/// <param name="Agenda">Objections to prepare for, most likely first, each with handling and a prepared answer.</param>
public sealed record MeetingBrief(long LeadId, string Name, string Basis, string? BestTime, string? Channel, string? OpenWith, string Decision,
    IReadOnlyList<BriefItem> Agenda, IReadOnlyList<StrategyWin> WinningStrategies, string Caveat);

public sealed record MessageSequence(long LeadId, string Name, int TouchCount, string? Channel, string TimingBasis, IReadOnlyList<PlannedTouch> Touches,
    IReadOnlyList<StrategyWin> WinningStrategies, string Caveat);
