using JorgeCopilot.Core.Import;

namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>
/// Reads a lead export through the shared mapping reader (<see cref="MappingFile"/> / <see cref="MappedFileReader"/>,
/// the data/&lt;set&gt;/*.map.json format): attributes, channel, creation time and the target come from the mapping;
/// leaky columns never reach the model.
/// </summary>
public static class MappedLeadExport
{
    /// <summary>True when the file is in the shared mapping format (it declares <c>fields</c>), not the eval's compact one.</summary>
    public static bool IsSharedFormat(string mapPath) =>
        !mapPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || File.ReadAllText(mapPath).Contains("\"fields\"", StringComparison.Ordinal);

    public static (IReadOnlyList<LeadExample> Examples, IReadOnlyDictionary<string, LeadColumnKind> Kinds, bool TimeOrdered, IReadOnlyList<string> Leaky) Read(
        string dataPath, string mapPath)
    {
        var mapping = MappingFile.Load(mapPath);
        if (mapping.Target is null)
        {
            throw new InvalidDataException($"{Path.GetFileName(mapPath)}: the mapping has no target, so it cannot be trained on.");
        }

        var kinds = mapping.Fields
            .Where(f => f.Column is not null && f.Field is null)
            .ToDictionary(f => f.Column!, f => f.Type is FieldType.Int or FieldType.Double or FieldType.Decimal ? LeadColumnKind.Numeric : LeadColumnKind.Categorical);
        var examples = new List<LeadExample>();
        var dated = 0;
        foreach (var row in MappedFileReader.Read(dataPath, mapping))
        {
            if (row.Target is not { } converted)
            {
                throw row.Error(mapping.Target.Column, "the target is empty");
            }

            var attributes = row.Attributes.Where(a => !mapping.IsLeaky(a.Key) && !mapping.IsTarget(a.Key)).ToDictionary(a => a.Key, a => a.Value);
            var created = row.Values.GetValueOrDefault("createdAt") switch
            {
                DateTime d => d,
                DateOnly d => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                _ => (DateTime?)null,
            };
            dated += created is null ? 0 : 1;
            var key = row.GetString("externalId") ?? $"row-{row.Row:000000}";
            var lead = new LeadRecord(key, row.GetString("source") ?? mapping.Constants.GetValueOrDefault("source"), row.GetString("channel"), created, attributes, []);
            examples.Add(new LeadExample(lead, converted, row.Row));
        }

        return (examples, kinds, dated == examples.Count && dated > 0, mapping.LeakyColumns.Select(l => l.Column).ToList());
    }
}
