namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>
/// Retrieval of (winning) conversations and turns, for the agent, the REST API and the bot variants. Implementations
/// keep the index current with the store's conversations before they answer.
/// </summary>
public interface IConversationSearch
{
    Task<ConversationSearchResult> SearchAsync(ConversationQuery query, CancellationToken cancellationToken);
}

/// <param name="EmbeddingVersion">The vector space the hits come from (changes when the index is refitted).</param>
/// <param name="Store">"embedded" or "qdrant".</param>
public sealed record ConversationSearchResult(IReadOnlyList<ConversationHit> Hits, string EmbeddingVersion, string Store);
