namespace JorgeCopilot.Agent.Planning;

/// <summary>What the planner may look up while filling arguments: lead names and ids, and the market regions on file.</summary>
public interface IPlannerDirectory
{
    ValueTask<PlannerDirectorySnapshot> GetSnapshotAsync(CancellationToken cancellationToken);

    /// <summary>The lead with this id, even when it arrived after the snapshot was taken; null when there is none.</summary>
    ValueTask<LeadRef?> FindLeadAsync(long id, CancellationToken cancellationToken);
}

public sealed record PlannerDirectorySnapshot(LeadNameIndex Leads, IReadOnlyList<string> Regions)
{
    public static PlannerDirectorySnapshot Empty { get; } = new(LeadNameIndex.Empty, []);
}

/// <summary>A fixed directory: the routing eval's workspace, written in its dataset so the eval does not depend on whichever store is configured.</summary>
public sealed class FixedPlannerDirectory(PlannerDirectorySnapshot snapshot) : IPlannerDirectory
{
    public ValueTask<PlannerDirectorySnapshot> GetSnapshotAsync(CancellationToken cancellationToken) => ValueTask.FromResult(snapshot);

    public ValueTask<LeadRef?> FindLeadAsync(long id, CancellationToken cancellationToken) => ValueTask.FromResult(snapshot.Leads.Find(id));
}
