using JorgeCopilot.Intelligence.Conversations;
using Microsoft.Extensions.VectorData;
using Qdrant.Client;

namespace JorgeCopilot.IntegrationTests.Conversations;

/// <summary>The contract on Qdrant (gRPC endpoint in <c>QDRANT_URL</c>, e.g. http://localhost:6334); skipped with that reason when unset.</summary>
public sealed class QdrantVectorCollectionContractTests : VectorCollectionContract
{
    public const string UrlVariable = "QDRANT_URL";

    protected override Task<VectorStoreCollection<string, ConversationVector>> CreateAsync(string name)
    {
        var url = Environment.GetEnvironmentVariable(UrlVariable);
        if (string.IsNullOrWhiteSpace(url))
        {
            Assert.Skip($"No Qdrant server here: set {UrlVariable} (gRPC endpoint, e.g. http://localhost:6334) to run the vector-store contract against Qdrant.");
        }

        return Task.FromResult<VectorStoreCollection<string, ConversationVector>>(new QdrantVectorCollection(new QdrantClient(new Uri(url)), name));
    }
}
