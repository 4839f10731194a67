using System.Security.Cryptography;

namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>
/// The offline embedding: TF-IDF over word uni/bigrams and character 3-5-grams, each feature folded into a fixed number
/// of dimensions with a signed hash (so the vector length does not grow with the vocabulary), word and character parts
/// L2-normalised separately and averaged, then L2-normalised (cosine = dot product). IDF comes from the corpus it was
/// fitted on; features seen in fewer than <see cref="MinDocumentFrequency"/> documents are dropped (typos, names).
/// Deterministic: the same corpus gives the same <see cref="Version"/> and the same vectors.
/// </summary>
public sealed class TfidfEmbeddingModel
{
    public const int MinDocumentFrequency = 2;
    public const int DefaultDimensions = 1024;

    private readonly Dictionary<ulong, float> idf;

    private TfidfEmbeddingModel(int dimensions, int documents, Dictionary<ulong, float> idf)
    {
        Dimensions = dimensions;
        Documents = documents;
        this.idf = idf;
        Version = ComputeVersion();
    }

    public int Dimensions { get; }

    public int Documents { get; }

    public int Features => idf.Count;

    /// <summary>Identifies the vector space; an index built with another version must be rebuilt.</summary>
    public string Version { get; }

    public static TfidfEmbeddingModel Fit(IEnumerable<string> documents, int dimensions = DefaultDimensions)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var df = new Dictionary<ulong, int>();
        var words = new Dictionary<ulong, int>();
        var chars = new Dictionary<ulong, int>();
        var n = 0;
        foreach (var doc in documents)
        {
            n++;
            words.Clear();
            chars.Clear();
            TextTokens.Features(doc, words, chars);
            foreach (var id in words.Keys.Concat(chars.Keys))
            {
                df[id] = df.TryGetValue(id, out var c) ? c + 1 : 1;
            }
        }

        var weights = new Dictionary<ulong, float>();
        foreach (var (id, count) in df)
        {
            if (count >= MinDocumentFrequency)
            {
                weights[id] = (float)(Math.Log((1.0 + n) / (1.0 + count)) + 1.0);
            }
        }

        return new TfidfEmbeddingModel(dimensions, n, weights);
    }

    public float[] Embed(string text)
    {
        var words = new Dictionary<ulong, int>();
        var chars = new Dictionary<ulong, int>();
        TextTokens.Features(text, words, chars);
        var vector = new float[Dimensions];
        var wordPart = new float[Dimensions];
        Fold(words, wordPart);
        var charPart = new float[Dimensions];
        Fold(chars, charPart);
        Normalize(wordPart);
        Normalize(charPart);
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] = wordPart[i] + charPart[i];
        }

        Normalize(vector);
        return vector;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(1); // format
            writer.Write(Dimensions);
            writer.Write(Documents);
            writer.Write(idf.Count);
            foreach (var (id, weight) in idf.OrderBy(p => p.Key))
            {
                writer.Write(id);
                writer.Write(weight);
            }
        }

        return stream.ToArray();
    }

    public static TfidfEmbeddingModel FromBytes(byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes));
        if (reader.ReadInt32() != 1)
        {
            throw new InvalidDataException("Unknown TF-IDF model format.");
        }

        var dimensions = reader.ReadInt32();
        var documents = reader.ReadInt32();
        var count = reader.ReadInt32();
        var idf = new Dictionary<ulong, float>(count);
        for (var i = 0; i < count; i++)
        {
            idf[reader.ReadUInt64()] = reader.ReadSingle();
        }

        return new TfidfEmbeddingModel(dimensions, documents, idf);
    }

    private void Fold(Dictionary<ulong, int> counts, float[] target)
    {
        foreach (var (id, tf) in counts)
        {
            if (!idf.TryGetValue(id, out var weight))
            {
                continue;
            }

            // Sublinear tf; the sign bit keeps folded collisions unbiased (they cancel on average instead of adding up).
            var value = (float)(1.0 + Math.Log(tf)) * weight;
            var index = (int)((id >> 1) % (ulong)target.Length);
            target[index] += (id & 1UL) == 0 ? value : -value;
        }
    }

    private static void Normalize(float[] vector)
    {
        var norm = System.Numerics.Tensors.TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, vector);
        }
    }

    private string ComputeVersion()
    {
        var hash = Convert.ToHexString(SHA256.HashData(ToBytes()))[..12].ToLowerInvariant();
        return $"tfidf-w12c35-d{Dimensions}-{hash}";
    }
}
