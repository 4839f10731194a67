using JorgeCopilot.Core.Store;
using JorgeCopilot.Core.Variants;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Intelligence.Variants;

/// <summary>
/// The bandit's state in the store. Counts change only through conditional single-statement updates inside one
/// transaction: the served row's flags flip at most once (<c>WHERE counted = false</c>), and only the flip that
/// succeeded adds to the arm (<c>SET trials = trials + 1</c>). Concurrent replicas therefore neither lose nor double
/// an outcome, on PostgreSQL (row locks) and SQLite (one writer at a time) alike.
/// </summary>
public sealed class ExperimentStore(JorgeDbContextFactory contexts, TimeProvider clock)
{
    /// <summary>The segment's arms for the given strategies, creating the experiment and any missing arm (flat prior).</summary>
    public async Task<IReadOnlyList<VariantArm>> ArmsAsync(string experiment, string segment, IReadOnlyList<string> strategies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        await using var db = contexts.CreateDbContext();
        var experimentId = await ExperimentIdAsync(db, experiment, cancellationToken);
        var arms = await db.VariantArms.AsNoTracking()
            .Where(a => a.ExperimentId == experimentId && a.Segment == segment)
            .ToListAsync(cancellationToken);
        var missing = strategies.Except(arms.Select(a => a.Strategy), StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return Order(arms, strategies);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var strategy in missing)
        {
            db.VariantArms.Add(new VariantArm { ExperimentId = experimentId, Segment = segment, Strategy = strategy, CreatedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another replica created the same arm first (unique experiment/segment/strategy); use theirs.
                db.ChangeTracker.Clear();
            }
        }

        arms = await db.VariantArms.AsNoTracking()
            .Where(a => a.ExperimentId == experimentId && a.Segment == segment)
            .ToListAsync(cancellationToken);
        return Order(arms, strategies);
    }

    public async Task LogServedAsync(IReadOnlyList<ServedVariant> served, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        db.ServedVariants.AddRange(served);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<(OutcomeRecording Result, VariantArm? Arm)> RecordOutcomeAsync(Guid servedId, OutcomeLevel level, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var served = await db.ServedVariants.AsNoTracking()
            .Where(s => s.ServedId == servedId)
            .Select(s => new { s.Id, s.ArmId, s.Arm!.Experiment!.Goal })
            .FirstOrDefaultAsync(cancellationToken);
        if (served is null)
        {
            return (OutcomeRecording.UnknownServedId, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var trials = await db.ServedVariants
            .Where(s => s.Id == served.Id && !s.Counted)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Counted, true), cancellationToken);
        var successes = level >= served.Goal
            ? await db.ServedVariants
                .Where(s => s.Id == served.Id && !s.Rewarded)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Rewarded, true), cancellationToken)
            : 0;
        await db.ServedVariants
            .Where(s => s.Id == served.Id && (s.Outcome == null || s.Outcome < level))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Outcome, level).SetProperty(x => x.OutcomeAt, now), cancellationToken);
        if (trials + successes > 0)
        {
            await db.VariantArms
                .Where(a => a.Id == served.ArmId)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(a => a.Trials, a => a.Trials + trials)
                    .SetProperty(a => a.Successes, a => a.Successes + successes), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var arm = await db.VariantArms.AsNoTracking().FirstAsync(a => a.Id == served.ArmId, cancellationToken);
        return (trials + successes > 0 ? OutcomeRecording.Counted : OutcomeRecording.AlreadyRecorded, arm);
    }

    public async Task<IReadOnlyList<VariantArm>> SegmentArmsAsync(long experimentId, string segment, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.VariantArms.AsNoTracking()
            .Where(a => a.ExperimentId == experimentId && a.Segment == segment)
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
    }

    public async Task SetStatusAsync(IReadOnlyList<(VariantArm Arm, ArmStatus Status)> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await using var db = contexts.CreateDbContext();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (arm, status) in changes)
        {
            await db.VariantArms
                .Where(a => a.Id == arm.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, status).SetProperty(a => a.StatusChangedAt, now), cancellationToken);
        }
    }

    public async Task<IReadOnlyList<VariantExperiment>> ExperimentsAsync(string? name, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var query = db.VariantExperiments.AsNoTracking().Include(e => e.Arms).AsQueryable();
        if (!string.IsNullOrWhiteSpace(name))
        {
            query = query.Where(e => e.Name == name);
        }

        return await query.OrderBy(e => e.Name).ToListAsync(cancellationToken);
    }

    private async Task<long> ExperimentIdAsync(JorgeDbContext db, string name, CancellationToken cancellationToken)
    {
        var id = await db.VariantExperiments.Where(e => e.Name == name).Select(e => (long?)e.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is { } existing)
        {
            return existing;
        }

        db.VariantExperiments.Add(new VariantExperiment { Name = name, CreatedAt = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Created concurrently by another replica: read theirs.
            db.ChangeTracker.Clear();
        }

        return await db.VariantExperiments.Where(e => e.Name == name).Select(e => e.Id).FirstAsync(cancellationToken);
    }

    private static List<VariantArm> Order(List<VariantArm> arms, IReadOnlyList<string> strategies) =>
        arms.Where(a => strategies.Contains(a.Strategy)).OrderBy(a => IndexOf(strategies, a.Strategy)).ToList();

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
