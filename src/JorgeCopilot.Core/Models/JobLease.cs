namespace JorgeCopilot.Core.Models;

/// <summary>
/// A named lease in the store: lets one replica at a time run a job where PostgreSQL advisory locks are not
/// available (SQLite). Taken by a conditional update, released by clearing <see cref="Holder"/>.
/// </summary>
public sealed class JobLease
{
    public required string Name { get; set; }
    public string? Holder { get; set; }
    public DateTime ExpiresAt { get; set; }
}
