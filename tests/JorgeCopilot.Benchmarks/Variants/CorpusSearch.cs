using JorgeCopilot.Core.Data;
using JorgeCopilot.Intelligence.Conversations;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Benchmarks.Variants;

/// <summary>
/// Retrieval over the whole bundled corpus on the embedded store in memory, with the served ranking: what the app's ConversationSearch
/// runs, without its indexer's store check (which looks at the store at most every 30 s, not per request).
/// </summary>
internal sealed class CorpusSearch(EmbeddedVectorCollection collection, ConversationIndexModel index) : IConversationSearch
{
    public static CorpusSearch Build()
    {
        var data = new DataLocator(Options.Create(new DataOptions()));
        var (index, documents) = BundledCorpus.Embedded(data);
        var collection = new EmbeddedVectorCollection("bench-variants", new MemoryVectorPersistence());
        collection.EnsureCollectionExistsAsync().GetAwaiter().GetResult();
        collection.UpsertAsync(documents).GetAwaiter().GetResult();
        return new CorpusSearch(collection, index);
    }

    public async Task<ConversationSearchResult> SearchAsync(ConversationQuery query, CancellationToken cancellationToken) =>
        new(await HybridRanker.SearchAsync(collection, index, query, cancellationToken), index.Version, "embedded");
}
