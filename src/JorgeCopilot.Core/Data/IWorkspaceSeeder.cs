namespace JorgeCopilot.Core.Data;

/// <summary>Loads the bundled real data sets as Jorge's demo workspace. Idempotent: a second run adds nothing.</summary>
public interface IWorkspaceSeeder
{
    /// <summary>True when the store holds no leads, properties, series or conversations yet.</summary>
    Task<bool> IsEmptyAsync(CancellationToken cancellationToken);

    Task<SeedSummary> SeedAsync(IProgress<ImportProgress>? progress, CancellationToken cancellationToken);
}

/// <summary>Rows added (and updated) per data set by one seed run.</summary>
public sealed record SeedSummary(IReadOnlyList<SeedStep> Steps);

public sealed record SeedStep(string DataSet, string Kind, int RowsRead, int RowsAdded, int RowsUpdated);

/// <summary>Progress of a long import: <paramref name="Done"/> of <paramref name="Total"/> rows (Total may be an estimate).</summary>
public sealed record ImportProgress(string Task, long Done, long Total);
