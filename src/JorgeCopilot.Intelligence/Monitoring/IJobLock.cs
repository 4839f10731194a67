namespace JorgeCopilot.Intelligence.Monitoring;

/// <summary>One holder at a time across every replica sharing the store (PostgreSQL advisory lock; a lease row on SQLite).</summary>
public interface IJobLock
{
    /// <summary>The held lock (dispose to release), or null when another replica holds it.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string name, TimeSpan lease, CancellationToken cancellationToken);
}
