using System.Security;
using JorgeCopilot.Channels.BotFramework;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Channels.Sms;

/// <summary><c>POST /api/sms</c>: a Twilio-style webhook (form-encoded, signed), answered with TwiML.</summary>
public static class SmsEndpoints
{
    public static IEndpointRouteBuilder MapSms(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/api/sms", HandleAsync)
            .WithName("SmsWebhook")
            .WithTags("Channels")
            .WithSummary("Twilio-style SMS webhook")
            .WithDescription("Form-encoded message (From, Body, MessageSid) signed with X-Twilio-Signature; replies as TwiML. STOP/START/HELP handled.")
            .Accepts<IFormCollection>("application/x-www-form-urlencoded")
            .Produces(StatusCodes.Status200OK, contentType: "application/xml")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            // Outside API-key auth: the caller proves itself another way (see the handler).
            .AllowAnonymous()
            .DisableAntiforgery();
        return endpoints;
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> HandleAsync(
        HttpContext http,
        IOptions<SmsOptions> options,
        SmsConversation conversation,
        ActivityReceiptStore receipts,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(SmsEndpoints));
        if (!http.Request.HasFormContentType)
        {
            return TypedResults.Problem("Expected an application/x-www-form-urlencoded body.", statusCode: StatusCodes.Status400BadRequest);
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        var parameters = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList();
        var url = PublicUrl(http.Request, options.Value.PublicBaseUrl);
        if (!TwilioSignatureValidator.IsValid(options.Value.AuthToken, http.Request.Headers["X-Twilio-Signature"], url, parameters))
        {
            logger.LogWarning("SMS webhook call with a missing or invalid signature rejected");
            return TypedResults.Problem("The request signature is missing or invalid.", statusCode: StatusCodes.Status403Forbidden);
        }

        var from = form["From"].ToString();
        var body = form["Body"].ToString();
        if (string.IsNullOrWhiteSpace(from))
        {
            return TypedResults.Problem("The form has no From number.", statusCode: StatusCodes.Status400BadRequest);
        }

        // Providers retry webhooks they think timed out; the message sid makes the retry a no-op.
        if (!await receipts.TryRecordAsync("twilio-webhook", SmsOptOutStore.Normalize(from), form["MessageSid"].ToString(), cancellationToken))
        {
            return TwiML(null);
        }

        var reply = await conversation.HandleAsync(from, body, "twilio-webhook", null, cancellationToken);
        return TwiML(reply);
    }

    internal static ContentHttpResult TwiML(string? message)
    {
        var xml = message is null
            ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>"
            : $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>{SecurityElement.Escape(message)}</Message></Response>";
        return TypedResults.Text(xml, "application/xml");
    }

    private static string PublicUrl(HttpRequest request, Uri? publicBaseUrl)
    {
        var pathAndQuery = request.PathBase + request.Path + request.QueryString;
        return publicBaseUrl is null
            ? $"{request.Scheme}://{request.Host}{pathAndQuery}"
            : publicBaseUrl.AbsoluteUri.TrimEnd('/') + pathAndQuery;
    }
}
