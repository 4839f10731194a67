namespace JorgeCopilot.Core.Conversations;

/// <summary>One utterance of a <see cref="Conversation"/>. Natural key: (<see cref="ConversationId"/>, <see cref="Index"/>).</summary>
public sealed class ConversationTurn
{
    public long Id { get; set; }
    public long ConversationId { get; set; }
    public Conversation? Conversation { get; set; }
    public int Index { get; set; }
    /// <summary>Who spoke, in the corpus' terms (persuader/persuadee, agent_1/agent_2, buyer/seller).</summary>
    public required string SpeakerRole { get; set; }
    public required string Text { get; set; }
    /// <summary>Annotation labels (strategies, dialogue acts); empty when the turn is not annotated.</summary>
    public List<string> Labels { get; set; } = [];
}
