using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Agent.Planning;

/// <summary>
/// The planner's view of the store. Names are cached for a short time (a turn must stay well under 50 ms and the
/// store holds tens of thousands of leads); the cache is only an accelerator — every replica rebuilds it from the
/// store, and a lead id the cache has not seen yet is looked up directly.
/// </summary>
public sealed class StorePlannerDirectory(IDbContextFactory<JorgeDbContext> contexts, TimeProvider clock) : IPlannerDirectory
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PlannerDirectorySnapshot? _snapshot;
    private DateTimeOffset _loadedAt;

    public async ValueTask<PlannerDirectorySnapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        if (_snapshot is { } fresh && clock.GetUtcNow() - _loadedAt < Lifetime)
        {
            return fresh;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } again && clock.GetUtcNow() - _loadedAt < Lifetime)
            {
                return again;
            }

            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var leads = await db.Leads.AsNoTracking().Select(l => new { l.Id, l.DisplayName }).ToListAsync(cancellationToken);
            var regions = await db.MarketSeries.AsNoTracking().Select(p => p.Region).Distinct().ToListAsync(cancellationToken);
            _snapshot = new PlannerDirectorySnapshot(new LeadNameIndex(leads.Select(l => new LeadRef(l.Id, l.DisplayName))), regions);
            _loadedAt = clock.GetUtcNow();
            return _snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask<LeadRef?> FindLeadAsync(long id, CancellationToken cancellationToken)
    {
        var snapshot = await GetSnapshotAsync(cancellationToken);
        if (snapshot.Leads.Find(id) is { } known)
        {
            return known;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Leads.AsNoTracking().Where(l => l.Id == id).Select(l => new LeadRef(l.Id, l.DisplayName)).FirstOrDefaultAsync(cancellationToken);
    }
}
