using JorgeCopilot.Core.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace JorgeCopilot.Intelligence.Behavior;

/// <summary>REST: <c>GET /api/v1/leads/{id}/behavior</c>, <c>POST /api/v1/behavior/objections</c>, <c>GET /api/v1/behavior/objection-patterns</c>.</summary>
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
