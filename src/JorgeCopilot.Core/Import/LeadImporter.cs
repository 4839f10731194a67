using JorgeCopilot.Core.Leads;
using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Core.Import;

/// <summary>
/// Leads. Fields: source, externalId (natural key with source), displayName (or firstName + lastName; generated when
/// absent), phone, email, channel, createdAt, stage. Unmapped selected columns become attributes.
/// </summary>
internal sealed class LeadImporter : IKindImporter
{
    public string Kind => ImportKinds.Leads;

    public async Task<ImportCounts> ImportAsync(ImportContext context)
    {
        var rows = context.ReadAll();
        var leads = rows.Select(ToLead).ToList();
        var sources = leads.Select(l => l.Source).Distinct().ToList();
        var existing = (await context.Db.Leads.AsNoTracking().Where(l => sources.Contains(l.Source))
                .Select(l => new { l.Source, l.ExternalId }).ToListAsync(context.CancellationToken))
            .Select(l => Key(l.Source, l.ExternalId)).ToHashSet(StringComparer.Ordinal);
        var added = leads.Count(l => !existing.Contains(Key(l.Source, l.ExternalId)));

        // A re-import refreshes what the file says, never what Jorge changed since (stage, contact details it lacks).
        var keep = new List<string>();
        foreach (var (field, property) in new[] { ("stage", nameof(Lead.Stage)), ("phone", nameof(Lead.Phone)), ("email", nameof(Lead.Email)) })
        {
            if (context.Mapping.FieldFor(field) is null && !context.Mapping.Constants.ContainsKey(field))
            {
                keep.Add(property);
            }
        }

        var writer = new BulkUpsert<Lead>(context.Db, [nameof(Lead.Source), nameof(Lead.ExternalId)], keep);
        await writer.WriteAsync(leads, context.Writing("leads", leads.Count), context.CancellationToken);
        return new ImportCounts(rows.Count, added, leads.Count - added);
    }

    internal static string Key(string source, string externalId) => source + "\u001f" + externalId;

    private static Lead ToLead(MappedRow row)
    {
        var source = ImportContext.Required(row, "source");
        var externalId = ImportContext.Required(row, "externalId");
        var name = row.GetString("displayName")
            ?? string.Join(' ', new[] { row.GetString("firstName"), row.GetString("lastName") }.Where(n => !string.IsNullOrWhiteSpace(n)));
        var generated = string.IsNullOrWhiteSpace(name);
        return new Lead
        {
            Source = source,
            ExternalId = externalId,
            DisplayName = generated ? GeneratedNames.For(source, externalId) : name,
            NameIsGenerated = generated,
            Phone = row.GetString("phone"),
            Email = row.GetString("email"),
            Channel = row.GetString("channel"),
            CreatedAt = ImportContext.AsUtc(row.Values.GetValueOrDefault("createdAt")),
            Stage = row.GetString("stage") ?? LeadStages.New,
            SourceRow = row.Row,
            Attributes = new Dictionary<string, string>(row.Attributes),
        };
    }
}
