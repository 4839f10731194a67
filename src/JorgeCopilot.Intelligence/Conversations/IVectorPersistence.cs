namespace JorgeCopilot.Intelligence.Conversations;

/// <summary>Where the embedded vector store keeps its rows: the relational store in the app, memory in evals and tests.</summary>
public interface IVectorPersistence
{
    Task<bool> ExistsAsync(string collection, CancellationToken cancellationToken);

    Task CreateAsync(string collection, int dimensions, CancellationToken cancellationToken);

    Task DropAsync(string collection, CancellationToken cancellationToken);

    /// <summary>Changes whenever the collection's rows change; null when the collection does not exist.</summary>
    Task<long?> RevisionAsync(string collection, CancellationToken cancellationToken);

    Task<IReadOnlyList<ConversationVector>> LoadAsync(string collection, CancellationToken cancellationToken);

    Task UpsertAsync(string collection, IReadOnlyList<ConversationVector> records, CancellationToken cancellationToken);

    Task DeleteAsync(string collection, IReadOnlyList<string> keys, CancellationToken cancellationToken);
}
