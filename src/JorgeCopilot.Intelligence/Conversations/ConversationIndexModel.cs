namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>
/// What an index was built with: the TF-IDF embedding and the BM25 statistics of the same corpus, and the ranking
/// parameters it is served with (<see cref="RankingChoice"/>), stored together in the registry.
/// </summary>
public sealed class ConversationIndexModel(TfidfEmbeddingModel embedding, Bm25Scorer keywords, RankingChoice? ranking = null)
{
    public const string Task = "conversation-index";

    // Written first by the format that carries the ranking; the first format began with the embedding's (positive) length.
    private const int RankingFormat = -2;

    public TfidfEmbeddingModel Embedding { get; } = embedding;

    public Bm25Scorer Keywords { get; } = keywords;

    public RankingChoice Ranking { get; } = ranking ?? RankingChoice.Default;

    public TfidfEmbeddingGenerator Generator { get; } = new(embedding);

    /// <summary>The vector space and the ranking choice: items are re-embedded when either changes.</summary>
    public string Version => $"{Embedding.Version}-r{Ranking.Fingerprint}";

    public static ConversationIndexModel Fit(IReadOnlyCollection<string> documents, RankingChoice? ranking = null) =>
        new(TfidfEmbeddingModel.Fit(documents), Bm25Scorer.Fit(documents), ranking);

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(RankingFormat);
            var embedding = Embedding.ToBytes();
            writer.Write(embedding.Length);
            writer.Write(embedding);
            var keywords = Keywords.ToBytes();
            writer.Write(keywords.Length);
            writer.Write(keywords);
            Ranking.Write(writer);
        }

        return stream.ToArray();
    }

    public static ConversationIndexModel FromBytes(byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes));
        var first = reader.ReadInt32();
        var withRanking = first == RankingFormat;
        var embedding = TfidfEmbeddingModel.FromBytes(reader.ReadBytes(withRanking ? reader.ReadInt32() : first));
        var keywords = Bm25Scorer.FromBytes(reader.ReadBytes(reader.ReadInt32()));
        return new ConversationIndexModel(embedding, keywords, withRanking ? RankingChoice.Read(reader) : null);
    }
}
