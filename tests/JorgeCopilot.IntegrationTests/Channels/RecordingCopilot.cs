using System.Collections.Concurrent;
using JorgeCopilot.Agent;

namespace JorgeCopilot.IntegrationTests.Channels;

/// <summary>
/// Sits in front of the copilot the host really uses and keeps what it was asked and what it answered, so tests can
/// check what the channel handed over (dialogue key, channel, cleaned text) and compare the delivered reply with the
/// copilot's own answer and tool calls. It changes nothing.
/// </summary>
public sealed class RecordingCopilot(ICopilot inner) : ICopilot
{
    public ConcurrentQueue<CopilotRequest> Requests { get; } = new();

    public ConcurrentQueue<CopilotReply> Replies { get; } = new();

    public async Task<CopilotReply> AskAsync(CopilotRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        var reply = await inner.AskAsync(request, cancellationToken);
        Replies.Enqueue(reply);
        return reply;
    }

    /// <summary>The copilot's replies in one conversation, in order.</summary>
    public IReadOnlyList<CopilotReply> RepliesIn(string conversationId) => [.. Replies.Where(r => r.ConversationId == conversationId)];
}
