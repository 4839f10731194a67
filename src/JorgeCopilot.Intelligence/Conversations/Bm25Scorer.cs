namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>
/// Okapi BM25 (k1 = 1.2, b = 0.75) with document frequencies from the indexed corpus. Used two ways: as the keyword
/// half of hybrid ranking (re-scoring the vector candidates) and, over the whole corpus, as the eval's keyword baseline.
/// </summary>
public sealed class Bm25Scorer
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly Dictionary<string, int> documentFrequency;

    private Bm25Scorer(int documents, double averageLength, Dictionary<string, int> documentFrequency)
    {
        Documents = documents;
        AverageLength = averageLength;
        this.documentFrequency = documentFrequency;
    }

    public int Documents { get; }

    public double AverageLength { get; }

    public static Bm25Scorer Fit(IEnumerable<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var n = 0;
        long length = 0;
        foreach (var doc in documents)
        {
            n++;
            var words = TextTokens.Words(doc);
            length += words.Count;
            foreach (var word in words.Distinct(StringComparer.Ordinal))
            {
                df[word] = df.TryGetValue(word, out var c) ? c + 1 : 1;
            }
        }

        return new Bm25Scorer(n, n == 0 ? 1 : Math.Max(1, (double)length / n), df);
    }

    /// <summary>The query's distinct terms, the form <see cref="Score"/> takes.</summary>
    public static IReadOnlyList<string> QueryTerms(string query) => TextTokens.Words(query).Distinct(StringComparer.Ordinal).ToList();

    public double Score(IReadOnlyList<string> queryTerms, string document) => Score(queryTerms, TermCounts(document));

    public double Score(IReadOnlyList<string> queryTerms, DocumentTerms document)
    {
        ArgumentNullException.ThrowIfNull(queryTerms);
        ArgumentNullException.ThrowIfNull(document);
        var score = 0.0;
        foreach (var term in queryTerms)
        {
            if (!document.Counts.TryGetValue(term, out var tf))
            {
                continue;
            }

            var df = documentFrequency.GetValueOrDefault(term);
            var idf = Math.Log(1 + ((Documents - df + 0.5) / (df + 0.5)));
            score += idf * tf * (K1 + 1) / (tf + (K1 * (1 - B + (B * document.Length / AverageLength))));
        }

        return score;
    }

    public static DocumentTerms TermCounts(string document)
    {
        var words = TextTokens.Words(document);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            counts[word] = counts.TryGetValue(word, out var c) ? c + 1 : 1;
        }

        return new DocumentTerms(counts, words.Count);
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(Documents);
            writer.Write(AverageLength);
            writer.Write(documentFrequency.Count);
            foreach (var (term, df) in documentFrequency.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.Write(term);
                writer.Write(df);
            }
        }

        return stream.ToArray();
    }

    public static Bm25Scorer FromBytes(byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes));
        var documents = reader.ReadInt32();
        var average = reader.ReadDouble();
        var count = reader.ReadInt32();
        var df = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            df[reader.ReadString()] = reader.ReadInt32();
        }

        return new Bm25Scorer(documents, average, df);
    }
}

public sealed record DocumentTerms(Dictionary<string, int> Counts, int Length);
