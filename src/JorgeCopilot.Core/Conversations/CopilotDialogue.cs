namespace JorgeCopilot.Core.Conversations;

/// <summary>
/// The copilot's memory of one chat (last answer's entities, a pending clarification), kept in the store so any
/// replica can answer the next message. Natural key: <see cref="ConversationId"/>.
/// </summary>
public sealed class CopilotDialogue
{
    public long Id { get; set; }
    public required string ConversationId { get; set; }
    /// <summary>The agent's dialogue state as JSON; its shape belongs to the agent layer and is versioned by it.</summary>
    public required string StateJson { get; set; }
    public int TurnCount { get; set; }
    public DateTime UpdatedAt { get; set; }
}
