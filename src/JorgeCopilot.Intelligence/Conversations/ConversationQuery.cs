namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>A search: free text (an objection, a situation, a lead's message) plus payload filters.</summary>
public sealed record ConversationQuery(string Text, ConversationFilter? Filter = null, int Top = 5, RankingMode Mode = RankingMode.Hybrid);

public enum RankingMode
{
    /// <summary>Cosine over the TF-IDF embedding only.</summary>
    Vector,

    /// <summary>Vector candidates re-ranked by reciprocal-rank fusion with BM25.</summary>
    Hybrid,
}
