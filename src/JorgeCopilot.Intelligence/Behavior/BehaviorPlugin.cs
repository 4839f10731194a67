using System.ComponentModel;
using JorgeCopilot.Intelligence.Capabilities;
using Microsoft.SemanticKernel;

namespace JorgeCopilot.Intelligence.Behavior;

/// <summary>
/// Kernel plugin <c>Behavior</c>: what a lead will object to, with prepared answers, and which handling wins; when and how to
/// reach them, how long they take to decide, a meeting brief and a touch sequence, referral potential and content
/// preferences where the data supports them. Failures come back as a message.
/// </summary>
public sealed class BehaviorPlugin(ObjectionService objections, ContactTimingService timing, DecisionTimelineService timeline,
    EngagementPlanService plans, ReferralService referrals, ContentPreferenceService content)
{
    [KernelFunction("predict_objections")]
    [Description("The objections a lead is most likely to raise (price, not ready, trust, wants to think, information request), each with a probability %, why the corpus label stands for it, and prepared responses taken from winning conversations.")]
    [Answer("objections", Title = "Objections to prepare for", TableTitle = "Likely objections")]
    [FollowUp("Best time to reach them?", "when should i contact them")]
    public async Task<object> PredictObjectionsAsync(
        [Description("The lead's id.")] long leadId,
        CancellationToken cancellationToken = default)
    {
        var result = await objections.ForLeadAsync(leadId, cancellationToken);
        return result.Forecast is { } f ? f : new BehaviorMessage(result.Message!);
    }

    [KernelFunction("classify_objection")]
    [Description("Which objection a message raises (or none), with probabilities and prepared responses from winning conversations.")]
    [Answer("objection", Title = "What this message objects to")]
    public async Task<object> ClassifyObjectionAsync(
        [Description("What the lead said, verbatim.")] string message,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return new BehaviorMessage("Give the lead's message to classify.");
        }

        return await objections.ForTextAsync(message, cancellationToken);
    }

    [KernelFunction("best_contact_time")]
    [Description("When to contact a lead: weekday and part of day ranked by reply rate (the lead's own history shrunk toward all leads), or the campaign's success rate by weekday when there is no history; median reply time.")]
    [Answer("contact-time", Title = "Best time to reach them", TableTitle = "By reply rate")]
    [FollowUp("Which channel?", "text or call them")]
    public async Task<object> BestContactTimeAsync(
        [Description("The lead's id.")] long leadId,
        CancellationToken cancellationToken = default) =>
        await timing.ForLeadAsync(leadId, cancellationToken) is { } advice
            ? new ContactTimes(advice.LeadId, advice.Name, advice.Source, advice.Basis, advice.BestTimes, advice.MedianReplyHours)
            : new BehaviorMessage($"There is no lead {leadId}.");

    [KernelFunction("channel_preference")]
    [Description("Which channel a lead answers on: reply rate per channel (shrunk toward all leads), or the campaign's success rate per contact channel when there is no history.")]
    [Answer("channel", Title = "How to reach them", TableTitle = "By channel")]
    public async Task<object> ChannelPreferenceAsync(
        [Description("The lead's id.")] long leadId,
        CancellationToken cancellationToken = default) =>
        await timing.ForLeadAsync(leadId, cancellationToken) is { } advice
            ? new ChannelPreferences(advice.LeadId, advice.Name, advice.Source, advice.Basis, advice.Channels, advice.RecordedChannel)
            : new BehaviorMessage($"There is no lead {leadId}.");

    [KernelFunction("decision_timeline")]
    [Description("How long a lead is likely to take to decide: a survival (Kaplan-Meier) model over leads of the same source that counts leads not yet converted; chance of converting in the next touches or days, share that ever converts, and what the data cannot measure.")]
    [Answer("decision-timeline", Title = "Time to decision", HeadlineFigures = 2, TableTitle = "Converted by")]
    [FollowUp("Plan the next touches", "plan my next messages to them")]
    public async Task<object> DecisionTimelineAsync(
        [Description("The lead's id.")] long leadId,
        CancellationToken cancellationToken = default) =>
        await timeline.ForLeadAsync(leadId, cancellationToken) is { } result ? result : new BehaviorMessage($"There is no lead {leadId}.");

    [KernelFunction("meeting_strategy")]
    [Description("A brief for an in-person meeting with a lead: objections to prepare for with prepared answers and the handling that preceded wins, the strategy that won similar conversations, when and how to set it, and where they stand on deciding.")]
    [Answer("meeting-brief", Title = "Meeting brief", TableTitle = "Prepare for")]
    [FollowUp("Plan the next touches", "plan my next messages to them")]
    public async Task<object> MeetingStrategyAsync(
        [Description("The lead's id.")] long leadId,
        CancellationToken cancellationToken = default) =>
        await plans.MeetingAsync(leadId, cancellationToken) is { } brief ? brief : new BehaviorMessage($"There is no lead {leadId}.");

    [KernelFunction("message_sequence")]
    [Description("The next few touches for a lead: for each, the day, time slot, channel, aim (open, pre-empt an objection, follow up), the strategy that won similar conversations and an example answer from a won conversation.")]
    [Answer("message-sequence", Title = "Next touches", TableTitle = "Touches")]
    [FollowUp("Prepare a meeting instead", "prepare me for a meeting with them")]
    public async Task<object> MessageSequenceAsync(
        [Description("The lead's id.")] long leadId,
        [Description("How many touches to plan (1-8).")] int touches = EngagementPlanService.DefaultTouches,
        CancellationToken cancellationToken = default)
    {
        if (touches is < 1 or > EngagementPlanService.MaxTouches)
        {
            return new BehaviorMessage($"touches must be between 1 and {EngagementPlanService.MaxTouches}.");
        }

        return await plans.SequenceAsync(leadId, touches, cancellationToken) is { } sequence ? sequence : new BehaviorMessage($"There is no lead {leadId}.");
    }

    [KernelFunction("referral_potential")]
    [Description("Whether a client is likely to refer others, measured from leads that record who referred them; when the store records no referrers, says exactly what data is needed and gives the relationship signals it has (client or not, messages, reply rate, days since last contact) and a next step.")]
    [Answer("referral-potential", Title = "Referral potential")]
    public async Task<object> ReferralPotentialAsync(
        [Description("The client's (lead's) id.")] long leadId,
        CancellationToken cancellationToken = default) =>
        await referrals.ForClientAsync(leadId, cancellationToken) is { } result ? result : new BehaviorMessage($"There is no lead {leadId}.");

    [KernelFunction("content_preferences")]
    [Description("What kind of message a lead engages with: reply rates by message type (short, long, question, link or listing, price or figures), shrunk toward all leads, plus engagement attributes recorded at import; says which engagement data is not recorded.")]
    [Answer("content-preferences", Title = "What they engage with", TableTitle = "Reply rate by message type")]
    public async Task<object> ContentPreferencesAsync(
        [Description("The lead's id.")] long leadId,
        CancellationToken cancellationToken = default) =>
        await content.ForLeadAsync(leadId, cancellationToken) is { } result ? result : new BehaviorMessage($"There is no lead {leadId}.");

    [KernelFunction("analyze_objection_patterns")]
    [Description("Which objections appear in the annotated conversations, how often, how often those conversations were still won, and which handling strategy most often preceded a win.")]
    [Answer("objection-patterns", Title = "Objections and what won", TableTitle = "Objections")]
    public async Task<object> AnalyzeObjectionPatternsAsync(CancellationToken cancellationToken = default) =>
        new ObjectionPatternsResult(await objections.PatternsAsync(),
            "Persuasion For Good, 300 annotated dialogues; descriptive (which handling came before a win), not proof that it caused the win.");
}

public sealed record BehaviorMessage(string Message);

public sealed record ContactTimes(long LeadId, string Name, string Source, string Basis, IReadOnlyList<ShrunkRate> BestTimes, double? MedianReplyHours);

public sealed record ChannelPreferences(long LeadId, string Name, string Source, string Basis, IReadOnlyList<ShrunkRate> Channels, string? RecordedChannel);

public sealed record ObjectionPatternsResult(IReadOnlyList<ObjectionPattern> Patterns, string Caveat);
