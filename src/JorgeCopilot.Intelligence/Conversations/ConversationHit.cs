namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>One retrieved conversation or turn. <see cref="Score"/> ranks (fused when hybrid); the parts say where it came from.</summary>
public sealed record ConversationHit(
    string Key,
    long ConversationId,
    string Corpus,
    string ExternalId,
    string Kind,
    string Outcome,
    double? OutcomeValue,
    IReadOnlyList<string> Strategies,
    string Text,
    string? Response,
    double Score,
    double VectorScore,
    double KeywordScore);
