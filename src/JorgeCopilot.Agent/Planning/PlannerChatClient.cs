using System.Runtime.CompilerServices;
using JorgeCopilot.Agent.Dialogue;
using JorgeCopilot.Agent.Rendering;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace JorgeCopilot.Agent.Planning;

/// <summary>
/// The offline planner as an <see cref="IChatClient"/>. First call: the user's message in, a real
/// <see cref="FunctionCallContent"/> out (or a direct answer). Semantic Kernel's function-invoking client then runs
/// the plugin and calls again with the <see cref="FunctionResultContent"/>, from which the answer is composed. So
/// the same plugins run the same way an LLM would drive them.
/// </summary>
public sealed class PlannerChatClient(OfflinePlanner planner, ILogger<PlannerChatClient> logger) : IChatClient
{
    public const string SubjectKey = "jorge.subject";

    /// <summary>Function invocation looks for this; without metadata Semantic Kernel never runs a tool.</summary>
    public static readonly ChatClientMetadata Metadata = new("jorge-offline-planner", null, "intent-sdca-v1");

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        // The planner works on its own copy of the state; both calls of one turn (plan, then compose) start from the same input.
        var state = options?.AdditionalProperties?.TryGetValue(PlannerAnswerContent.StateKey, out var value) == true && value is DialogueState given
            ? DialogueJson.Copy(given)
            : new DialogueState();
        var tools = options?.Tools?.Select(ToolSpec.From).OfType<ToolSpec>().ToList() ?? [];

        var last = list.Count > 0 ? list[^1] : null;
        var results = last?.Contents.OfType<FunctionResultContent>().ToList() ?? [];
        if (results.Count > 0)
        {
            return Final(Complete(list, results, tools, state), state);
        }

        var text = list.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        var decision = await planner.PlanAsync(text, tools, state, cancellationToken);
        switch (decision)
        {
            case CallTool call:
                logger.LogDebug("Planner chose {Tool}", call.Tool.Key);
                var content = new FunctionCallContent("call_" + Guid.NewGuid().ToString("N")[..16], call.Tool.WireName, call.Arguments.ToDictionary(a => a.Key, a => a.Value))
                {
                    AdditionalProperties = new AdditionalPropertiesDictionary { [SubjectKey] = call.Subject },
                };
                return new ChatResponse(new ChatMessage(ChatRole.Assistant, [content]))
                {
                    ModelId = Metadata.DefaultModelId,
                    FinishReason = ChatFinishReason.ToolCalls,
                };
            case ReplyDirectly reply:
                return Final(reply.Answer, state);
            default:
                throw new InvalidOperationException("Unknown planner decision.");
        }
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? Metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
    }

    private StructuredAnswer Complete(IReadOnlyList<ChatMessage> messages, List<FunctionResultContent> results, List<ToolSpec> tools, DialogueState state)
    {
        var calls = messages.SelectMany(m => m.Contents.OfType<FunctionCallContent>()).GroupBy(c => c.CallId).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        StructuredAnswer? combined = null;
        foreach (var result in results)
        {
            if (!calls.TryGetValue(result.CallId, out var call) || tools.FirstOrDefault(t => t.WireName == call.Name) is not { } tool)
            {
                continue;
            }

            StructuredAnswer answer;
            if (result.Exception is not null)
            {
                logger.LogWarning(result.Exception, "Tool {Tool} failed", tool.Key);
                answer = new StructuredAnswer($"I couldn't get that from {tool.Key} just now. Please try again in a moment.") { Kind = "tool-error" };
            }
            else
            {
                var arguments = (IReadOnlyDictionary<string, object?>?)call.Arguments?.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal)
                    ?? new Dictionary<string, object?>();
                var subject = call.AdditionalProperties?.TryGetValue(SubjectKey, out var s) == true ? s as string : null;
                answer = planner.Complete(tool, arguments, result.Result, subject, state);
            }

            combined = combined is null ? answer : combined with
            {
                Text = combined.Text + "\n" + answer.Text,
                Facts = [.. combined.Facts, .. answer.Facts],
                Table = combined.Table ?? answer.Table,
                Chart = combined.Chart ?? answer.Chart,
            };
        }

        return combined ?? new StructuredAnswer("I couldn't match the tool result to a request.") { Kind = "tool-error" };
    }

    private static ChatResponse Final(StructuredAnswer answer, DialogueState state) => new(new ChatMessage(ChatRole.Assistant, [new TextContent(answer.Text), new PlannerAnswerContent(answer, state)]))
    {
        ModelId = Metadata.DefaultModelId,
        FinishReason = ChatFinishReason.Stop,
    };
}
