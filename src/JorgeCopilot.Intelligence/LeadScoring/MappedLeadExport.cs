using System.Globalization;
using JorgeCopilot.Core.Import;

namespace JorgeCopilot.Intelligence.LeadScoring;

/// <summary>
/// Reads a lead export for training through the one mapping format (<see cref="MappingFile"/> read by
/// <see cref="MappedFileReader"/>, documented in data/README.md), kind <c>training</c> or <c>leads</c> with a target.
/// Features are the typed fields without a store <c>field</c> (their type decides numeric or categorical) and the
/// <c>attributes</c> columns; leaky columns and the target never reach the model. The rows' <c>createdAt</c> gives the
/// time order when every row has one.
/// </summary>
public static class MappedLeadExport
{
    public static LeadExport Read(string dataPath, string mapPath) => Read(dataPath, MappingFile.Load(mapPath));

    public static LeadExport Read(string dataPath, MappingFile mapping)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPath);
        ArgumentNullException.ThrowIfNull(mapping);
        var mapName = mapping.Path is null ? "the mapping" : $"mapping file {Path.GetFileName(mapping.Path)}";
        if (mapping.Kind is not (ImportKinds.Training or ImportKinds.Leads))
        {
            throw new MappingException($"{mapName}: kind '{mapping.Kind}' cannot be trained on as leads; valid kinds here are {ImportKinds.Training}, {ImportKinds.Leads}");
        }

        if (mapping.Target is null)
        {
            throw new MappingException($"{mapName}: the mapping has no target (\"target\": {{ \"column\": ..., \"positive\": ... }}), so it cannot be trained on");
        }

        CheckTargetColumn(dataPath, mapping);
        var typed = mapping.Fields
            .Where(f => f.Field is null && f.Column is not null && !mapping.IsLeaky(f.Column) && !mapping.IsTarget(f.Column))
            .ToList();
        var kinds = typed.ToDictionary(
            f => f.Column!,
            f => f.Type is FieldType.Int or FieldType.Double or FieldType.Decimal ? LeadColumnKind.Numeric : LeadColumnKind.Categorical,
            StringComparer.Ordinal);
        var examples = new List<LeadExample>();
        var values = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var dated = 0;
        foreach (var row in MappedFileReader.Read(dataPath, mapping))
        {
            if (row.Target is not { } converted || string.IsNullOrEmpty(row.TargetValue))
            {
                throw row.Error(mapping.Target.Column, $"the target cell is empty (expected '{mapping.Target.Positive}' or another value)");
            }

            values[row.TargetValue] = values.GetValueOrDefault(row.TargetValue) + 1;
            var attributes = row.Attributes.Where(a => !mapping.IsLeaky(a.Key) && !mapping.IsTarget(a.Key))
                .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
            foreach (var field in typed)
            {
                // A typed feature the attributes selection did not already carry: its parsed value, written invariantly.
                if (!attributes.ContainsKey(field.Column!) && row.Values.GetValueOrDefault(field.FieldName) is { } value)
                {
                    attributes[field.Column!] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
                }
            }

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

        CheckPositiveOccurs(dataPath, mapping.Target, values);
        return new LeadExport(
            mapping.DatasetName(dataPath),
            examples,
            kinds,
            mapping.Attributes?.NullValues ?? [""],
            dated == examples.Count && dated > 0,
            mapping.LeakyColumns.Select(l => l.Column).ToList(),
            mapping.Labels());
    }

    /// <summary>A target column absent from the header would otherwise surface as "the target is empty" on line 2.</summary>
    private static void CheckTargetColumn(string dataPath, MappingFile mapping)
    {
        if (mapping.Format.IsJson || !File.Exists(dataPath))
        {
            return;
        }

        var header = MappedFileReader.ReadHeader(dataPath, mapping);
        if (!header.Contains(mapping.Target!.Column, StringComparer.OrdinalIgnoreCase))
        {
            throw new ImportException(
                $"{Path.GetFileName(dataPath)}: the target column '{mapping.Target.Column}' is not in the header; columns are: {string.Join(", ", header)}");
        }
    }

    /// <summary>A positive value that never occurs would otherwise surface as "not enough outcomes".</summary>
    private static void CheckPositiveOccurs(string dataPath, TargetMapping target, Dictionary<string, int> values)
    {
        if (values.ContainsKey(target.Positive))
        {
            return;
        }

        var found = string.Join(", ", values.OrderByDescending(v => v.Value).Take(20).Select(v => $"'{v.Key}' ({v.Value:N0})"));
        throw new ImportException(
            $"{Path.GetFileName(dataPath)}: the positive value '{target.Positive}' never occurs in the target column '{target.Column}'; values that occur: {found}");
    }
}

/// <summary>A lead export read for training: its name, labelled rows, column kinds, missing-value cells and labels.</summary>
/// <param name="Dataset">The data set's name (the mapping's <c>dataset</c>, else the file name).</param>
/// <param name="TimeOrdered">True when every row has a creation time (a time-ordered holdout is then meaningful).</param>
/// <param name="Labels">Column → plain-words label from the mapping.</param>
public sealed record LeadExport(
    string Dataset,
    IReadOnlyList<LeadExample> Examples,
    IReadOnlyDictionary<string, LeadColumnKind> Kinds,
    IReadOnlyList<string> MissingValues,
    bool TimeOrdered,
    IReadOnlyList<string> Leaky,
    IReadOnlyDictionary<string, string> Labels);
