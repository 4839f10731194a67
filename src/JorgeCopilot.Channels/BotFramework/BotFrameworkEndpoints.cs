using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JorgeCopilot.Channels.BotFramework;

/// <summary><c>POST /api/messages</c>: the Bot Framework messaging endpoint (Teams, SMS channels, Web Chat, skills).</summary>
public static class BotFrameworkEndpoints
{
    public static IEndpointRouteBuilder MapBotFramework(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/api/messages", HandleAsync)
            .WithName("BotFrameworkMessages")
            .WithTags("Channels")
            .WithSummary("Bot Framework messaging endpoint")
            .WithDescription("Receives an Activity. Normal delivery: 202 and replies through the Connector API. " +
                             "deliveryMode=expectReplies: 200 with the replies in the body. invoke: 200 with the invoke response.")
            .Accepts<Activity>("application/json")
            .Produces(StatusCodes.Status202Accepted)
            .Produces<ExpectedReplies>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            // Outside API-key auth: the caller proves itself another way (see the handler).
            .AllowAnonymous()
            .DisableAntiforgery();
        return endpoints;
    }

    internal static async Task<Results<Accepted, Ok, JsonHttpResult<ExpectedReplies>, JsonHttpResult<InvokeResponseBody>, StatusCodeHttpResult, ProblemHttpResult>> HandleAsync(
        HttpContext http,
        BotAuthenticator authenticator,
        ActivityReceiptStore receipts,
        TurnQueue queue,
        ServiceUrlPolicy serviceUrls,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(BotFrameworkEndpoints));
        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, BotJson.Options, cancellationToken);
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem($"The body is not a valid Activity (malformed JSON or a value of the wrong type at {ex.Path ?? "$"}).", statusCode: StatusCodes.Status400BadRequest);
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return TypedResults.Problem("The activity has no type.", statusCode: StatusCodes.Status400BadRequest);
        }

        // Authenticate before anything else touches the activity: a rejected call must leave no trace.
        var auth = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization, activity, cancellationToken);
        if (!auth.IsAuthenticated)
        {
            logger.LogWarning("Rejected {ActivityType} activity: {Reason}", activity.Type, auth.FailureReason);
            return TypedResults.Problem("The request is not authenticated for this bot.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var needsConversation = activity.IsType(ActivityTypes.Message) || activity.IsType(ActivityTypes.Invoke) || activity.IsType(ActivityTypes.ConversationUpdate);
        if (needsConversation && string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return TypedResults.Problem("The activity has no conversation id.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (!ServiceUrlPolicy.IsWellFormedOrAbsent(activity.ServiceUrl))
        {
            return TypedResults.Problem("serviceUrl must be an absolute http or https URL.", statusCode: StatusCodes.Status400BadRequest);
        }

        // Checked before queueing: a reply worker must never be the first to find out that it cannot (or may not) reply.
        var repliesInBody = activity.ExpectsReplies || activity.IsType(ActivityTypes.Invoke);
        if (needsConversation && !repliesInBody && serviceUrls.Check(activity.ServiceUrl) is { } refusal)
        {
            logger.LogWarning("Rejected {ActivityType} activity {ActivityId}: its serviceUrl may not be called back", activity.Type, activity.Id);
            return TypedResults.Problem(refusal, statusCode: StatusCodes.Status400BadRequest);
        }

        if (!await receipts.TryRecordAsync(activity.ChannelId ?? "", activity.Conversation?.Id, activity.Id, cancellationToken))
        {
            logger.LogInformation("Duplicate delivery of activity {ActivityId} ignored", activity.Id);
            return activity.ExpectsReplies ? TypedResults.Json(new ExpectedReplies([]), BotJson.Options) : TypedResults.Ok();
        }

        if (!repliesInBody)
        {
            return queue.TryEnqueue(activity)
                ? TypedResults.Accepted((string?)null)
                : TypedResults.Problem("The bot is shutting down.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var services = http.RequestServices;
        var turn = new BotTurn(activity, services.GetRequiredService<ConnectorClient>());
        var invokeResponse = await services.GetRequiredService<BotTurnProcessor>().ProcessAsync(turn, cancellationToken);
        if (activity.IsType(ActivityTypes.Invoke))
        {
            invokeResponse ??= new InvokeResponseBody(200, null, null);
            return invokeResponse.StatusCode == StatusCodes.Status200OK
                ? TypedResults.Json(invokeResponse, BotJson.Options)
                : TypedResults.StatusCode(invokeResponse.StatusCode);
        }

        return TypedResults.Json(new ExpectedReplies(turn.CollectedReplies), BotJson.Options);
    }
}
