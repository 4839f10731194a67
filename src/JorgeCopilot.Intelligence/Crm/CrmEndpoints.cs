using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace JorgeCopilot.Intelligence.Crm;

/// <summary><c>POST /webhooks/gohighlevel</c>: HighLevel's webhook deliveries (contacts, messages, opportunities).</summary>
public static class CrmEndpoints
{
    public static IEndpointRouteBuilder MapCrm(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/webhooks/gohighlevel", HandleAsync)
            .WithName("GoHighLevelWebhook")
            .WithTags("Crm")
            .WithSummary("GoHighLevel webhook receiver")
            .WithDescription("A HighLevel event (ContactCreate/Update/Delete, InboundMessage/OutboundMessage, OpportunityCreate/StageUpdate/StatusUpdate/...) "
                + "signed in x-ghl-signature (Ed25519) or x-wh-signature (RSA); stored once per webhookId.")
            .Accepts<object>("application/json")
            .Produces<WebhookReceipt>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            // Outside API-key auth: HighLevel proves itself by its signature over the body (see the receiver).
            .AllowAnonymous()
            .DisableAntiforgery();
        return endpoints;
    }

    /// <summary>HighLevel's retries come about ten minutes apart whatever we say; the header tells other senders the same.</summary>
    private const string RetryAfterSeconds = "600";

    internal static async Task<Results<Ok<WebhookReceipt>, ProblemHttpResult>> HandleAsync(HttpRequest request, GoHighLevelWebhookReceiver receiver, CancellationToken ct)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        var outcome = await receiver.ReceiveAsync(body.GetBuffer().AsMemory(0, (int)body.Length),
            request.Headers[GoHighLevelSignature.Header], request.Headers[GoHighLevelSignature.LegacyHeader], ct);
        return outcome.Status switch
        {
            WebhookStatus.Processed or WebhookStatus.AlreadyProcessed => TypedResults.Ok(new WebhookReceipt(outcome.Message, outcome.Effect)),
            WebhookStatus.Invalid when outcome.Errors is { } errors => InvalidInput.Problem(errors),
            WebhookStatus.RetryLater => RetryLater(request.HttpContext, outcome.Message),
            WebhookStatus.BadSignature => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status401Unauthorized, title: "Invalid signature"),
            _ => TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not configured"),
        };
    }

    private static ProblemHttpResult RetryLater(HttpContext context, string message)
    {
        context.Response.Headers.RetryAfter = RetryAfterSeconds;
        return TypedResults.Problem(message, statusCode: StatusCodes.Status429TooManyRequests, title: "Redeliver later");
    }
}

/// <param name="Status">"processed" or "already processed".</param>
/// <param name="Effect">What the event changed ("lead upserted", "deal under_contract"), when it was processed now.</param>
public sealed record WebhookReceipt(string Status, string? Effect);
