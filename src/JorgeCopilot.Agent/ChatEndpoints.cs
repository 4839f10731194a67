using System.ComponentModel.DataAnnotations;
using JorgeCopilot.Agent.Rendering;
using JorgeCopilot.Core.Security;
using JorgeCopilot.Core.Validation;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace JorgeCopilot.Agent;

public static class ChatEndpoints
{
    /// <summary><c>POST /api/v1/chat</c>: a question in, the rendered answer, its structure and the tool calls out.</summary>
    public static RouteGroupBuilder MapChat(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/chat").WithTags("Chat");
        group.MapPost("/", AskAsync)
            .WithName("Chat")
            .WithSummary("Ask the copilot a question")
            .WithDescription("Routes the question to a capability plugin (or asks back), and returns the answer rendered for the channel with the tool calls it made.")
            .WithMetadata(new RequiresApiScopeAttribute(ApiScopes.Read, ApiScopes.Bot))
            .Produces<ChatResponseBody>()
            .ProducesValidationProblem();
        return group;
    }

    internal static async Task<Results<Ok<ChatResponseBody>, ValidationProblem>> AskAsync(
        ChatRequestBody body, ICopilot copilot, AnswerRenderers renderers, IOptions<CopilotOptions> options, CancellationToken cancellationToken)
    {
        // One length limit for a question, wherever it comes from: the copilot's own (Copilot:MaxQuestionLength).
        var errors = new InputErrors().Check("text", InputRules.Text(body?.Text, options.Value.MaxQuestionLength, "text", required: true));

        if (body?.Channel is { } channel && channel is not ("web" or "msteams" or "sms"))
        {
            errors.Check("channel", "channel must be web, msteams or sms.");
        }

        if (body?.ConversationId is { Length: > 200 })
        {
            errors.Check("conversationId", "conversationId must be at most 200 characters.");
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, errors.Summary, title: "Invalid request");
        }

        var channelName = body!.Channel ?? "web";
        var reply = await copilot.AskAsync(new CopilotRequest(body.ConversationId ?? "", body.Text!, channelName), cancellationToken);
        var rendered = renderers.ForChannel(channelName).Render(reply.Answer);
        return TypedResults.Ok(new ChatResponseBody(
            reply.ConversationId,
            rendered,
            reply.Answer,
            reply.ToolCalls.Select(c => new ChatToolCall(c.Plugin, c.Function, c.Arguments)).ToList()));
    }
}

/// <param name="Text">The question.</param>
/// <param name="ConversationId">Omit to start a new conversation; send the returned id to continue it.</param>
/// <param name="Channel">web (Markdown, default), msteams or sms (plain text within three segments).</param>
public sealed record ChatRequestBody([property: Required] string? Text, string? ConversationId = null, string? Channel = null);

public sealed record ChatResponseBody(string ConversationId, string Answer, StructuredAnswer Structured, IReadOnlyList<ChatToolCall> ToolCalls);

public sealed record ChatToolCall(string Plugin, string Function, IReadOnlyDictionary<string, object?> Arguments);
