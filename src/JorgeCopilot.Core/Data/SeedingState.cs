namespace JorgeCopilot.Core.Data;

public enum SeedingStatus
{
    /// <summary>The first-start check has not finished yet (migrating, or deciding whether to seed).</summary>
    Starting,
    Seeding,
    Ready,
    Failed,
}

/// <summary>What the first-start seeding is doing, for /health. Thread-safe: written by the background service only.</summary>
public sealed class SeedingState
{
    private readonly Lock _gate = new();

    public SeedingStatus Status { get; private set; } = SeedingStatus.Starting;
    /// <summary>Why seeding failed (one line), or null.</summary>
    public string? Error { get; private set; }
    /// <summary>True when this start seeded the store (false when it was already populated or is not the embedded default).</summary>
    public bool Seeded { get; private set; }
    public ImportProgress? Progress { get; private set; }

    internal void Set(SeedingStatus status, string? error = null, bool? seeded = null)
    {
        lock (_gate)
        {
            Status = status;
            Error = error;
            Seeded = seeded ?? Seeded;
        }
    }

    internal void Report(ImportProgress progress) => Progress = progress;
}
