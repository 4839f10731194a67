using Microsoft.EntityFrameworkCore;

namespace JorgeCopilot.Core.Import;

/// <summary>Resolves rows' lead references (leadSource + leadExternalId) to lead ids, loaded once per import.</summary>
internal sealed class LeadLookup
{
    private readonly Dictionary<string, long> _ids;

    private LeadLookup(Dictionary<string, long> ids) => _ids = ids;

    public static async Task<LeadLookup> LoadAsync(ImportContext context, IEnumerable<string> sources)
    {
        var list = sources.Distinct().ToList();
        var ids = await context.Db.Leads.AsNoTracking().Where(l => list.Contains(l.Source))
            .Select(l => new { l.Source, l.ExternalId, l.Id })
            .ToDictionaryAsync(l => LeadImporter.Key(l.Source, l.ExternalId), l => l.Id, context.CancellationToken);
        return new LeadLookup(ids);
    }

    /// <summary>The lead source a row refers to: its <c>leadSource</c> field or constant, else <c>source</c>.</summary>
    public static string SourceOf(MappedRow row) =>
        row.GetString("leadSource") ?? row.GetString("source") ?? throw row.Error("leadSource", "'leadSource' is required (map a column or set a constant)");

    public long IdOf(MappedRow row)
    {
        var source = SourceOf(row);
        var externalId = ImportContext.Required(row, "leadExternalId");
        return _ids.TryGetValue(LeadImporter.Key(source, externalId), out var id)
            ? id
            : throw row.Error("leadExternalId", $"no lead {source}/{externalId} in the store (import the leads first)");
    }
}
