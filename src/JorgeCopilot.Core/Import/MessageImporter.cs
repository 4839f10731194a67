using JorgeCopilot.Core.Leads;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Core.Import;

/// <summary>
/// Messages to and from leads. Fields: externalId (natural key), leadSource, leadExternalId, direction
/// (inbound/outbound), channel, sentAt, text — all required.
/// </summary>
internal sealed class MessageImporter : IKindImporter
{
    public string Kind => ImportKinds.Messages;

    public async Task<ImportCounts> ImportAsync(ImportContext context)
    {
        var rows = context.ReadAll();
        var leads = await LeadLookup.LoadAsync(context, rows.Select(LeadLookup.SourceOf));
        var messages = rows.Select(row => new Message
        {
            ExternalId = ImportContext.Required(row, "externalId"),
            LeadId = leads.IdOf(row),
            Direction = ImportContext.Required(row, "direction").ToUpperInvariant() switch
            {
                "INBOUND" or "IN" => MessageDirection.Inbound,
                "OUTBOUND" or "OUT" => MessageDirection.Outbound,
                var other => throw row.Error("direction", $"\"{other}\" is not inbound or outbound"),
            },
            Channel = ImportContext.Required(row, "channel"),
            SentAt = ImportContext.AsUtc(row.Values.GetValueOrDefault("sentAt")) ?? throw row.Error("sentAt", "'sentAt' is required"),
            Text = ImportContext.Required(row, "text"),
        }).ToList();
        var existing = (await context.Db.Messages.AsNoTracking().Select(m => m.ExternalId).ToListAsync(context.CancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var added = messages.Count(m => !existing.Contains(m.ExternalId));
        await new BulkUpsert<Message>(context.Db, [nameof(Message.ExternalId)])
            .WriteAsync(messages, context.Writing("messages", messages.Count), context.CancellationToken);
        return new ImportCounts(rows.Count, added, messages.Count - added);
    }
}
