using JorgeCopilot.Agent.Rendering;

namespace JorgeCopilot.Agent;

/// <summary>
/// The copilot as every channel sees it: a question in, a structured answer out. The REST chat endpoint, the CLI's
/// <c>ask</c>/<c>chat</c> and the Bot Framework channels all call this; none of them knows how the answer was made.
/// </summary>
public interface ICopilot
{
    Task<CopilotReply> AskAsync(CopilotRequest request, CancellationToken cancellationToken);
}

/// <param name="ConversationId">Dialogue key; state (last answer, pending question) is kept per conversation in the store.</param>
/// <param name="Text">What the user typed.</param>
/// <param name="Channel">"web", "msteams", "sms", or a Bot Framework channel id.</param>
/// <param name="UserId">Channel user id, when known (never logged).</param>
public sealed record CopilotRequest(string ConversationId, string Text, string Channel, string? UserId = null);

/// <summary>The answer plus the tool calls that produced it (for <c>--json</c>, evals and audits).</summary>
public sealed record CopilotReply(string ConversationId, StructuredAnswer Answer, IReadOnlyList<ToolCallRecord> ToolCalls);

/// <summary>One plugin call made while answering, with the tool's result as JSON text (what every number in the answer must come from).</summary>
public sealed record ToolCallRecord(string Plugin, string Function, IReadOnlyDictionary<string, object?> Arguments)
{
    public string? Result { get; init; }
}
