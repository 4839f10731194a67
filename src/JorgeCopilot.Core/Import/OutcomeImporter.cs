using JorgeCopilot.Core.Leads;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Core.Import;

/// <summary>
/// Lead outcomes. Fields: leadSource, leadExternalId, converted (bool, required), occurredAt, value, source, and key
/// (natural key; defaults to <c>leadSource:leadExternalId</c>, one outcome per lead).
/// </summary>
internal sealed class OutcomeImporter : IKindImporter
{
    public string Kind => ImportKinds.Outcomes;

    public async Task<ImportCounts> ImportAsync(ImportContext context)
    {
        var rows = context.ReadAll();
        var leads = await LeadLookup.LoadAsync(context, rows.Select(LeadLookup.SourceOf));
        var outcomes = rows.Select(row => new LeadOutcome
        {
            Key = row.GetString("key") ?? $"{LeadLookup.SourceOf(row)}:{ImportContext.Required(row, "leadExternalId")}",
            LeadId = leads.IdOf(row),
            Converted = row.Values.GetValueOrDefault("converted") as bool?
                ?? throw row.Error("converted", "'converted' (bool) is required"),
            OccurredAt = ImportContext.AsUtc(row.Values.GetValueOrDefault("occurredAt")),
            Value = row.GetDecimal("value"),
            Source = row.GetString("source"),
        }).ToList();
        var keys = outcomes.Select(o => o.Key).ToList();
        var existing = (await context.Db.LeadOutcomes.AsNoTracking().Select(o => o.Key).ToListAsync(context.CancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var added = keys.Count(k => !existing.Contains(k));
        await new BulkUpsert<LeadOutcome>(context.Db, [nameof(LeadOutcome.Key)])
            .WriteAsync(outcomes, context.Writing("outcomes", outcomes.Count), context.CancellationToken);
        return new ImportCounts(rows.Count, added, outcomes.Count - added);
    }
}
