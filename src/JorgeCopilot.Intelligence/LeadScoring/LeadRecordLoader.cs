using JorgeCopilot.Core.Leads;
using JorgeCopilot.Core.Store;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>Reads leads (with message timing, never text) from the store as <see cref="LeadRecord"/>s.</summary>
public sealed class LeadRecordLoader(IDbContextFactory<JorgeDbContext> contexts)
{
    public async Task<(Lead Lead, LeadRecord Record)?> LoadAsync(long leadId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lead = await db.Leads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == leadId, cancellationToken);
        if (lead is null)
        {
            return null;
        }

        var messages = await db.Messages.AsNoTracking().Where(m => m.LeadId == leadId)
            .Select(m => new LeadMessageEvent(m.Direction == MessageDirection.Inbound, m.Channel, m.SentAt))
            .ToListAsync(cancellationToken);
        return (lead, ToRecord(lead, messages));
    }

    /// <summary>Open leads (not converted or lost) for ranking, in id order.</summary>
    public async Task<IReadOnlyList<(Lead Lead, LeadRecord Record)>> LoadOpenAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var leads = await db.Leads.AsNoTracking()
            .Where(l => l.Stage != LeadStages.Converted && l.Stage != LeadStages.Lost)
            .OrderBy(l => l.Id).ToListAsync(cancellationToken);
        var messages = await MessagesAsync(db, cancellationToken);
        return leads.Select(l => (l, ToRecord(l, messages.GetValueOrDefault(l.Id) ?? []))).ToList();
    }

    /// <summary>Every lead with at least one recorded outcome, labelled converted when any outcome says so, in time order.</summary>
    public async Task<IReadOnlyList<(LeadExample Example, DateTime? CreatedAt)>> LoadLabelledAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var labels = await db.LeadOutcomes.AsNoTracking()
            .GroupBy(o => o.LeadId)
            .Select(g => new { LeadId = g.Key, Converted = g.Any(o => o.Converted) })
            .ToDictionaryAsync(g => g.LeadId, g => g.Converted, cancellationToken);
        var leads = await db.Leads.AsNoTracking().Where(l => l.Outcomes.Any()).ToListAsync(cancellationToken);
        var messages = await MessagesAsync(db, cancellationToken);
        return leads
            .OrderBy(l => l.CreatedAt ?? DateTime.MinValue).ThenBy(l => l.SourceRow ?? 0).ThenBy(l => l.Id)
            .Select((l, i) => (new LeadExample(ToRecord(l, messages.GetValueOrDefault(l.Id) ?? []), labels[l.Id], i), l.CreatedAt))
            .ToList();
    }

    /// <summary>Every store lead's attributes (no messages), to check which columns the store's leads carry.</summary>
    public async Task<IReadOnlyList<LeadRecord>> LoadAttributesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var leads = await db.Leads.AsNoTracking().ToListAsync(cancellationToken);
        return leads.Select(l => ToRecord(l, [])).ToList();
    }

    public static LeadRecord ToRecord(Lead lead, IReadOnlyList<LeadMessageEvent> messages)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return new LeadRecord(lead.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), lead.Source, lead.Channel, lead.CreatedAt, lead.Attributes, messages);
    }

    /// <summary>True when the lead gives the model nothing to go on.</summary>
    public static bool HasNoData(LeadRecord record) =>
        record.Attributes.Count == 0 && record.Messages.Count == 0 && record.Channel is null;

    private static async Task<Dictionary<long, List<LeadMessageEvent>>> MessagesAsync(JorgeDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Messages.AsNoTracking()
            .Select(m => new { m.LeadId, Inbound = m.Direction == MessageDirection.Inbound, m.Channel, m.SentAt })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(m => m.LeadId).ToDictionary(g => g.Key, g => g.Select(m => new LeadMessageEvent(m.Inbound, m.Channel, m.SentAt)).ToList());
    }
}
