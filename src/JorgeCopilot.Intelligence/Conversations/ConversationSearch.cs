using Microsoft.Extensions.VectorData;

namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>The app's <see cref="IConversationSearch"/>: index kept current by <see cref="ConversationIndexer"/>, hybrid ranking over the configured store.</summary>
public sealed class ConversationSearch(ConversationIndexer indexer, VectorStoreCollection<string, ConversationVector> collection) : IConversationSearch
{
    public string Store => collection is QdrantVectorCollection ? "qdrant" : "embedded";

    public async Task<ConversationSearchResult> SearchAsync(ConversationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var model = await indexer.CurrentAsync(cancellationToken);
        if (model is null || string.IsNullOrWhiteSpace(query.Text))
        {
            return new ConversationSearchResult([], model?.Version ?? "none", Store);
        }

        var hits = await HybridRanker.SearchAsync(collection, model, query, cancellationToken);
        return new ConversationSearchResult(hits, model.Version, Store);
    }
}
