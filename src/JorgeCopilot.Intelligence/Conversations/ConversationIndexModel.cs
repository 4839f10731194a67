namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>What an index was built with: the TF-IDF embedding and the BM25 statistics of the same corpus, stored together in the registry.</summary>
public sealed class ConversationIndexModel(TfidfEmbeddingModel embedding, Bm25Scorer keywords)
{
    public const string Task = "conversation-index";

    public TfidfEmbeddingModel Embedding { get; } = embedding;

    public Bm25Scorer Keywords { get; } = keywords;

    public TfidfEmbeddingGenerator Generator { get; } = new(embedding);

    public string Version => Embedding.Version;

    public static ConversationIndexModel Fit(IReadOnlyCollection<string> documents) =>
        new(TfidfEmbeddingModel.Fit(documents), Bm25Scorer.Fit(documents));

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            var embedding = Embedding.ToBytes();
            writer.Write(embedding.Length);
            writer.Write(embedding);
            var keywords = Keywords.ToBytes();
            writer.Write(keywords.Length);
            writer.Write(keywords);
        }

        return stream.ToArray();
    }

    public static ConversationIndexModel FromBytes(byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes));
        var embedding = TfidfEmbeddingModel.FromBytes(reader.ReadBytes(reader.ReadInt32()));
        var keywords = Bm25Scorer.FromBytes(reader.ReadBytes(reader.ReadInt32()));
        return new ConversationIndexModel(embedding, keywords);
    }
}
