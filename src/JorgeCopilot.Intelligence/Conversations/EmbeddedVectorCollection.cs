using System.Linq.Expressions;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;

namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>
/// The embedded vector store: rows persisted through <see cref="IVectorPersistence"/>, searched by exact cosine
/// (vectors are unit length, so a dot product with <see cref="TensorPrimitives"/>) over an in-memory copy that is reloaded
/// when the collection's revision changes (another replica or process wrote). Fine up to ~10^5 vectors.
/// </summary>
public sealed class EmbeddedVectorCollection(string name, IVectorPersistence persistence,
    IEmbeddingGenerator<string, Embedding<float>>? embeddings = null) : VectorStoreCollection<string, ConversationVector>
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private Snapshot snapshot = Snapshot.Empty;

    public override string Name => name;

    public override Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default) =>
        persistence.ExistsAsync(name, cancellationToken);

    public override Task EnsureCollectionExistsAsync(CancellationToken cancellationToken = default) =>
        persistence.CreateAsync(name, ConversationVector.Dimensions, cancellationToken);

    public override async Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default)
    {
        await persistence.DropAsync(name, cancellationToken);
        snapshot = Snapshot.Empty;
    }

    public override async Task<ConversationVector?> GetAsync(string key, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default)
    {
        var current = await CurrentAsync(cancellationToken);
        return current.Index.TryGetValue(key, out var i) ? current.Records[i] : null;
    }

    public override async IAsyncEnumerable<ConversationVector> GetAsync(IEnumerable<string> keys, RecordRetrievalOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var current = await CurrentAsync(cancellationToken);
        foreach (var key in keys)
        {
            if (current.Index.TryGetValue(key, out var i))
            {
                yield return current.Records[i];
            }
        }
    }

    public override async IAsyncEnumerable<ConversationVector> GetAsync(Expression<Func<ConversationVector, bool>> filter, int top,
        FilteredRecordRetrievalOptions<ConversationVector>? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var current = await CurrentAsync(cancellationToken);
        var test = filter.Compile();
        foreach (var record in current.Records.Where(test).Skip(options?.Skip ?? 0).Take(top))
        {
            yield return record;
        }
    }

    public override Task DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        DeleteAsync([key], cancellationToken);

    public override async Task DeleteAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await persistence.DeleteAsync(name, keys.ToList(), cancellationToken);
    }

    public override Task UpsertAsync(ConversationVector record, CancellationToken cancellationToken = default) =>
        UpsertAsync([record], cancellationToken);

    public override async Task UpsertAsync(IEnumerable<ConversationVector> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var list = records.ToList();
        foreach (var record in list.Where(r => r.Vector.Length != ConversationVector.Dimensions))
        {
            throw new ArgumentException($"Record '{record.Key}' has {record.Vector.Length} dimensions; the collection holds {ConversationVector.Dimensions}.", nameof(records));
        }

        await persistence.UpsertAsync(name, list, cancellationToken);
    }

    public override async IAsyncEnumerable<VectorSearchResult<ConversationVector>> SearchAsync<TInput>(TInput searchValue, int top,
        VectorSearchOptions<ConversationVector>? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        var query = await VectorInput.ToVectorAsync(searchValue, embeddings, cancellationToken);
        var current = await CurrentAsync(cancellationToken);
        var k = top + (options?.Skip ?? 0);
        var best = TopK(current, query.Span, k, current.Allowed(options?.Filter));
        foreach (var (index, score) in best.Skip(options?.Skip ?? 0))
        {
            yield return new VectorSearchResult<ConversationVector>(current.Records[index], score);
        }
    }

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    // Compiling an expression costs more than scanning a few thousand records, and searches repeat the same few filters.
    // Only filters made of literals are cached by their text: a captured variable prints as "value(...)" whatever it holds.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Func<ConversationVector, bool>> CompiledFilters = new(StringComparer.Ordinal);

    private static Func<ConversationVector, bool>? Compiled(Expression<Func<ConversationVector, bool>>? filter)
    {
        if (filter is null)
        {
            return null;
        }

        var text = filter.ToString();
        return text.Contains("value(", StringComparison.Ordinal) || CompiledFilters.Count > 1000
            ? filter.Compile()
            : CompiledFilters.GetOrAdd(text, _ => filter.Compile());
    }

    /// <summary>Exact top-k by cosine over every allowed row; a min-heap of size k keeps it O(n log k).</summary>
    private static List<(int Index, double Score)> TopK(Snapshot current, ReadOnlySpan<float> query, int k, bool[]? allowed)
    {
        if (query.Length != current.Dimensions && current.Records.Count > 0)
        {
            throw new ArgumentException($"The query has {query.Length} dimensions; the collection holds {current.Dimensions}.");
        }

        var heap = new PriorityQueue<int, float>(k + 1);
        var matrix = current.Matrix.AsSpan();
        for (var i = 0; i < current.Records.Count; i++)
        {
            if (allowed is not null && !allowed[i])
            {
                continue;
            }

            var score = TensorPrimitives.Dot(query, matrix.Slice(i * current.Dimensions, current.Dimensions));
            if (heap.Count < k)
            {
                heap.Enqueue(i, score);
            }
            else if (heap.TryPeek(out _, out var lowest) && score > lowest)
            {
                heap.DequeueEnqueue(i, score);
            }
        }

        var result = new List<(int, double)>(heap.Count);
        while (heap.TryDequeue(out var i, out var s))
        {
            result.Add((i, s));
        }

        result.Reverse();
        return result;
    }

    private async Task<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var revision = await persistence.RevisionAsync(name, cancellationToken)
            ?? throw new InvalidOperationException($"Vector collection '{name}' does not exist; call EnsureCollectionExistsAsync first.");
        if (snapshot.Revision == revision)
        {
            return snapshot;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (snapshot.Revision != revision)
            {
                var records = await persistence.LoadAsync(name, cancellationToken);
                snapshot = Snapshot.Of(revision, records);
            }

            return snapshot;
        }
        finally
        {
            gate.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            gate.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed record Snapshot(long Revision, IReadOnlyList<ConversationVector> Records, Dictionary<string, int> Index, float[] Matrix, int Dimensions)
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool[]> _masks = new(StringComparer.Ordinal);

        /// <summary>Which rows pass the filter (null: all). Searches repeat the same few filters, so a filter made of
        /// literals is evaluated once per revision rather than once per row per search.</summary>
        public bool[]? Allowed(Expression<Func<ConversationVector, bool>>? filter)
        {
            if (Compiled(filter) is not { } test)
            {
                return null;
            }

            var text = filter!.ToString();
            return text.Contains("value(", StringComparison.Ordinal) || _masks.Count > 100
                ? Records.Select(test).ToArray()
                : _masks.GetOrAdd(text, _ => Records.Select(test).ToArray());
        }

        public static readonly Snapshot Empty = new(long.MinValue, [], [], [], ConversationVector.Dimensions);

        public static Snapshot Of(long revision, IReadOnlyList<ConversationVector> records)
        {
            // Key order makes ties and iteration deterministic whatever order the store returned the rows in.
            var ordered = records.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
            var dims = ConversationVector.Dimensions;
            var matrix = new float[ordered.Count * dims];
            var index = new Dictionary<string, int>(ordered.Count, StringComparer.Ordinal);
            for (var i = 0; i < ordered.Count; i++)
            {
                ordered[i].Vector.Span.CopyTo(matrix.AsSpan(i * dims, dims));
                index[ordered[i].Key] = i;
            }

            return new Snapshot(revision, ordered, index, matrix, dims);
        }
    }
}
