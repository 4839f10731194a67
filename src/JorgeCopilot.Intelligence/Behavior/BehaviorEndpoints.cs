using JorgeCopilot.Core.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace JorgeCopilot.Intelligence.Behavior;

/// <summary>
/// REST: <c>GET /api/v1/leads/{id}/behavior</c> and its parts under it (<c>/timeline</c>, <c>/meeting-strategy</c>,
/// <c>/message-sequence</c>, <c>/referral-potential</c>, <c>/content-preferences</c>), <c>POST /api/v1/behavior/objections</c>,
/// <c>GET /api/v1/behavior/objection-patterns</c>.
/// </summary>
public static class BehaviorEndpoints
{
    public const int MaxMessageLength = 4000;

    public static IEndpointRouteBuilder MapBehavior(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/v1/leads/{id:long}/behavior", LeadAsync)
            .WithTags("Behavior")
            .WithName("GetLeadBehavior")
            .WithSummary("Predicted objections with prepared responses from winning conversations, best contact time and channel")
            .ProducesProblem(StatusCodes.Status404NotFound);
        var lead = app.MapGroup("/api/v1/leads/{id:long}/behavior").WithTags("Behavior").ProducesProblem(StatusCodes.Status404NotFound);
        lead.MapGet("/timeline", TimelineAsync)
            .WithName("GetDecisionTimeline")
            .WithSummary("Time to conversion by a survival model that counts leads not yet converted, and what the data cannot measure");
        lead.MapGet("/meeting-strategy", MeetingAsync)
            .WithName("GetMeetingStrategy")
            .WithSummary("A meeting brief: objections with prepared answers and winning handling, timing, channel, strategies of similar won conversations");
        lead.MapGet("/message-sequence", SequenceAsync)
            .WithName("GetMessageSequence")
            .WithSummary("The next touches: day, slot, channel, aim, strategy and an example answer from a won conversation")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        lead.MapGet("/referral-potential", ReferralAsync)
            .WithName("GetReferralPotential")
            .WithSummary("Referral rates where referrers are recorded, otherwise the data needed and the relationship signals held");
        lead.MapGet("/content-preferences", ContentAsync)
            .WithName("GetContentPreferences")
            .WithSummary("Reply rates by message type and recorded engagement attributes");
        var behavior = app.MapGroup("/api/v1/behavior").WithTags("Behavior");
        behavior.MapPost("/objections", ClassifyAsync)
            // Classifying a message changes nothing: a read or bot key may ask.
            .WithMetadata(new RequiresApiScopeAttribute(ApiScopes.Read, ApiScopes.Bot))
            .WithName("ClassifyObjection")
            .WithSummary("Which objection a message raises, with prepared responses")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        behavior.MapGet("/objection-patterns", PatternsAsync)
            .WithName("GetObjectionPatterns")
            .WithSummary("Which objections appear, how often, and which handling preceded a win");
        return app;
    }

    internal static async Task<Results<Ok<LeadBehaviorResponse>, ProblemHttpResult>> LeadAsync(long id, ObjectionService objections, ContactTimingService timing,
        CancellationToken cancellationToken)
    {
        var result = await objections.ForLeadAsync(id, cancellationToken);
        if (result.Forecast is not { } forecast)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown lead", detail: result.Message);
        }

        return TypedResults.Ok(new LeadBehaviorResponse(id, forecast.Name, forecast, await timing.ForLeadAsync(id, cancellationToken)));
    }

    internal static async Task<Results<Ok<DecisionTimeline>, ProblemHttpResult>> TimelineAsync(long id, DecisionTimelineService timeline,
        CancellationToken cancellationToken) => Found(id, await timeline.ForLeadAsync(id, cancellationToken));

    internal static async Task<Results<Ok<MeetingBrief>, ProblemHttpResult>> MeetingAsync(long id, EngagementPlanService plans,
        CancellationToken cancellationToken) => Found(id, await plans.MeetingAsync(id, cancellationToken));

    internal static async Task<Results<Ok<MessageSequence>, ProblemHttpResult>> SequenceAsync(long id, EngagementPlanService plans,
        CancellationToken cancellationToken, int touches = EngagementPlanService.DefaultTouches)
    {
        if (touches is < 1 or > EngagementPlanService.MaxTouches)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid touches",
                detail: $"touches must be between 1 and {EngagementPlanService.MaxTouches}.");
        }

        return Found(id, await plans.SequenceAsync(id, touches, cancellationToken));
    }

    internal static async Task<Results<Ok<ReferralPotential>, ProblemHttpResult>> ReferralAsync(long id, ReferralService referrals,
        CancellationToken cancellationToken) => Found(id, await referrals.ForClientAsync(id, cancellationToken));

    internal static async Task<Results<Ok<ContentPreferences>, ProblemHttpResult>> ContentAsync(long id, ContentPreferenceService content,
        CancellationToken cancellationToken) => Found(id, await content.ForLeadAsync(id, cancellationToken));

    private static Results<Ok<T>, ProblemHttpResult> Found<T>(long id, T? result)
        where T : class =>
        result is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown lead", detail: $"There is no lead {id}.")
            : TypedResults.Ok(result);

    internal static async Task<Results<Ok<ObjectionForecast>, ProblemHttpResult>> ClassifyAsync(ClassifyObjectionRequest request, ObjectionService objections,
        CancellationToken cancellationToken)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > MaxMessageLength)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid message",
                detail: $"text is required and at most {MaxMessageLength} characters.");
        }

        return TypedResults.Ok(await objections.ForTextAsync(request.Text, cancellationToken));
    }

    internal static async Task<Ok<ObjectionPatternsResult>> PatternsAsync(BehaviorPlugin plugin, CancellationToken cancellationToken) =>
        TypedResults.Ok((ObjectionPatternsResult)await plugin.AnalyzeObjectionPatternsAsync(cancellationToken));
}

public sealed record ClassifyObjectionRequest(string Text);

public sealed record LeadBehaviorResponse(long LeadId, string? Name, ObjectionForecast Objections, ContactAdvice? Contact);
