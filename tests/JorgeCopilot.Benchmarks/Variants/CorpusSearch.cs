using JorgeCopilot.Core.Data;
using JorgeCopilot.Intelligence.Conversations;
using Microsoft.Extensions.Options;

namespace JorgeCopilot.Benchmarks.Variants;

/// <summary>
/// Retrieval over the whole bundled corpus on the embedded store in memory: the ranking the app's ConversationSearch
/// runs, without its indexer's store check (which looks at the store at most every 30 s, not per request).
/// </summary>
internal sealed class CorpusSearch(EmbeddedVectorCollection collection, ConversationIndexModel index) : IConversationSearch
{
    public static CorpusSearch Build()
    {
        var data = new DataLocator(Options.Create(new DataOptions()));
        var conversations = CorpusFiles.ReadPersuasionForGood(data).Concat(CorpusFiles.ReadCasino(data)).ToList();
        for (var i = 0; i < conversations.Count; i++)
        {
            conversations[i].Id = i + 1;
        }

        var documents = conversations.SelectMany(ConversationDocuments.For).ToList();
        var index = ConversationIndexModel.Fit(documents.Select(d => d.Text).ToList());
        foreach (var d in documents)
        {
            d.Vector = index.Embedding.Embed(d.Text);
        }

        var collection = new EmbeddedVectorCollection("bench-variants", new MemoryVectorPersistence());
        collection.EnsureCollectionExistsAsync().GetAwaiter().GetResult();
        collection.UpsertAsync(documents).GetAwaiter().GetResult();
        return new CorpusSearch(collection, index);
    }

    public async Task<ConversationSearchResult> SearchAsync(ConversationQuery query, CancellationToken cancellationToken) =>
        new(await HybridRanker.SearchAsync(collection, index, query, cancellationToken), index.Version, "embedded");
}
