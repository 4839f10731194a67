using System.Collections.Concurrent;

namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>Keeps collections in process memory (evals, tests, benchmarks): nothing outlives the process.</summary>
public sealed class MemoryVectorPersistence : IVectorPersistence
{
    private readonly ConcurrentDictionary<string, (long Revision, ConcurrentDictionary<string, ConversationVector> Rows)> collections = new(StringComparer.Ordinal);

    public Task<bool> ExistsAsync(string collection, CancellationToken cancellationToken) => Task.FromResult(collections.ContainsKey(collection));

    public Task CreateAsync(string collection, int dimensions, CancellationToken cancellationToken)
    {
        collections.TryAdd(collection, (1, new ConcurrentDictionary<string, ConversationVector>(StringComparer.Ordinal)));
        return Task.CompletedTask;
    }

    public Task DropAsync(string collection, CancellationToken cancellationToken)
    {
        collections.TryRemove(collection, out _);
        return Task.CompletedTask;
    }

    public Task<long?> RevisionAsync(string collection, CancellationToken cancellationToken) =>
        Task.FromResult(collections.TryGetValue(collection, out var c) ? c.Revision : (long?)null);

    public Task<IReadOnlyList<ConversationVector>> LoadAsync(string collection, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConversationVector>>(collections.TryGetValue(collection, out var c) ? c.Rows.Values.ToList() : []);

    public Task UpsertAsync(string collection, IReadOnlyList<ConversationVector> records, CancellationToken cancellationToken)
    {
        var c = Existing(collection);
        foreach (var record in records)
        {
            c.Rows[record.Key] = record;
        }

        collections[collection] = (c.Revision + 1, c.Rows);
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string collection, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var c = Existing(collection);
        foreach (var key in keys)
        {
            c.Rows.TryRemove(key, out _);
        }

        collections[collection] = (c.Revision + 1, c.Rows);
        return Task.CompletedTask;
    }

    private (long Revision, ConcurrentDictionary<string, ConversationVector> Rows) Existing(string collection) =>
        collections.TryGetValue(collection, out var c) ? c : throw new InvalidOperationException($"Collection '{collection}' does not exist.");
}
