using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Agent.Planning;

/// <summary>
/// The planner's view of the store. Names are cached (a turn must stay well under 50 ms and the store holds tens of
/// thousands of leads); the cache is only an accelerator. It is rebuilt at once after a lead write in this process
/// (<see cref="LeadDirectoryChanges"/>: imports, CRM webhooks, demo removal), within a few seconds after one in another
/// process or replica (a cheap watermark of the store: lead count, last import, last CRM event), and every two minutes
/// regardless; a lead id the cache has not seen yet is looked up directly.
/// </summary>
public sealed class StorePlannerDirectory(IDbContextFactory<JorgeDbContext> contexts, TimeProvider clock, LeadDirectoryChanges changes) : IPlannerDirectory
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PlannerDirectorySnapshot? _snapshot;
    private DateTimeOffset _loadedAt;
    private DateTimeOffset _checkedAt;
    private long _version = -1;
    private Watermark _watermark;

    public async ValueTask<PlannerDirectorySnapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_snapshot is { } fresh && changes.Version == Volatile.Read(ref _version) && now - _loadedAt < Lifetime && now - _checkedAt < CheckEvery)
        {
            return fresh;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            now = clock.GetUtcNow();
            var version = changes.Version;
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (_snapshot is { } again && version == _version && now - _loadedAt < Lifetime)
            {
                if (now - _checkedAt < CheckEvery)
                {
                    return again;
                }

                var mark = await WatermarkAsync(db, cancellationToken);
                _checkedAt = now;
                if (mark == _watermark)
                {
                    return again;
                }
            }

            // The watermark is read before the leads, so a write landing in between only causes one more reload.
            _watermark = await WatermarkAsync(db, cancellationToken);
            var leads = await db.Leads.AsNoTracking().Select(l => new { l.Id, l.DisplayName, l.IsDemo, l.ExternalId }).ToListAsync(cancellationToken);
            var regions = await db.MarketSeries.AsNoTracking().Select(p => p.Region).Distinct().ToListAsync(cancellationToken);
            _snapshot = new PlannerDirectorySnapshot(
                new LeadNameIndex(leads.Select(l => new LeadRef(l.Id, l.DisplayName, l.IsDemo)), leads.Select(l => KeyValuePair.Create(l.ExternalId, l.Id))),
                regions);
            _loadedAt = _checkedAt = now;
            Volatile.Write(ref _version, version);
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
        return await db.Leads.AsNoTracking().Where(l => l.Id == id).Select(l => new LeadRef(l.Id, l.DisplayName, l.IsDemo)).FirstOrDefaultAsync(cancellationToken);
    }

    private static async Task<Watermark> WatermarkAsync(JorgeDbContext db, CancellationToken ct) => new(
        await db.Leads.CountAsync(ct),
        await db.ImportRecords.MaxAsync(r => (long?)r.Id, ct) ?? 0,
        await db.CrmWebhookEvents.MaxAsync(e => (long?)e.Id, ct) ?? 0);

    private readonly record struct Watermark(int Leads, long LastImport, long LastCrmEvent);
}
