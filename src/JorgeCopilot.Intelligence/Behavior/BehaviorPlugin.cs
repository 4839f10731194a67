using System.ComponentModel;
using JorgeCopilot.Intelligence.Capabilities;
using Microsoft.SemanticKernel;

namespace JorgeCopilot.Intelligence.Behavior;

/// <summary>Kernel plugin <c>Behavior</c>: what a lead will object to, with prepared answers, and which handling wins. Failures come back as a message.</summary>
public sealed class BehaviorPlugin(ObjectionService objections, ContactTimingService timing)
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
