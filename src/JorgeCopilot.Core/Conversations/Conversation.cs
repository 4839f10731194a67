namespace JorgeCopilot.Core.Conversations;

/// <summary>A past dialogue with its outcome (the retrieval and strategy corpus). Natural key: (<see cref="Corpus"/>, <see cref="ExternalId"/>).</summary>
public sealed class Conversation
{
    public long Id { get; set; }
    public required string Corpus { get; set; }
    public required string ExternalId { get; set; }
    /// <summary>True when the conversation reached the goal (donation made, deal agreed); null when unknown.</summary>
    public bool? Succeeded { get; set; }
    public double? OutcomeValue { get; set; }
    public Dictionary<string, string> Attributes { get; set; } = [];
    public List<ConversationTurn> Turns { get; set; } = [];
}
