using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace JorgeCopilot.Core.Data;

/// <summary>
/// <c>jorge seed --remove</c>: deletes the demo workspace's leads (<see cref="Lead.IsDemo"/>) with their messages,
/// outcomes and deals, and the generated demo deals, in ONE transaction, so Jorge's own leads stand alone. Market data,
/// properties, sales, conversations and trained models stay (they are public data, not somebody's leads).
/// </summary>
public sealed class DemoDataRemover(IDbContextFactory<JorgeDbContext> factory, LeadDirectoryChanges leadChanges, ILogger<DemoDataRemover> logger)
{
    public async Task<DemoRemoval> RemoveAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var demo = db.Leads.Where(l => l.IsDemo).Select(l => l.Id);
        // Children first: the cascades exist in the model, but bulk deletes do not rely on the provider enforcing them
        // (SQLite only does with foreign keys on), and the counts are reported.
        var messages = await db.Messages.Where(m => demo.Contains(m.LeadId)).ExecuteDeleteAsync(cancellationToken);
        var outcomes = await db.LeadOutcomes.Where(o => demo.Contains(o.LeadId)).ExecuteDeleteAsync(cancellationToken);
        var deals = await db.Deals.Where(d => d.IsGenerated || demo.Contains(d.LeadId)).ExecuteDeleteAsync(cancellationToken);
        var leads = await db.Leads.Where(l => l.IsDemo).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        leadChanges.Changed();
        logger.LogInformation("Removed demo data: {Leads} leads, {Messages} messages, {Outcomes} outcomes, {Deals} deals", leads, messages, outcomes, deals);
        return new DemoRemoval(leads, messages, outcomes, deals);
    }
}

/// <summary>Rows deleted by one demo removal.</summary>
public sealed record DemoRemoval(int Leads, int Messages, int Outcomes, int Deals);
