using System.Diagnostics;
using System.Globalization;
using JorgeCopilot.Agent.Dialogue;
using JorgeCopilot.Agent.Kernel;
using JorgeCopilot.Agent.Planning;
using JorgeCopilot.Agent.Prompts;
using JorgeCopilot.Agent.Rendering;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Agent;

/// <summary>
/// The copilot behind every channel: guards the input, loads the conversation's state, lets the chat client (offline
/// planner or LLM) drive the kernel's plugins, and returns a structured answer with the tool calls made. Nothing that
/// goes wrong inside reaches the user as an exception.
/// </summary>
public sealed class CopilotService(
    IChatClient chatClient,
    CopilotToolset toolset,
    IDialogueStore dialogues,
    PromptCatalog prompts,
    AnswerComposer composer,
    IOptions<CopilotOptions> options,
    ILogger<CopilotService> logger) : ICopilot
{
    private const int MaxConversationIdLength = 200;
    private const int MaxHistoryMessages = 8;

    public async Task<CopilotReply> AskAsync(CopilotRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var conversationId = string.IsNullOrWhiteSpace(request.ConversationId)
            ? Guid.NewGuid().ToString("N")
            : request.ConversationId.Trim()[..Math.Min(request.ConversationId.Trim().Length, MaxConversationIdLength)];
        var text = (request.Text ?? "").Trim();
        if (text.Length == 0)
        {
            return Direct(conversationId, "empty", prompts.Render("answers/empty.md", new Dictionary<string, string> { ["capabilities"] = CapabilityList() }));
        }

        if (text.Length > options.Value.MaxQuestionLength)
        {
            return Direct(conversationId, "too-long", prompts.Render("answers/too_long.md",
                new Dictionary<string, string> { ["max"] = options.Value.MaxQuestionLength.ToString(CultureInfo.InvariantCulture) }));
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var state = await dialogues.LoadAsync(conversationId, cancellationToken);
            var chatOptions = new ChatOptions { Tools = [.. toolset.Tools], ToolMode = ChatToolMode.Auto };
            if (!options.Value.IsOpenAI)
            {
                // The dialogue state never goes to a remote model: only the in-process planner reads it.
                chatOptions.AdditionalProperties = new AdditionalPropertiesDictionary { [PlannerAnswerContent.StateKey] = state };
            }

            List<ChatMessage> messages = [new(ChatRole.System, prompts.Get("system.md"))];
            if (options.Value.IsOpenAI)
            {
                // A remote model has no memory between turns: replay the recent exchange so follow-ups make sense.
                messages.AddRange(state.History.Select(h => new ChatMessage(h.Role == "assistant" ? ChatRole.Assistant : ChatRole.User, h.Text)));
            }

            messages.Add(new ChatMessage(ChatRole.User, text));
            var response = await chatClient.GetResponseAsync(messages, chatOptions, cancellationToken);
            var calls = ToolCalls(response);
            var planned = response.Messages.SelectMany(m => m.Contents.OfType<PlannerAnswerContent>()).LastOrDefault();
            var answer = planned?.Answer ?? FromModel(response);
            state = planned?.State ?? state;
            state.Turns++;
            if (options.Value.IsOpenAI)
            {
                state.History.Add(new DialogueMessage("user", text));
                state.History.Add(new DialogueMessage("assistant", answer.Text));
                state.History = state.History.TakeLast(MaxHistoryMessages).ToList();
            }

            try
            {
                await dialogues.SaveAsync(conversationId, state, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The answer is still right; only the follow-up memory is lost.
                logger.LogWarning(ex, "Could not save dialogue state");
            }

            logger.LogInformation("Copilot turn answered as {Kind} with {ToolCalls} tool calls in {Elapsed} ms",
                answer.Kind, calls.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return new CopilotReply(conversationId, answer, calls);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Copilot turn failed after {Elapsed} ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return Direct(conversationId, "error", prompts.Get("answers/error.md").Trim());
        }
    }

    private string CapabilityList() => Planning.CapabilityList.Describe(prompts, toolset.Specs);

    private List<ToolCallRecord> ToolCalls(ChatResponse response)
    {
        var results = response.Messages.SelectMany(m => m.Contents.OfType<FunctionResultContent>())
            .GroupBy(r => r.CallId).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        return response.Messages.SelectMany(m => m.Contents.OfType<FunctionCallContent>())
            .Select(c =>
            {
                var spec = toolset.FindByWireName(c.Name);
                return new ToolCallRecord(spec?.Plugin ?? "", spec?.Function ?? c.Name,
                    (c.Arguments ?? new Dictionary<string, object?>()).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal))
                {
                    Result = results.TryGetValue(c.CallId, out var result) && result.Exception is null ? Groundedness.SourceText(result.Result) : null,
                };
            })
            .ToList();
    }

    /// <summary>An LLM wrote the text; the facts still come from the tool results, tagged with their tool.</summary>
    private StructuredAnswer FromModel(ChatResponse response)
    {
        var calls = response.Messages.SelectMany(m => m.Contents.OfType<FunctionCallContent>()).ToDictionary(c => c.CallId, StringComparer.Ordinal);
        var facts = new List<AnswerFact>();
        foreach (var result in response.Messages.SelectMany(m => m.Contents.OfType<FunctionResultContent>()))
        {
            if (calls.TryGetValue(result.CallId, out var call) && toolset.FindByWireName(call.Name) is { } spec && result.Exception is null)
            {
                var args = (call.Arguments ?? new Dictionary<string, object?>()).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
                facts.AddRange(composer.Compose(spec, args, result.Result, null).Answer.Facts);
            }
        }

        var text = response.Text;
        return new StructuredAnswer(string.IsNullOrWhiteSpace(text) ? prompts.Get("answers/error.md").Trim() : text.Trim())
        {
            Kind = "llm",
            Facts = facts,
        };
    }

    private static CopilotReply Direct(string conversationId, string kind, string text) =>
        new(conversationId, new StructuredAnswer(text) { Kind = kind }, []);
}
