namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>Qdrant for retrieval at scale. Unset <see cref="Url"/> keeps the embedded vector store (vectors in the relational store).</summary>
public sealed class QdrantOptions
{
    public const string SectionName = "Qdrant";

    /// <summary>Qdrant's gRPC endpoint, e.g. <c>http://qdrant:6334</c>.</summary>
    public string? Url { get; set; }

    public string? ApiKey { get; set; }

    public string Collection { get; set; } = "conversations";
}
